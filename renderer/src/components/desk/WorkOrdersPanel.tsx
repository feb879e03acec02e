import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrder } from '../../../../shared/api/work-orders';
import { formatCenterDateTime } from '../../../../shared/time/format';
import { useWorkOrdersStore } from '../../stores/work-orders-store';
import { useConnectionStore } from '../../stores/connection-store';
import { useSoftphoneStore } from '../../stores/softphone-store';
import { errorText } from '../../services/api-error-text';
import { WorkOrderDetailPanel } from '../work-orders/WorkOrderDetailPanel';

/** §2.5: the agent's own work orders, due dates first; one opens in full (solution, reply, timeline) below. */
export function WorkOrdersPanel() {
  const { t } = useTranslation();
  const orders = useWorkOrdersStore((s) => s.orders);
  const error = useWorkOrdersStore((s) => s.error);
  const load = useWorkOrdersStore((s) => s.load);
  // Follow-up calls change their order's counts: the server says so with work-order.follow-up.
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="panel work-orders" aria-labelledby="work-orders-heading">
      <h2 id="work-orders-heading" className="panel__title">
        {t('workOrders.title')}
      </h2>
      {error && (
        <p className="record__error" role="alert">
          {errorText(t, error)}
        </p>
      )}
      {orders.length === 0 ? (
        <p className="muted">{t('workOrders.empty')}</p>
      ) : (
        <table className="table" data-testid="work-orders">
          <thead>
            <tr>
              <th>{t('workOrders.id')}</th>
              <th>{t('workOrders.category')}</th>
              <th>{t('workOrders.titleColumn')}</th>
              <th>{t('workOrders.state')}</th>
              <th>{t('workOrders.due')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {orders.map((order) => (
              <WorkOrderRow key={order.id} order={order} />
            ))}
          </tbody>
        </table>
      )}
      <WorkOrderDetailPanel />
    </section>
  );
}

function WorkOrderRow({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const timeZone = useConnectionStore((s) => s.timeZone);
  const select = useWorkOrdersStore((s) => s.select);
  const dial = useSoftphoneStore((s) => s.dial);
  const phoneIdle = useSoftphoneStore((s) => s.callState === 'idle' || s.callState === 'ended');
  const number = order.callbackNumber ?? order.callerNumber;
  const dueClass = order.overdue ? 'due due--overdue' : order.dueSoon ? 'due due--soon' : 'due';

  return (
    <tr data-state={order.state}>
      <td>
        <button type="button" className="link" onClick={() => void select(order.id)} aria-label={t('orderDesk.open', { id: order.id })}>
          {order.id}
        </button>
      </td>
      <td>{t(`record.categories.${order.category}`)}</td>
      <td className="table__title" title={order.description}>
        {order.title}
        {order.followUps.count > 0 && (
          <span className="follow-ups" data-testid="follow-ups">
            {t('workOrders.followUps', { count: order.followUps.count, answered: order.followUps.answered })}
            {order.followUps.lastSurvey && ` · ${t(`workOrders.survey.${order.followUps.lastSurvey}`)}`}
          </span>
        )}
      </td>
      <td>{t(`workOrders.states.${order.state}`)}</td>
      <td className={dueClass}>
        {order.dueAt ? formatCenterDateTime(order.dueAt, timeZone) : '—'}
        {order.dueProvisional && (
          <span className="due__tag due__tag--provisional" data-testid="due-provisional" title={t('workOrders.provisionalHint')}>
            {t('workOrders.provisional')}
          </span>
        )}
        {order.overdue && <span className="due__tag">{t('workOrders.overdue')}</span>}
      </td>
      <td className="table__cell--actions">
        <div className="table__actions">
          {/* The caller can be called at any stage (to ask for details, to say it is in hand), until the order is closed. */}
          {number && order.state !== 'closed' && (
            <button type="button" className="button button--small" disabled={!phoneIdle} onClick={() => void dial(number, { workOrderId: order.id })}>
              {t('workOrders.callBack')}
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}
