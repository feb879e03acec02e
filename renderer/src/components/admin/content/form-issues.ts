import type { TFunction } from 'i18next';
import type { FieldIssue } from '../../../../../shared/api/field-issues';
import { errorText, fieldIssues } from '../../../services/api-error-text';
import type { ApiError } from '../../../services/api-client';

/** The field an issue is about: its deepest name (`article.title` → title, `weekly.0.periods.1.from` → from). */
export function issueField(issue: FieldIssue): string {
  return (
    issue.path
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .at(-1) ?? ''
  );
}

/** Whether a server error marks this field: by its name, or by its whole path prefix (`weekly.0.periods.1`). */
export function marks(error: ApiError | undefined, field: string): boolean {
  return fieldIssues(error).some((i) => issueField(i) === field || i.path === field || i.path.startsWith(`${field}.`));
}

/** One sentence per issue, with the admin console's field names and where (`locate`: 周一第 2 段); the plain error text when none. */
export function issueSentences(t: TFunction, error: ApiError, locate: (path: string) => string | undefined = () => undefined): string[] {
  const issues = fieldIssues(error);
  if (!issues.length) return [errorText(t, error)];
  return issues.map((issue) => {
    const field = t(`adminContent.fields.${issueField(issue)}`, { defaultValue: t('apiErrors.thisField') });
    const where = locate(issue.path);
    const code = issue.code ?? 'invalid';
    const sentence = t(`apiErrors.field.${code}`, {
      field,
      minimum: issue.minimum,
      maximum: issue.maximum,
      defaultValue: t('apiErrors.field.invalid', { field }),
    });
    return where ? `${sentence}（${where}）` : sentence;
  });
}
