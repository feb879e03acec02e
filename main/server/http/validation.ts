import type { z } from 'zod';
import { HttpError } from './http-app.js';
import { fieldIssue } from './field-issues.js';

/**
 * Parses a request part with a zod schema; bad input becomes a 400 `invalid_request` that says
 * what is wrong, in English for logs and people, and per field as { path, code, message } for
 * the desk, which translates the code (shared/api/field-issues.ts).
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what = 'body'): z.infer<S> {
  // reportInput lets fieldIssue tell a missing field from a wrong one; the input is never sent back.
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const issues = result.error.issues.map(fieldIssue);
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  throw new HttpError(400, 'invalid_request', `invalid ${what}: ${summary}`, issues);
}
