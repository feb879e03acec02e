import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOT_READY_REASONS, type NotReadyReason } from '../../../../shared/acd/agent-state-machine';
import type { BoardAgent } from '../../../../shared/api/supervision';
import { useSupervisionStore } from '../../stores/supervision-store';

/** 强制示忙 / 强制签出 with a reason the agent will read on their desk. */
export function ForceForm({ agent, state, onDone }: { agent: BoardAgent; state: 'not_ready' | 'signed_out'; onDone(): void }) {
  const { t } = useTranslation();
  const force = useSupervisionStore((s) => s.force);
  const [reason, setReason] = useState<NotReadyReason>('其他');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    const ok = await force(agent, state === 'not_ready' ? { state, reason, note } : { state, note });
    setBusy(false);
    if (ok) onDone();
  };
  return (
    <form
      className="force-form"
      aria-label={t(`supervision.force.${state}Title`, {
        workNumber: agent.workNumber,
      })}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <strong>{t(`supervision.force.${state}Title`, { workNumber: agent.workNumber })}</strong>
      {state === 'not_ready' && (
        <select aria-label={t('supervision.force.reason')} value={reason} onChange={(e) => setReason(e.target.value as NotReadyReason)}>
          {NOT_READY_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`stateBar.reasons.${r}`, { defaultValue: r })}
            </option>
          ))}
        </select>
      )}
      <input
        aria-label={t('supervision.force.note')}
        placeholder={t('supervision.force.notePlaceholder')}
        value={note}
        maxLength={200}
        onChange={(e) => setNote(e.target.value)}
        required
      />
      <button type="submit" className="button button--primary button--small" disabled={busy || !note.trim()}>
        {t('supervision.force.confirm')}
      </button>
      <button type="button" className="button button--small" onClick={onDone}>
        {t('supervision.force.cancel')}
      </button>
    </form>
  );
}
