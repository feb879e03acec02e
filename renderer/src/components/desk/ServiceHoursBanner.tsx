import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useServiceHoursStore } from '../../stores/service-hours-store';

const RECHECK_MS = 60_000;

/** §2.3: outside 人工's hours no call reaches the desk, however long the agent sits 就绪; the desk says so. */
export function ServiceHoursBanner() {
  const { t } = useTranslation();
  const open = useServiceHoursStore((s) => s.open);
  const periods = useServiceHoursStore((s) => s.periods);
  const load = useServiceHoursStore((s) => s.load);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), RECHECK_MS);
    return () => clearInterval(timer);
  }, [load]);
  if (open !== false) return null;
  return (
    <div className="banner banner--closed" role="status" data-testid="service-hours-banner">
      {t('agentDesk.closed', { hours: periods.map((p) => `${p.from}–${p.to}`).join(t('agentDesk.listSeparator')) })}
    </div>
  );
}
