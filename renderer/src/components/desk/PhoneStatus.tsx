import { useTranslation } from 'react-i18next';
import { useSoftphoneStore } from '../../stores/softphone-store';

/** SIP registration at a glance: an agent who is not registered cannot receive calls. */
export function PhoneStatus() {
  const { t } = useTranslation();
  const registration = useSoftphoneStore((s) => s.registration);
  return (
    <div
      className={`connection connection--${registration === 'registered' ? 'online' : registration === 'failed' ? 'offline' : 'connecting'}`}
      role="status"
      data-testid="phone-status"
    >
      <span className="connection__dot" aria-hidden="true" />
      <span>{t('common.labelled', { label: t('phone.label'), value: t(`phone.${registration}`) })}</span>
    </div>
  );
}
