import { useTranslation } from 'react-i18next';
import type { WorkOrderHistoryEntry } from '../../../../shared/api/work-orders';
import { formatCenterDateTime } from '../../../../shared/time/format';
import { useConnectionStore } from '../../stores/connection-store';

/** Every step of the order, from the audit trail: when, who, what, and what they wrote. */
export function WorkOrderTimeline({ history }: { history: WorkOrderHistoryEntry[] }) {
  const { t } = useTranslation();
  const timeZone = useConnectionStore((s) => s.timeZone);
  return (
    <ol className="timeline" aria-label={t('orderDesk.timeline')} data-testid="order-timeline">
      {history.map((h, i) => (
        <li key={i} className="timeline__step" data-action={h.action}>
          <time className="timeline__at">{formatCenterDateTime(h.at, timeZone)}</time>
          <span className="timeline__who">{h.actorName ?? `#${h.actorUserId}`}</span>
          <strong className="timeline__what">{t(`orderDesk.actions.${h.action}`)}</strong>
          {h.from !== h.to && <span className="timeline__state">{t(`workOrders.states.${h.to}`)}</span>}
          {h.department && <span className="timeline__extra">{h.department}</span>}
          {h.days !== null && <span className="timeline__extra">{t('orderDesk.days', { count: h.days })}</span>}
          {h.replyResult && <span className="timeline__extra">{t(`orderDesk.replyResults.${h.replyResult}`)}</span>}
          {h.comment && <p className="timeline__comment">{h.comment}</p>}
        </li>
      ))}
    </ol>
  );
}
