import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallHistoryStore } from '../../stores/call-history-store';

/** The wrap-up (disposition) code of the call in after-call work; the center may require one before 就绪. */
export function WrapUpPicker({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const codes = useCallHistoryStore((s) => s.codes);
  const required = useCallHistoryStore((s) => s.required);
  const given = useCallHistoryStore((s) => s.given[callId]);
  const loadCodes = useCallHistoryStore((s) => s.loadCodes);
  const setWrapUp = useCallHistoryStore((s) => s.setWrapUp);
  useEffect(() => {
    void loadCodes();
  }, [loadCodes]);
  if (codes.length === 0) return null;
  return (
    <label className="state-bar__wrap-up">
      <span>{required ? t('agentDesk.wrapUp.labelRequired') : t('agentDesk.wrapUp.label')}</span>
      <select
        data-testid="wrap-up"
        aria-required={required}
        aria-invalid={required && given === undefined ? true : undefined}
        value={given ?? ''}
        onChange={(e) => e.target.value && void setWrapUp(callId, Number(e.target.value))}
      >
        <option value="">{t('agentDesk.wrapUp.choose')}</option>
        {codes.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
