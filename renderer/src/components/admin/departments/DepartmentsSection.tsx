import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../../../shared/api/departments';
import { useDepartmentsStore } from '../../../stores/departments-store';
import { LoadError, PeopleTable, formInputs, useFormErrors } from '../people-form';
import '../people.css';

const BLANK = { code: '', name: '', phone: '' };

/** 新建部门: code, name and its extension (optional). */
function DepartmentCreateForm({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const create = useDepartmentsStore((s) => s.create);
  const error = useDepartmentsStore((s) => s.error);
  const [form, setForm] = useState(BLANK);
  const { invalid, fieldError, formError } = useFormErrors(error, { action: 'create' }, ['code', 'name', 'phone'], 'department-create');
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await create({ code: form.code, name: form.name, phone: form.phone.trim() || null })) {
      setForm(BLANK);
      onDone();
    }
  };
  const input = formInputs(t, form, setForm, { invalid, fieldError });
  return (
    <form className="people-form panel" onSubmit={onSubmit} noValidate aria-label={t('adminPeople.departments.create')} data-testid="department-create-form">
      {input('code', { autoFocus: true, placeholder: t('adminPeople.departments.codeHint') })}
      {input('name')}
      {input('phone', { inputMode: 'numeric', placeholder: t('adminPeople.departments.phoneHint') })}
      <div className="people-form__buttons">
        <button type="submit" className="button button--primary">
          {t('adminPeople.departments.createSubmit')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('adminPeople.cancel')}
        </button>
      </div>
      {formError}
    </form>
  );
}

/** One department; 修改 renames it and sets its extension in the row. */
function DepartmentRow({ department: d }: { department: Department }) {
  const { t } = useTranslation();
  const { update, clearError } = useDepartmentsStore.getState();
  const error = useDepartmentsStore((s) => s.error);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState({ name: d.name, phone: d.phone ?? '' });
  const { invalid, fieldError, formError } = useFormErrors(error, { action: 'update', id: d.id }, ['name', 'phone'], `department-${d.id}`);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const changes = {
      ...(draft.name !== d.name ? { name: draft.name } : {}),
      ...((draft.phone.trim() || null) !== d.phone ? { phone: draft.phone.trim() || null } : {}),
    };
    if (Object.keys(changes).length === 0 || (await update(d.id, changes))) setEditing(false);
  };
  return (
    <tr data-testid={`department-row-${d.code}`} data-state={d.active ? 'active' : 'disabled'}>
      <td>{d.code}</td>
      {editing ? (
        <td colSpan={2}>
          <form className="people-inline" onSubmit={save} noValidate>
            <input
              aria-label={t('adminPeople.fields.name')}
              value={draft.name}
              autoFocus
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              {...invalid('name')}
            />
            <input
              aria-label={t('adminPeople.fields.phone')}
              inputMode="numeric"
              placeholder={t('adminPeople.departments.phoneHint')}
              value={draft.phone}
              onChange={(e) => setDraft({ ...draft, phone: e.target.value })}
              {...invalid('phone')}
            />
            <button type="submit" className="button button--small button--primary">
              {t('adminPeople.save')}
            </button>
            <button type="button" className="button button--small" onClick={() => setEditing(false)}>
              {t('adminPeople.cancel')}
            </button>
            {fieldError('name')}
            {fieldError('phone')}
            {formError}
          </form>
        </td>
      ) : (
        <>
          <td>{d.name}</td>
          <td>{d.phone ?? '—'}</td>
        </>
      )}
      <td>{d.leader ? `${d.leader.displayName}（${d.leader.workNumber}）` : '—'}</td>
      <td className="num">{d.handlers.length}</td>
      <td>
        <span className={`people-state people-state--${d.active ? 'active' : 'disabled'}`}>
          {t(d.active ? 'adminPeople.departments.active' : 'adminPeople.departments.disabled')}
        </span>
      </td>
      <td className="table__cell--actions">
        {!editing && (
          <div className="table__actions">
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                clearError();
                setDraft({ name: d.name, phone: d.phone ?? '' });
                setEditing(true);
              }}
            >
              {t('adminPeople.departments.edit')}
            </button>
            <button type="button" className="button button--small" onClick={() => void update(d.id, { active: !d.active })}>
              {t(d.active ? 'adminPeople.departments.disable' : 'adminPeople.departments.enable')}
            </button>
          </div>
        )}
        {!editing && formError}
      </td>
    </tr>
  );
}

/** 部门: the departments work orders are dispatched to and agents transfer callers to. */
export function DepartmentsSection() {
  const { t } = useTranslation();
  const departments = useDepartmentsStore((s) => s.departments);
  const error = useDepartmentsStore((s) => s.error);
  const [creating, setCreating] = useState(false);
  useEffect(() => void useDepartmentsStore.getState().load(), []);
  return (
    <div className="people-section" data-testid="departments-section">
      <header className="people-section__head">
        <h2>{t('adminPeople.departments.title')}</h2>
        <button type="button" className="button button--primary" onClick={() => setCreating(!creating)} aria-expanded={creating}>
          {t('adminPeople.departments.create')}
        </button>
      </header>
      <p className="muted">{t('adminPeople.departments.hint')}</p>
      {creating && <DepartmentCreateForm onDone={() => setCreating(false)} />}
      <LoadError error={error?.action === 'load' ? error.error : undefined} />
      <PeopleTable columns={['fields.code', 'fields.name', 'fields.phone', 'departments.leader', 'departments.handlers', 'departments.state', 'actions']}>
        {departments.map((d) => (
          <DepartmentRow key={d.id} department={d} />
        ))}
      </PeopleTable>
    </div>
  );
}
