import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallHistoryStore } from '../../stores/call-history-store';
import { useRecordStore } from '../../stores/record-store';
import { useConnectionStore } from '../../stores/connection-store';
import { formatDuration } from '../../hooks/use-elapsed';

const timeOfDay = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

/** 今日通话: where each finished call is filed (number, duration, outcome, wrap-up code, note, order), and unsaved records wait. */
export function CallHistoryPanel() {
  const { t } = useTranslation();
  const entries = useCallHistoryStore((s) => s.entries);
  const load = useCallHistoryStore((s) => s.load);
  const filed = useRecordStore((s) => s.filed);
  const reopenFiled = useRecordStore((s) => s.reopenFiled);
  const timeZone = useConnectionStore((s) => s.timeZone);
  useEffect(() => {
    void load();
  }, [load]);
  const unsaved = Object.entries(filed);

  return (
    <section className="panel history" aria-labelledby="history-heading" data-testid="call-history">
      <h2 id="history-heading" className="panel__title">
        {t('agentDesk.history.title')} <span className="muted">{t('agentDesk.history.count', { count: entries.length })}</span>
      </h2>
      {unsaved.length > 0 && (
        <ul className="history__unsaved" data-testid="filed-records">
          {unsaved.map(([callId, draft]) => (
            <li key={callId}>
              <span>{t('agentDesk.history.unsaved', { topic: draft.topic || draft.description.slice(0, 20) || draft.callbackNumber })}</span>
              <button type="button" className="button button--small" onClick={() => reopenFiled(callId)}>
                {t('agentDesk.history.reopen')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {entries.length === 0 ? (
        <p className="muted">{t('agentDesk.history.empty')}</p>
      ) : (
        <ol className="history__list">
          {entries.map((e) => (
            <li key={`${e.callId}-${e.kind}-${e.startedAt}`} className="history__item" data-call-id={e.callId}>
              <div className="history__line">
                <span className="history__time">{timeOfDay(e.startedAt, timeZone)}</span>
                <span className="history__number">
                  {e.direction === 'outbound' ? '↗ ' : ''}
                  {e.number}
                </span>
                <span className="history__duration">{e.durationSeconds === null ? '—' : formatDuration(e.durationSeconds)}</span>
              </div>
              <div className="history__line history__meta">
                <span>{e.outcome ? t(`agentDesk.outcomes.${e.outcome}`, { defaultValue: e.outcome }) : t('agentDesk.outcomes.inProgress')}</span>
                <span className={e.wrapUp ? '' : 'history__missing'}>{e.wrapUp ? e.wrapUp.label : t('agentDesk.history.noWrapUp')}</span>
                {e.note && (
                  <span title={e.note.topic}>
                    {t(`record.categories.${e.note.category}`)} · {e.note.topic}
                  </span>
                )}
                {e.workOrderId !== null && <span>{t('agentDesk.history.order', { id: e.workOrderId })}</span>}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
