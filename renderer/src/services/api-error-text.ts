import type { TFunction } from 'i18next';
import type { ApiError } from './api-client';

/** The field a server error is about: { field } or the first { path } of a validation error. */
export function errorField(error: ApiError | undefined): string | undefined {
  const details = error?.details;
  if (!details) return undefined;
  if (Array.isArray(details)) {
    const first = details[0] as { path?: unknown } | undefined;
    return typeof first?.path === 'string' && first.path ? first.path.split('.')[0] : undefined;
  }
  const field = (details as { field?: unknown }).field;
  return typeof field === 'string' ? field : undefined;
}

/** A server error as a sentence in the desk's language: by its code, never the server's English. */
export function errorText(t: TFunction, error: ApiError): string {
  const field = errorField(error);
  if (error.code === 'invalid_request' && field) return t('orderDesk.errors.fieldRequired', { field: t(`orderDesk.fields.${field}`, { defaultValue: field }) });
  return t(`orderDesk.errors.${error.code}`, { defaultValue: t('orderDesk.errors.unknown', { status: error.status }) });
}
