// What a 400 `invalid_request` says about each bad field, so the desk can mark the field and say
// what is wrong in the user's language: { path, code, message } per field, in `details`.
import { z } from 'zod';

/**
 * The codes of a field issue. `required`: missing or empty; `too_short` / `too_long`: a text
 * outside its length (with `minimum` / `maximum`); `too_small` / `too_big`: a number or a list;
 * `not_allowed`: a value outside its choices; `invalid_type`: not even the right kind; the
 * named formats (phone_number, work_number, date, …) come from a format check (`formatted`).
 */
export const FIELD_ISSUE_CODES = [
  'required',
  'too_short',
  'too_long',
  'too_small',
  'too_big',
  'not_allowed',
  'invalid_type',
  'unknown_field',
  'invalid_format',
  'phone_number',
  'work_number',
  'date',
  'nothing_to_change',
  'invalid',
  // Times of day and their order (service hours), and a value given twice.
  'time',
  'time_order',
  'overlap',
  'duplicate',
] as const;
export type FieldIssueCode = (typeof FIELD_ISSUE_CODES)[number];

export const fieldIssueSchema = z.object({
  /** Dotted path of the field in the body, query or path: `callbackNumber`, `handlers.0`; '' for the whole. */
  path: z.string(),
  /** Older servers and hand-made errors may send only the message. */
  code: z.string().optional(),
  message: z.string(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;
export const fieldIssuesSchema = z.array(fieldIssueSchema);

/**
 * A string checked against a pattern whose failure carries a named code: the desk says "请输入
 * 正确的电话号码" and the server's English message stays what it was.
 */
export function formatted(pattern: RegExp, code: FieldIssueCode, message: string, { trim = false } = {}) {
  return (trim ? z.string().trim() : z.string()).refine((v) => pattern.test(v), { message, params: { code } });
}

/** A phone number as agents type it: digits, +, - and spaces. */
export const phoneNumberSchema = formatted(/^[0-9+\-\s]{3,20}$/, 'phone_number', 'a phone number', { trim: true });
/** A day as YYYY-MM-DD (the pattern only; a calendar check is the caller's). */
export const daySchema = formatted(/^\d{4}-\d{2}-\d{2}$/, 'date', 'a date YYYY-MM-DD');

/** For the refine of an update that must change something. */
export const NOTHING_TO_CHANGE = { message: 'nothing to change', params: { code: 'nothing_to_change' } } as const;
