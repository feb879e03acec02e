import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrderDetail } from '../../../../shared/api/work-orders';
import { WORK_ORDER_CATEGORIES } from '../../../../shared/work-orders/categories';
import { formatCenterDateTime } from '../../../../shared/time/format';
import { useConnectionStore } from '../../stores/connection-store';
import { useWorkOrdersStore } from '../../stores/work-orders-store';
import { errorField, errorText } from '../../services/api-error-text';
import { WorkOrderActions } from './WorkOrderActions';
import { WorkOrderTimeline } from './WorkOrderTimeline';
import { RecordingPlayer } from '../recordings/RecordingPlayer';
import { useSessionStore } from '../../stores/session-store';
import { RECORDING_ROLES } from '../../../../shared/api/recordings';

/** One order in full: its matter, the department's solution, the reply, the steps it may take, and its timeline. */
export function WorkOrderDetailPanel() {
  const { t } = useTranslation();
  const order = useWorkOrdersStore((s) => s.selected);
  const select = useWorkOrdersStore((s) => s.select);
  const timeZone = useConnectionStore((s) => s.timeZone);
  const role = useSessionStore((s) => s.user?.role);
  if (!order) return null;
  const at = (iso: string | null) => (iso ? formatCenterDateTime(iso, timeZone) : '—');
  const row = (label: string, value: React.ReactNode, testId?: string) => (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value ?? '—'}</dd>
    </>
  );

  return (
    <section className="panel order-detail" aria-labelledby="order-detail-heading" data-testid="order-detail" data-state={order.state}>
      <div className="order-detail__head">
        <h2 id="order-detail-heading" className="panel__title">
          {t('orderDesk.detailTitle', { id: order.id, title: order.title })}
        </h2>
        <button type="button" className="button button--ghost button--small" onClick={() => void select(undefined)}>
          {t('orderDesk.closeDetail')}
        </button>
      </div>
      {role === 'quality' && (
        <p className="muted" data-testid="order-read-only">
          {t('adminOps.quality.readOnly')}
        </p>
      )}
      <dl className="order-detail__fields">
        {row(t('workOrders.category'), t(`record.categories.${order.category}`))}
        {row(t('workOrders.state'), <span className={`state state--${order.state}`}>{t(`workOrders.states.${order.state}`)}</span>, 'order-state')}
        {row(t('orderDesk.fields.callerName'), order.callerName)}
        {row(t('orderDesk.fields.callerNumber'), order.callerNumber)}
        {row(t('orderDesk.fields.callbackNumber'), order.callbackNumber)}
        {row(t('orderDesk.fields.department'), order.department)}
        {row(t('orderDesk.createdAt'), at(order.createdAt))}
        {order.callId &&
          role &&
          (RECORDING_ROLES as readonly string[]).includes(role) &&
          row(t('recordings.columns.recording'), <RecordingPlayer key={order.callId} callId={order.callId} />)}
        {row(
          t('workOrders.due'),
          <span className={order.overdue ? 'due due--overdue' : order.dueSoon ? 'due due--soon' : 'due'}>
            {at(order.dueAt)}
            {order.overdue && <span className="due__tag">{t('workOrders.overdue')}</span>}
            {order.dueSoon && <span className="due__tag due__tag--soon">{t('orderDesk.dueSoon')}</span>}
            {order.extensionDays !== null && <span className="due__tag due__tag--soon">{t('orderDesk.extensionPending', { count: order.extensionDays })}</span>}
          </span>,
          'order-due',
        )}
      </dl>
      <h3 className="order-detail__sub">{t('orderDesk.fields.description')}</h3>
      <p className="order-detail__text">{order.description}</p>
      {order.resolution && (
        <>
          <h3 className="order-detail__sub">{t('orderDesk.fields.resolution')}</h3>
          <p className="order-detail__text order-detail__text--solution" data-testid="order-resolution">
            {order.resolution}
          </p>
        </>
      )}
      {order.reply && (
        <>
          <h3 className="order-detail__sub">{t('orderDesk.fields.reply')}</h3>
          <p className="order-detail__text" data-testid="order-reply">
            {order.reply}
            {order.replyResult && ` · ${t(`orderDesk.replyResults.${order.replyResult}`)}`} · {at(order.repliedAt)}
          </p>
        </>
      )}
      {order.editable && <DraftEditor order={order} />}
      <WorkOrderActions key={`${order.id}-${order.state}`} order={order} />
      <h3 className="order-detail__sub">{t('orderDesk.timeline')}</h3>
      <WorkOrderTimeline history={order.history} />
    </section>
  );
}

/** A draft's matter, corrected by its creator before it is submitted. */
function DraftEditor({ order }: { order: WorkOrderDetail }) {
  const { t } = useTranslation();
  const edit = useWorkOrdersStore((s) => s.edit);
  const actionError = useWorkOrdersStore((s) => s.actionError);
  const [draft, setDraft] = useState({
    category: order.category,
    title: order.title,
    description: order.description,
    callbackNumber: order.callbackNumber ?? '',
  });
  const bad = errorField(actionError);
  return (
    <form
      className="order-edit"
      aria-label={t('orderDesk.editDraft')}
      onSubmit={(e) => {
        e.preventDefault();
        void edit(order.id, { ...draft, callbackNumber: draft.callbackNumber.trim() || null });
      }}
    >
      <label className="field">
        <span>{t('workOrders.category')}</span>
        <select value={draft.category} onChange={(e) => setDraft({ ...draft, category: e.target.value as typeof draft.category })}>
          {WORK_ORDER_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`record.categories.${c}`)}
            </option>
          ))}
        </select>
      </label>
      {(['title', 'description', 'callbackNumber'] as const).map((name) => (
        <label className="field" key={name}>
          <span>{t(`orderDesk.fields.${name}`)}</span>
          <input value={draft[name]} aria-invalid={bad === name || undefined} onChange={(e) => setDraft({ ...draft, [name]: e.target.value })} />
          {bad === name && actionError && (
            <span className="field__error" role="alert">
              {errorText(t, actionError)}
            </span>
          )}
        </label>
      ))}
      <button type="submit" className="button button--small">
        {t('orderDesk.saveDraft')}
      </button>
    </form>
  );
}
