import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTEMPT_OUTCOMES, type AttemptOutcome, type MyFollowUpsResponse } from '../../../../shared/api/follow-up-lists';
import { useSoftphoneStore } from '../../stores/softphone-store';
import { useSessionStore } from '../../stores/session-store';
import { ApiError } from '../../services/api-client';
import { routes } from '../../../../shared/api/routes';

type Entry = MyFollowUpsResponse['entries'][number];

/**
 * The agent's reminder calls (回访名单) assigned by the team lead: call a number through the
 * follow-up call path, record how the call went, mark the number done.
 */
export function MyFollowUps() {
  const { t } = useTranslation();
  const api = useSessionStore((s) => s.api);
  const isAgent = useSessionStore((s) => s.user?.role === 'agent');
  const dial = useSoftphoneStore((s) => s.dial);
  const call = useSoftphoneStore((s) => s.call);
  const phoneIdle = useSoftphoneStore((s) => s.callState === 'idle' || s.callState === 'ended');
  const [entries, setEntries] = useState<Entry[]>([]);
  const [error, setError] = useState<string | undefined>(undefined);
  const [results, setResults] = useState<Record<number, string>>({});

  const load = useCallback(() => {
    api.call(routes.followUpLists.mine).then(
      (r) => setEntries(r.entries),
      () => setEntries([]),
    );
  }, [api]);
  useEffect(() => {
    if (isAgent) load();
  }, [isAgent, load]);

  const send = async (request: () => Promise<unknown>) => {
    try {
      await request();
      setError(undefined);
      load();
    } catch (e) {
      setError(t(`followUpLists.errors.${e instanceof ApiError ? e.code : 'unknown'}`, { defaultValue: t('followUpLists.errors.unknown') }));
    }
  };
  if (!isAgent || entries.length === 0) return null;
  const open = entries.filter((e) => !e.done);
  // The follow-up call just made to this entry's number, not yet recorded: its outcome buttons show.
  const lastCallFor = (e: Entry) =>
    call && call.direction === 'outbound' && call.remoteNumber === e.number && call.callId && phoneIdle && !e.attempts.some((a) => a.callId === call.callId)
      ? call.callId
      : undefined;

  return (
    <details className="panel my-follow-ups" data-testid="my-follow-ups" open={open.length > 0}>
      <summary className="panel__title">{t('followUpLists.mine', { open: open.length, total: entries.length })}</summary>
      {error && (
        <p className="record__error" role="alert">
          {error}
        </p>
      )}
      <ul className="caller-history__list">
        {entries.map((e) => {
          const callId = lastCallFor(e);
          return (
            <li key={e.id} data-testid="follow-up-entry">
              <strong>{e.number}</strong> {e.name ?? ''} · {e.listTitle}
              <span className="muted"> · {t('followUpLists.attempts', { count: e.attempts.length })}</span>
              {e.done ? (
                <div className="muted">
                  {t('followUpLists.doneBy', { by: e.done.by, at: new Date(e.done.at).toLocaleString(), result: e.done.result ?? '' })}
                </div>
              ) : (
                <div className="my-follow-ups__actions">
                  <button type="button" className="button button--small" disabled={!phoneIdle} onClick={() => void dial(e.number)}>
                    {t('followUpLists.call')}
                  </button>
                  {callId &&
                    ATTEMPT_OUTCOMES.map((o: AttemptOutcome) => (
                      <button
                        key={o}
                        type="button"
                        className="button button--small"
                        onClick={() => void send(() => api.call(routes.followUpLists.recordAttempt, { params: { id: e.id }, body: { callId, outcome: o } }))}
                      >
                        {t(`followUpLists.outcomes.${o}`)}
                      </button>
                    ))}
                  {e.attempts.length > 0 && (
                    <form
                      className="my-follow-ups__done"
                      onSubmit={(ev) => {
                        ev.preventDefault();
                        void send(() => api.call(routes.followUpLists.markDone, { params: { id: e.id }, body: { result: results[e.id] ?? '' } }));
                      }}
                    >
                      <input
                        aria-label={t('followUpLists.result')}
                        placeholder={t('followUpLists.result')}
                        value={results[e.id] ?? ''}
                        onChange={(ev) => setResults({ ...results, [e.id]: ev.target.value })}
                      />
                      <button type="submit" className="button button--small" disabled={!(results[e.id] ?? '').trim()}>
                        {t('followUpLists.markDone')}
                      </button>
                    </form>
                  )}
                  {e.script && <div className="caller-history__resolution">{e.script}</div>}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
