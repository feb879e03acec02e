import { useTranslation } from 'react-i18next';
import { useSoftphoneStore, type ActiveCall, type SoftphoneHandoff } from '../../stores/softphone-store';
import { formatDuration, useElapsedSeconds } from '../../hooks/use-elapsed';
import { DtmfPad } from './DtmfPad';
import { hangUpWithCare } from '../../services/desk-actions';
import { handOffToSurvey } from '../../services/call-handoffs';
import { TransferControls } from './TransferControls';
import { MonitoredBadge } from './MonitoredBadge';
import { DialForm } from './DialForm';
import { dialFailureKey } from '../../services/dial-refusal';

type Translate = ReturnType<typeof useTranslation>['t'];
const DIAL_FAILURES = [403, 404, 480, 484, 486, 503, 603];

/** How the card sums up a call that is over. */
function endedText(call: ActiveCall, handoff: SoftphoneHandoff, t: Translate): string {
  if (handoff) return t(`softphone.handedOff.${handoff}`);
  if (call.failedStatus !== undefined) return t(dialFailureKey(call.failedStatus, call.failedReason, DIAL_FAILURES), { status: call.failedStatus });
  if (call.direction === 'outbound') return call.endedByRemote ? t('softphone.endedByCallee') : t('softphone.endedByAgentOutbound');
  return call.endedByRemote ? t('softphone.endedByCaller') : t('softphone.endedByAgent');
}

export function SoftphonePanel() {
  const { t } = useTranslation();
  const callState = useSoftphoneStore((s) => s.callState);
  const call = useSoftphoneStore((s) => s.call);
  const muted = useSoftphoneStore((s) => s.muted);
  const held = useSoftphoneStore((s) => s.held);
  const answer = useSoftphoneStore((s) => s.answer);
  const toggleMute = useSoftphoneStore((s) => s.toggleMute);
  const toggleHold = useSoftphoneStore((s) => s.toggleHold);
  const sendDtmf = useSoftphoneStore((s) => s.sendDtmf);
  // Ringing or dialling counts from the first ring; talking from the answer.
  const talkSeconds = useElapsedSeconds(call?.answeredAt ?? call?.startedAt, call?.endedAt);
  const handoff = useSoftphoneStore((s) => s.handoff);
  const lastError = useSoftphoneStore((s) => s.lastError);
  const hungUpFirstCount = useSoftphoneStore((s) => s.hungUpFirstCount);
  const lostCall = useSoftphoneStore((s) => s.lostCall);
  const dismissLostCall = useSoftphoneStore((s) => s.dismissLostCall);

  const talking = callState === 'active' || callState === 'held';
  // §2.4-9: the agent hangs up after the caller; doing it first needs a deliberate confirmation.
  const onHangup = () => void hangUpWithCare();
  return (
    <section className="panel softphone" aria-labelledby="softphone-heading" data-call-state={callState}>
      <h2 id="softphone-heading" className="panel__title">
        {t('softphone.title')}
      </h2>
      {lostCall && (
        <div className="softphone__lost" role="alert" data-testid="lost-call">
          {t('softphone.lostCall', { number: lostCall.remoteNumber })}
          <button type="button" className="button button--small" onClick={dismissLostCall}>
            {t('softphone.dismiss')}
          </button>
        </div>
      )}
      <div className={`call-card call-card--${callState}`} data-testid="call-card">
        <div className="call-card__state">{t(`softphone.state.${callState}`)}</div>
        {call ? (
          <>
            <div className="call-card__number" data-testid="caller-number">
              {call.remoteNumber || t('softphone.unknownNumber')}
            </div>
            <MonitoredBadge />
            {call.direction === 'outbound' && (
              <div className="call-card__path" data-testid="outbound-label">
                {call.workOrderId ? t('softphone.followUpOf', { id: call.workOrderId }) : t('softphone.outbound')}
                {callState === 'dialing' && call.earlyMedia && <span data-testid="early-media"> · {t('softphone.earlyMedia')}</span>}
                {callState === 'dialing' && call.remoteRinging && !call.earlyMedia && (
                  <span data-testid="remote-ringing"> · {t('softphone.remoteRinging')}</span>
                )}
              </div>
            )}
            {call.ivrPath.length > 0 && (
              <div className="call-card__path" data-testid="ivr-path" title={t('softphone.ivrPath')}>
                {call.ivrPath.join(' → ')}
              </div>
            )}
            <div className="call-card__timer" data-testid="call-timer">
              {formatDuration(talkSeconds)}
            </div>
            {call.endedAt && <div className="call-card__ended">{endedText(call, handoff, t)}</div>}
          </>
        ) : (
          <div className="call-card__idle">{t('softphone.noCall')}</div>
        )}
      </div>
      <DialForm />
      <div className="softphone__buttons">
        <button
          type="button"
          className="button button--answer"
          disabled={callState !== 'incoming'}
          onClick={() => void answer()}
          title="F2"
          aria-keyshortcuts="F2"
        >
          {t('softphone.answer')}
        </button>
        <button
          type="button"
          className="button button--hangup"
          disabled={!(callState === 'incoming' || callState === 'dialing' || talking || callState === 'connecting')}
          onClick={onHangup}
          title="F4"
          aria-keyshortcuts="F4"
        >
          {t('softphone.hangup')}
        </button>
        <button type="button" className="button" aria-pressed={muted} disabled={!talking} onClick={toggleMute} title="F6" aria-keyshortcuts="F6">
          {muted ? t('softphone.unmute') : t('softphone.mute')}
        </button>
        <button type="button" className="button" aria-pressed={held} disabled={!talking} onClick={() => void toggleHold()} title="F7" aria-keyshortcuts="F7">
          {held ? t('softphone.resume') : t('softphone.hold')}
        </button>
      </div>
      {/* A team lead's monitor leg is the agent's call: no survey or transfer from here. */}
      {!call?.monitor && (
        <>
          <button
            type="button"
            className="button button--survey"
            disabled={callState !== 'active' || !call?.callId || handoff !== undefined}
            onClick={() => void handOffToSurvey()}
          >
            {t('softphone.toSurvey')}
          </button>
          <TransferControls />
        </>
      )}
      {lastError && (
        <p className="softphone__warning" role="alert">
          {lastError}
        </p>
      )}
      {hungUpFirstCount > 0 && (
        <p className="softphone__warning" role="status" data-testid="hung-up-first">
          {t('softphone.hungUpFirstCount', { count: hungUpFirstCount })}
        </p>
      )}
      <DtmfPad disabled={!talking} onDigit={(d) => void sendDtmf(d)} />
      <p className="softphone__keys muted" data-testid="hotkeys-legend">
        {t('hotkeys.legend')}
      </p>
    </section>
  );
}
