import type { z } from 'zod';
import { HttpError } from './http-app.js';

/** Parses a request part with a zod schema; bad input becomes a 400 that says what is wrong. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what = 'body'): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  throw new HttpError(400, 'invalid_request', `invalid ${what}: ${summary}`, issues);
}
