import { useTranslation } from 'react-i18next';
import { useAgentStateStore } from '../../stores/agent-state-store';
import { useForcedNoticeStore } from '../../stores/forced-notice-store';
import './supervision.css';

/** On the agent's desk: a team lead set their state (示忙 or 签出), who and why, until their next change. */
export function ForcedNotice() {
  const { t } = useTranslation();
  const me = useAgentStateStore((s) => s.me);
  const pushed = useForcedNoticeStore((s) => s.forced);
  const forced = pushed === undefined ? me?.forcedBy : pushed?.by;
  const state = pushed === undefined ? me?.state : pushed?.state;
  const reason = pushed === undefined ? me?.reason : pushed?.reason;
  if (!forced || !state) return null;
  return (
    <div className="forced-notice" role="alert" data-testid="forced-notice">
      {t(state === 'signed_out' ? 'supervision.notice.signedOut' : 'supervision.notice.notReady', {
        name: forced.displayName,
        workNumber: forced.workNumber,
        reason: reason ? t(`stateBar.reasons.${reason}`, { defaultValue: reason }) : '',
        note: forced.note,
      })}
    </div>
  );
}
