import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../services/api-client';
import { errorField, errorText } from '../../services/api-error-text';
import type { AdminActionError } from '../../stores/admin-action-error';

/** A refusal as a sentence: this console's own wording for a code first, then the desk's. */
export function adminErrorText(t: TFunction, error: ApiError): string {
  if (error.code !== 'invalid_request' && t(`adminPeople.errors.${error.code}`, { defaultValue: '' })) return t(`adminPeople.errors.${error.code}`);
  return errorText(t, error, 'adminPeople.fields');
}

/**
 * Marks the field a refusal is about (aria-invalid, the sentence under it) for one form: `scope`
 * says which refusals belong to it (the action and the row). A refusal about no field of the form
 * is said once, under the form (`formError`).
 */
export function useFormErrors<A extends string>(
  error: AdminActionError<A> | undefined,
  scope: { action: A | readonly A[]; id?: number },
  fields: readonly string[],
  prefix: string,
) {
  const { t } = useTranslation();
  const actions: readonly A[] = typeof scope.action === 'string' ? [scope.action] : (scope.action as readonly A[]);
  const mine = error && actions.includes(error.action) && error.id === scope.id ? error.error : undefined;
  const text = mine ? adminErrorText(t, mine) : undefined;
  const field = errorField(mine);
  const marked = field && fields.includes(field) ? field : undefined;
  const id = (name: string) => `${prefix}-error-${name}`;
  return {
    invalid: (name: string) => (marked === name ? { 'aria-invalid': true as const, 'aria-describedby': id(name) } : {}),
    fieldError: (name: string) =>
      marked === name ? (
        <span className="field__error" id={id(name)} role="alert">
          {text}
        </span>
      ) : null,
    formError:
      text && !marked ? (
        <p className="field__error" role="alert">
          {text}
        </p>
      ) : null,
  };
}

/**
 * The inputs of one create form: `input(name, extra)` is a labelled input bound to `form[name]`,
 * marked and explained when a refusal names it.
 */
export function formInputs<F extends Record<string, string>>(
  t: TFunction,
  form: F,
  setForm: (form: F) => void,
  errors: Pick<ReturnType<typeof useFormErrors>, 'invalid' | 'fieldError'>,
) {
  return (name: keyof F & string, extra: object = {}) => (
    <label className="field field--compact">
      <span>{t(`adminPeople.fields.${name}`)}</span>
      <input name={name} value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })} {...extra} {...errors.invalid(name)} />
      {errors.fieldError(name)}
    </label>
  );
}

/** A console table: its column headers (keys of adminPeople), then the rows given. */
export function PeopleTable({ columns, children }: { columns: readonly string[]; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <table className="table people-table">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c}>{t(`adminPeople.${c}`)}</th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** The section's list could not be read: said once above it. */
export function LoadError({ error }: { error: ApiError | undefined }) {
  const { t } = useTranslation();
  return error ? (
    <p className="field__error" role="alert">
      {adminErrorText(t, error)}
    </p>
  ) : null;
}
