import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NOT_READY_REASONS, type NotReadyReason } from '../../../../shared/acd/agent-state-machine';
import { useAgentStateStore } from '../../stores/agent-state-store';
import { useElapsedSeconds, formatDuration } from '../../hooks/use-elapsed';
import { isInServiceHours } from '../../../../shared/time/service-hours';
import { useConnectionStore } from '../../stores/connection-store';
import { useTransferStore } from '../../stores/transfer-store';
import { useQueueStore } from '../../stores/queue-store';
import { askConfirm } from '../../stores/confirm-store';
import { WrapUpPicker } from './WrapUpPicker';

/** After-call work target of §3.2 (平均话后处理时间 ≤ 30 s). */
const ACW_TARGET_SECONDS = 30;

/** 签入/签出, 就绪, 示忙 with a reason, and 话后处理 with its countdown. */
export function StateBar() {
  const { t } = useTranslation();
  const me = useAgentStateStore((s) => s.me);
  const error = useAgentStateStore((s) => s.error);
  const errorCode = useAgentStateStore((s) => s.errorCode);
  const queueLength = useQueueStore((s) => s.length);
  const oldestQueuedAt = useQueueStore((s) => s.oldestQueuedAt);
  const loadQueue = useQueueStore((s) => s.load);
  const longestWait = useElapsedSeconds(oldestQueuedAt);
  const load = useAgentStateStore((s) => s.load);
  const setState = useAgentStateStore((s) => s.setState);
  const endAcw = useAgentStateStore((s) => s.endAcw);
  const timeZone = useConnectionStore((s) => s.timeZone);
  const serviceHours = useConnectionStore((s) => s.serviceHours);
  const reason = useAgentStateStore((s) => s.notReadyReason);
  const setReason = useAgentStateStore((s) => s.setNotReadyReason);
  // While a colleague rings or is consulted, the caller holds (music): the bar says so.
  const callerHolds = useTransferStore((s) => s.stage === 'ringing' || s.stage === 'consulting');
  const sinceMs = me ? Date.parse(me.since) : undefined;
  const inState = useElapsedSeconds(sinceMs);
  useEffect(() => {
    void load();
    void loadQueue();
  }, [load, loadQueue]);

  const state = me?.state ?? 'signed_out';
  const acwLeft = Math.max(0, ACW_TARGET_SECONDS - inState);
  const signOut = async () => {
    // §2.4-10: no leaving during working hours without a reason to; the agent must confirm.
    const ask = {
      title: t('stateBar.signOut'),
      message: t('stateBar.signOutWarning'),
      confirmLabel: t('stateBar.signOut'),
      cancelLabel: t('agentDesk.cancel'),
    };
    if (isInServiceHours(Date.now(), serviceHours, timeZone) && !(await askConfirm(ask))) return;
    void setState({ state: 'signed_out' });
  };

  return (
    <div className={`state-bar state-bar--${state}`} role="toolbar" aria-label={t('stateBar.label')}>
      <span className="state-bar__state" data-testid="agent-state">
        {me?.reason
          ? t('stateBar.withReason', { state: t(`stateBar.states.${state}`), reason: t(`stateBar.reasons.${me.reason}`, { defaultValue: me.reason }) })
          : t(`stateBar.states.${state}`)}
        {state === 'talking' && callerHolds && <span data-testid="caller-on-hold"> · {t('stateBar.callerOnHold')}</span>}
        <span className="state-bar__timer">{formatDuration(inState)}</span>
      </span>
      {state === 'after_call_work' && me?.callId && <WrapUpPicker callId={me.callId} />}
      {state === 'after_call_work' && (
        <span className={`state-bar__acw ${acwLeft === 0 ? 'state-bar__acw--over' : ''}`} data-testid="acw-countdown">
          {t('stateBar.acwLeft', { seconds: acwLeft })}
        </span>
      )}
      <button
        type="button"
        className="button button--small"
        disabled={state === 'ready' || state === 'ringing' || state === 'talking'}
        onClick={() => void (state === 'after_call_work' ? endAcw() : setState({ state: 'ready' }))}
        title={t('hotkeys.toggleReadyHint')}
        aria-keyshortcuts="F8"
      >
        {state === 'signed_out' ? t('stateBar.signInReady') : state === 'after_call_work' ? t('stateBar.endAcw') : t('stateBar.ready')}
      </button>
      <select aria-label={t('stateBar.reason')} value={reason} onChange={(e) => setReason(e.target.value as NotReadyReason)}>
        {NOT_READY_REASONS.map((r) => (
          <option key={r} value={r}>
            {t(`stateBar.reasons.${r}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button--small"
        disabled={state === 'ringing' || state === 'talking'}
        onClick={() => void setState({ state: 'not_ready', reason })}
        title={t('hotkeys.toggleReadyHint')}
        aria-keyshortcuts="F8"
      >
        {t('stateBar.notReady')}
      </button>
      <button
        type="button"
        className="button button--small"
        disabled={state === 'signed_out' || state === 'ringing' || state === 'talking'}
        onClick={() => void signOut()}
      >
        {t('stateBar.signOut')}
      </button>
      {error && (
        <span className="record__error" role="alert">
          {errorCode ? t(`agentDesk.errors.${errorCode}`, { defaultValue: error }) : error}
        </span>
      )}
      <span className={`state-bar__queue ${queueLength > 0 ? 'state-bar__queue--waiting' : ''}`} data-testid="queue-summary" role="status">
        {queueLength > 0 ? t('agentDesk.queue.waiting', { count: queueLength, wait: formatDuration(longestWait) }) : t('agentDesk.queue.empty')}
      </span>
    </div>
  );
}
