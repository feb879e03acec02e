import type { TFunction } from 'i18next';
import { fieldIssuesSchema, type FieldIssue } from '../../../shared/api/field-issues';
import type { ApiError } from './api-client';

/** The field issues of a 400 invalid_request ({ path, code, message } each), or []. */
export function fieldIssues(error: ApiError | undefined): FieldIssue[] {
  const parsed = fieldIssuesSchema.safeParse(error?.details);
  return parsed.success ? parsed.data.filter((i) => i.path) : [];
}

/** The field a server error is about: { field } or the first { path } of a validation error (its top name). */
export function errorField(error: ApiError | undefined): string | undefined {
  const first = fieldIssues(error)[0];
  if (first) return first.path.split('.')[0];
  const field = (error?.details as { field?: unknown } | undefined)?.field;
  return typeof field === 'string' ? field : undefined;
}

/** A field's name as the form shows it; never the server's identifier. `fields`: the form's own names first (an i18n key prefix). */
function fieldName(t: TFunction, path: string, fields?: string): string {
  const name = path.split('.')[0]!;
  const keys = [`apiErrors.fieldNames.${name}`, `orderDesk.fields.${name}`];
  return t(fields ? [`${fields}.${name}`, ...keys] : keys, { defaultValue: t('apiErrors.thisField') });
}

/** One field issue as a sentence: "回电号码不是有效的电话号码…". An issue without a code (older servers) reads as missing. */
export function issueText(t: TFunction, issue: FieldIssue, fields?: string): string {
  const field = fieldName(t, issue.path, fields);
  const code = issue.code ?? 'required';
  if (code === 'required') return t('orderDesk.errors.fieldRequired', { field });
  return t(`apiErrors.field.${code}`, { field, minimum: issue.minimum, maximum: issue.maximum, defaultValue: t('apiErrors.field.invalid', { field }) });
}

/** A server error as a sentence in the desk's language: by its code, never the server's English. */
export function errorText(t: TFunction, error: ApiError, fields?: string): string {
  const issue = fieldIssues(error)[0];
  if (error.code === 'invalid_request' && issue) return issueText(t, issue, fields);
  return t([`orderDesk.errors.${error.code}`, `apiErrors.codes.${error.code}`], { defaultValue: t('orderDesk.errors.unknown', { status: error.status }) });
}
