import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransitionRequest, WorkOrderDetail } from '../../../../shared/api/work-orders';
import { REPLY_RESULTS } from '../../../../shared/api/work-orders';
import { findTransition, type RequiredField, type WorkOrderAction } from '../../../../shared/work-orders/state-machine';
import { useWorkOrdersStore } from '../../stores/work-orders-store';
import { errorField, errorText } from '../../services/api-error-text';

type Form = Partial<Record<RequiredField, string>>;
/** Fields a step offers though it does not need them (a leader's comment on a grant, a note on a dispatch). */
const OPTIONAL: Partial<Record<WorkOrderAction, RequiredField[]>> = { grant_extension: ['comment'], dispatch: ['comment'], close: [] };

/** The buttons of the steps this user may take now (the server says which), each with the fields it needs. */
export function WorkOrderActions({ order }: { order: WorkOrderDetail }) {
  const { t } = useTranslation();
  const act = useWorkOrdersStore((s) => s.act);
  const busy = useWorkOrdersStore((s) => s.busy);
  const actionError = useWorkOrdersStore((s) => s.actionError);
  const clearError = useWorkOrdersStore((s) => s.clearActionError);
  const departments = useWorkOrdersStore((s) => s.departments);
  const [open, setOpen] = useState<WorkOrderAction | undefined>();
  const [form, setForm] = useState<Form>({});

  if (order.actions.length === 0) return null;
  const fieldsOf = (action: WorkOrderAction): RequiredField[] => [...(findTransition(order.state, action)?.requires ?? []), ...(OPTIONAL[action] ?? [])];
  const submit = async (action: WorkOrderAction, values: Form) => {
    const body: TransitionRequest = { action };
    for (const [k, v] of Object.entries(values)) if (v && v.trim()) Object.assign(body, { [k]: k === 'days' ? Number(v) : v.trim() });
    if (await act(order.id, body)) {
      setOpen(undefined);
      setForm({});
    }
  };
  const start = (action: WorkOrderAction) => {
    clearError();
    setForm({});
    if (fieldsOf(action).length === 0) void submit(action, {});
    else setOpen(action);
  };
  const badField = errorField(actionError);
  const field = (name: RequiredField) => {
    const invalid = badField === name;
    const label = t(`orderDesk.fields.${name}`);
    const props = { 'aria-invalid': invalid || undefined, 'aria-describedby': invalid ? `err-${name}` : undefined, value: form[name] ?? '' };
    const set = (value: string) => setForm((f) => ({ ...f, [name]: value }));
    return (
      <label className="field" key={name}>
        <span>{label}</span>
        {name === 'department' ? (
          <select {...props} aria-label={label} onChange={(e) => set(e.target.value)}>
            <option value="">{t('orderDesk.choose')}</option>
            {departments
              .filter((d) => d.active)
              .map((d) => (
                <option key={d.id} value={d.name}>
                  {d.name}
                </option>
              ))}
          </select>
        ) : name === 'replyResult' ? (
          <select {...props} aria-label={label} onChange={(e) => set(e.target.value)}>
            <option value="">{t('orderDesk.choose')}</option>
            {REPLY_RESULTS.map((r) => (
              <option key={r} value={r}>
                {t(`orderDesk.replyResults.${r}`)}
              </option>
            ))}
          </select>
        ) : name === 'days' ? (
          <input {...props} type="number" min={1} max={30} aria-label={label} onChange={(e) => set(e.target.value)} />
        ) : (
          <textarea {...props} rows={3} aria-label={label} onChange={(e) => set(e.target.value)} />
        )}
        {invalid && actionError && (
          <span className="field__error" id={`err-${name}`} role="alert">
            {errorText(t, actionError)}
          </span>
        )}
      </label>
    );
  };

  return (
    <div className="order-actions" data-testid="order-actions">
      <div className="order-actions__buttons">
        {order.actions.map((action) => (
          <button
            key={action}
            type="button"
            className={`button button--small ${open === action ? 'button--primary' : ''}`}
            data-action={action}
            disabled={busy}
            onClick={() => start(action)}
          >
            {t(`orderDesk.actions.${action}`)}
          </button>
        ))}
      </div>
      {open && (
        <form
          className="order-actions__form"
          aria-label={t(`orderDesk.actions.${open}`)}
          onSubmit={(e) => {
            e.preventDefault();
            void submit(open, form);
          }}
        >
          {fieldsOf(open).map(field)}
          <div className="order-actions__buttons">
            <button type="submit" className="button button--primary button--small" disabled={busy}>
              {t('orderDesk.confirm', { action: t(`orderDesk.actions.${open}`) })}
            </button>
            <button type="button" className="button button--ghost button--small" onClick={() => (clearError(), setOpen(undefined))}>
              {t('orderDesk.cancel')}
            </button>
          </div>
        </form>
      )}
      {actionError && !badField && (
        <p className="record__error" role="alert" data-testid="order-error">
          {errorText(t, actionError)}
        </p>
      )}
    </div>
  );
}
