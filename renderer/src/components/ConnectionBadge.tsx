import { useTranslation } from 'react-i18next';
import { useConnectionStore } from '../stores/connection-store';

export function ConnectionBadge() {
  const { t } = useTranslation();
  const status = useConnectionStore((s) => s.status);
  const version = useConnectionStore((s) => s.serverVersion);
  return (
    <div className={`connection connection--${status}`} role="status" aria-live="polite" data-testid="connection-status">
      <span className="connection__dot" aria-hidden="true" />
      <span>{t('common.labelled', { label: t('connection.label'), value: t(`connection.${status}`) })}</span>
      {version && <span className="connection__version">{t('connection.version', { version })}</span>}
    </div>
  );
}
