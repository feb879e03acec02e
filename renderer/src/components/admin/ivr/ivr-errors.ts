import type { TFunction } from 'i18next';
import { ApiError } from '../../../services/api-client';
import { errorField, errorText, fieldIssues } from '../../../services/api-error-text';

/** A field of these screens by the name its form shows. */
function fieldName(t: TFunction, path: string): string {
  const name = path.split('.')[0]!;
  if (name === 'text') return t('adminIvr.textLabel');
  return t(`adminIvr.content.fields.${name}`, { defaultValue: t('apiErrors.thisField') });
}

/** An error of the 语音导航 screens as a sentence, and the field it is about (marked in the form). */
export function ivrError(t: TFunction, error: unknown): { text: string; field: string | undefined } {
  if (!(error instanceof ApiError)) return { text: t('adminIvr.errors.unknown'), field: undefined };
  const issue = fieldIssues(error)[0];
  if (error.code === 'invalid_request' && issue) {
    const field = fieldName(t, issue.path);
    const code = issue.code ?? 'required';
    const text =
      code === 'required'
        ? t('orderDesk.errors.fieldRequired', { field })
        : t(`apiErrors.field.${code}`, { field, minimum: issue.minimum, maximum: issue.maximum, defaultValue: t('apiErrors.field.invalid', { field }) });
    return { text, field: errorField(error) };
  }
  const own = t(`adminIvr.errors.${error.code}`, { defaultValue: '' });
  return { text: own || errorText(t, error), field: errorField(error) };
}

/** A browser File as base64, for the JSON API. */
export function fileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('cannot read the file'));
    reader.readAsDataURL(file);
  });
}
