import { useTranslation } from 'react-i18next';
import { useSoftphoneStore } from '../../stores/softphone-store';
import { useMonitorStore } from '../../stores/monitor-store';

/**
 * On the call card: 班长监听中 on an agent's call while a team lead listens, whispers or barges
 * (only where the center shows it: the server sends the agent nothing otherwise); on the lead's
 * own monitor leg, which mode they are in.
 */
export function MonitoredBadge() {
  const { t } = useTranslation();
  const call = useSoftphoneStore((s) => s.call);
  const monitoredBy = useMonitorStore((s) => s.monitoredBy);
  const leadMode = useMonitorStore((s) => (s.callId === call?.callId ? s.mode : undefined));
  if (!call || call.endedAt) return null;
  if (call.monitor) {
    return (
      <span className="call-card__badge" role="status" data-testid="monitor-leg">
        {t(`monitor.${leadMode ?? call.monitor}`)}
      </span>
    );
  }
  if (!monitoredBy || monitoredBy.callId !== call.callId) return null;
  return (
    <span
      className="call-card__badge"
      role="status"
      data-testid="monitored-badge"
      title={t('monitor.monitoredBadgeTitle', { workNumber: monitoredBy.leadWorkNumber })}
    >
      {t('monitor.monitoredBadge')}
    </span>
  );
}
