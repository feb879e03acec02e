import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WrapUpCode } from '../../../../../shared/api/wrap-up';
import { useWrapUpAdminStore } from '../../../stores/wrap-up-admin-store';
import { LoadError, PeopleTable, formInputs, useFormErrors } from '../people-form';
import { WrapUpReport } from './WrapUpReport';
import '../people.css';

const BLANK = { code: '', label: '', sortOrder: '' };
/** The order as typed: '' is 0, anything else goes to the server to judge (it marks the field). */
const order = (value: string) => (value.trim() === '' ? 0 : Number(value));

function WrapUpCreateForm() {
  const { t } = useTranslation();
  const error = useWrapUpAdminStore((s) => s.error);
  const [form, setForm] = useState(BLANK);
  const { invalid, fieldError, formError } = useFormErrors(error, { action: 'create' }, ['code', 'label', 'sortOrder'], 'wrap-up-create');
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await useWrapUpAdminStore.getState().create({ code: form.code, label: form.label, sortOrder: order(form.sortOrder) })) setForm(BLANK);
  };
  const input = formInputs(t, form, setForm, { invalid, fieldError });
  return (
    <form className="people-form panel" onSubmit={onSubmit} noValidate aria-label={t('adminPeople.wrapUp.create')} data-testid="wrap-up-create-form">
      {input('code', { placeholder: t('adminPeople.wrapUp.codeHint') })}
      {input('label')}
      {input('sortOrder', { inputMode: 'numeric', placeholder: '0' })}
      <div className="people-form__buttons">
        <button type="submit" className="button button--primary">
          {t('adminPeople.wrapUp.create')}
        </button>
      </div>
      {formError}
    </form>
  );
}

function WrapUpRow({ code: c }: { code: WrapUpCode }) {
  const { t } = useTranslation();
  const error = useWrapUpAdminStore((s) => s.error);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState({ label: c.label, sortOrder: String(c.sortOrder) });
  const { invalid, fieldError, formError } = useFormErrors(error, { action: 'update', id: c.id }, ['label', 'sortOrder'], `wrap-up-${c.id}`);
  const { update, clearError } = useWrapUpAdminStore.getState();
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const changes = {
      ...(draft.label !== c.label ? { label: draft.label } : {}),
      ...(order(draft.sortOrder) !== c.sortOrder ? { sortOrder: order(draft.sortOrder) } : {}),
    };
    if (Object.keys(changes).length === 0 || (await update(c.id, changes))) setEditing(false);
  };
  return (
    <tr data-testid={`wrap-up-row-${c.code}`} data-state={c.active ? 'active' : 'retired'}>
      <td>{c.code}</td>
      {editing ? (
        <td colSpan={2}>
          <form className="people-inline" onSubmit={save} noValidate>
            <input
              aria-label={t('adminPeople.fields.label')}
              value={draft.label}
              autoFocus
              onChange={(e) => setDraft({ ...draft, label: e.target.value })}
              {...invalid('label')}
            />
            <input
              className="people-inline__short"
              aria-label={t('adminPeople.fields.sortOrder')}
              inputMode="numeric"
              value={draft.sortOrder}
              onChange={(e) => setDraft({ ...draft, sortOrder: e.target.value })}
              {...invalid('sortOrder')}
            />
            <button type="submit" className="button button--small button--primary">
              {t('adminPeople.save')}
            </button>
            <button type="button" className="button button--small" onClick={() => setEditing(false)}>
              {t('adminPeople.cancel')}
            </button>
            {fieldError('label')}
            {fieldError('sortOrder')}
            {formError}
          </form>
        </td>
      ) : (
        <>
          <td>{c.label}</td>
          <td className="num">{c.sortOrder}</td>
        </>
      )}
      <td>
        <span className={`people-state people-state--${c.active ? 'active' : 'disabled'}`}>
          {t(c.active ? 'adminPeople.wrapUp.inUse' : 'adminPeople.wrapUp.retired')}
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
                setDraft({ label: c.label, sortOrder: String(c.sortOrder) });
                setEditing(true);
              }}
            >
              {t('adminPeople.wrapUp.edit')}
            </button>
            <button type="button" className="button button--small" onClick={() => void update(c.id, { active: !c.active })}>
              {t(c.active ? 'adminPeople.wrapUp.retire' : 'adminPeople.wrapUp.restore')}
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}

/** 小结代码: the list agents pick from after a call, whether a code is required, and the report. */
export function WrapUpCodesSection() {
  const { t } = useTranslation();
  const codes = useWrapUpAdminStore((s) => s.codes);
  const required = useWrapUpAdminStore((s) => s.required);
  const error = useWrapUpAdminStore((s) => s.error);
  useEffect(() => void useWrapUpAdminStore.getState().load(), []);
  return (
    <div className="people-section" data-testid="wrap-up-section">
      <header className="people-section__head">
        <h2>{t('adminPeople.wrapUp.title')}</h2>
      </header>
      <label className="people-check">
        <input type="checkbox" checked={required} onChange={(e) => void useWrapUpAdminStore.getState().setRequired(e.target.checked)} />
        <span>{t('adminPeople.wrapUp.required')}</span>
      </label>
      <p className="muted">{t('adminPeople.wrapUp.requiredHint')}</p>
      <LoadError error={error?.action === 'load' || error?.action === 'settings' ? error.error : undefined} />
      <WrapUpCreateForm />
      <PeopleTable columns={['fields.code', 'fields.label', 'fields.sortOrder', 'wrapUp.state', 'actions']}>
        {codes.map((c) => (
          <WrapUpRow key={c.id} code={c} />
        ))}
      </PeopleTable>
      <WrapUpReport />
    </div>
  );
}
