import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../../shared/api/auth';
import { useUsersStore } from '../../../stores/users-store';
import { useDepartmentsStore } from '../../../stores/departments-store';
import { formInputs, useFormErrors } from '../people-form';

const FIELDS = ['workNumber', 'displayName', 'role', 'department', 'password'] as const;
const BLANK = { workNumber: '', displayName: '', role: 'agent' as Role, department: '', password: '' };

/** 新建用户: work number, name, role, department (required for a department handler), first password. */
export function UserCreateForm({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const create = useUsersStore((s) => s.create);
  const error = useUsersStore((s) => s.error);
  const departments = useDepartmentsStore((s) => s.departments);
  const [form, setForm] = useState(BLANK);
  const [busy, setBusy] = useState(false);
  const { invalid, fieldError, formError } = useFormErrors(error, { action: 'create' }, FIELDS, 'user-create');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const ok = await create({ ...form, department: form.department || null });
    setBusy(false);
    if (ok) {
      setForm(BLANK);
      onDone();
    }
  };
  const input = formInputs(t, form, setForm, { invalid, fieldError });

  return (
    <form className="people-form panel" onSubmit={onSubmit} noValidate aria-label={t('adminPeople.users.create')} data-testid="user-create-form">
      {input('workNumber', { inputMode: 'numeric', autoFocus: true, placeholder: t('adminPeople.users.workNumberHint') })}
      {input('displayName')}
      <label className="field field--compact">
        <span>{t('adminPeople.fields.role')}</span>
        <select
          name="role"
          aria-label={t('adminPeople.fields.role')}
          value={form.role}
          onChange={(e) => setForm({ ...form, role: e.target.value as Role })}
          {...invalid('role')}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`adminPeople.roles.${r}`)}
            </option>
          ))}
        </select>
        {fieldError('role')}
      </label>
      <label className="field field--compact">
        <span>{t(form.role === 'department_handler' ? 'adminPeople.users.departmentRequired' : 'adminPeople.fields.department')}</span>
        <select
          name="department"
          aria-label={t('adminPeople.fields.department')}
          value={form.department}
          onChange={(e) => setForm({ ...form, department: e.target.value })}
          {...invalid('department')}
        >
          <option value="">{t('adminPeople.users.noDepartment')}</option>
          {departments
            .filter((d) => d.active)
            .map((d) => (
              <option key={d.id} value={d.name}>
                {d.name}
              </option>
            ))}
        </select>
        {fieldError('department')}
      </label>
      {input('password', { type: 'password', autoComplete: 'new-password', placeholder: t('adminPeople.users.passwordHint') })}
      <div className="people-form__buttons">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('adminPeople.users.createSubmit')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('adminPeople.cancel')}
        </button>
      </div>
      {formError}
    </form>
  );
}
