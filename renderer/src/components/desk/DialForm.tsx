import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSoftphoneStore } from '../../stores/softphone-store';
import { useAgentStateStore } from '../../stores/agent-state-store';
import { isDiallable } from '../../services/dial-refusal';

/**
 * Dialling a number from the desk: a follow-up call without a work order, through the center's
 * trunk and dial plan like any 回访; the server's refusal shows on the call card, translated.
 */
export function DialForm() {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const [invalid, setInvalid] = useState(false);
  const dial = useSoftphoneStore((s) => s.dial);
  const phoneIdle = useSoftphoneStore((s) => s.callState === 'idle' || s.callState === 'ended');
  const agentFree = useAgentStateStore((s) => s.me?.state === 'ready' || s.me?.state === 'not_ready' || s.me?.state === 'after_call_work');
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!isDiallable(number)) return setInvalid(true);
    setInvalid(false);
    void dial(number.trim());
  };
  return (
    <form className="softphone__dial-form" onSubmit={submit}>
      <div className="softphone__dial">
        <input
          className="input--small"
          inputMode="tel"
          maxLength={32}
          aria-label={t('agentDesk.dial.label')}
          placeholder={t('agentDesk.dial.placeholder')}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? 'dial-error' : undefined}
          value={number}
          onChange={(e) => {
            setNumber(e.target.value);
            setInvalid(false);
          }}
        />
        <button type="submit" className="button button--small" disabled={!phoneIdle || !agentFree || !number.trim()}>
          {t('agentDesk.dial.call')}
        </button>
      </div>
      {invalid && (
        <p id="dial-error" className="field__error" role="alert" data-testid="dial-error">
          {t('agentDesk.dial.invalid')}
        </p>
      )}
    </form>
  );
}
