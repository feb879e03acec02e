import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardAgent } from '../../../../shared/api/supervision';
import { serviceLevel } from '../../../../shared/supervision/board-thresholds';
import { formatDuration } from '../../hooks/use-elapsed';
import { useSupervisionStore } from '../../stores/supervision-store';
import { useServerNow } from './use-server-now';

/** Who may be given a waiting caller: signed in with a phone, not on a call. */
const canTake = (a: BoardAgent) => a.registered && (a.state === 'ready' || a.state === 'not_ready' || a.state === 'after_call_work');

/** The callers waiting, the longest wait against §3.2's 40 s, today's service level and abandons. */
export function QueueSummary() {
  const { t } = useTranslation();
  const queue = useSupervisionStore((s) => s.queue);
  const limit = useSupervisionStore((s) => s.thresholds.queueWaitSec);
  const now = useServerNow();
  const waits = (queue?.calls ?? []).map((c) => Math.max(0, Math.floor((now - Date.parse(c.queuedAt)) / 1000)));
  const longest = waits.length ? Math.max(...waits) : 0;
  const today = queue?.today;
  const pct = (n: number | null) => (n === null ? '—' : `${n.toFixed(1)}%`);
  const tiles: Array<[string, string, boolean?]> = [
    ['waiting', String(queue?.calls.length ?? 0)],
    ['longestWait', formatDuration(longest), longest > limit],
    ['ringing', String(queue?.ringing ?? 0)],
    ['answered', String(today?.answered ?? 0)],
    ['sl20', pct(today ? serviceLevel(today.within20, today.offered) : null)],
    ['sl40', pct(today ? serviceLevel(today.within40, today.offered) : null)],
    ['abandoned', String(today?.abandoned ?? 0), (today?.abandoned ?? 0) > 0],
  ];
  return (
    <section className="queue-summary" aria-label={t('supervision.queue.summary')} data-testid="queue-summary">
      {longest > limit && (
        <p className="queue-alert" role="alert">
          {t('supervision.queue.alert', { wait: longest, limit })}
        </p>
      )}
      {tiles.map(([key, value, bad]) => (
        <div key={key} className={`queue-tile ${bad ? 'queue-tile--bad' : ''}`} data-tile={key}>
          <div className="queue-tile__label">{t(`supervision.queue.${key}`)}</div>
          <div className="queue-tile__value">{value}</div>
        </div>
      ))}
    </section>
  );
}

export function QueuePanel() {
  const { t } = useTranslation();
  const queue = useSupervisionStore((s) => s.queue);
  const agents = useSupervisionStore((s) => s.agents);
  const limit = useSupervisionStore((s) => s.thresholds.queueWaitSec);
  const assign = useSupervisionStore((s) => s.assign);
  const now = useServerNow();
  const [chosen, setChosen] = useState<Record<string, number>>({});
  // One caller's agent list open at a time: 100 callers × 200 agents would be 20,000 options on each update.
  const [open, setOpen] = useState<string>();
  const takers = Object.values(agents)
    .filter(canTake)
    .sort((a, b) => a.workNumber.localeCompare(b.workNumber));
  const calls = queue?.calls ?? [];
  return (
    <section className="panel queue-panel" aria-labelledby="queue-heading">
      <h2 id="queue-heading" className="panel__title">
        {t('supervision.queue.title', { count: calls.length })}
      </h2>
      {calls.length === 0 ? (
        <p className="muted">{t('supervision.queue.empty')}</p>
      ) : (
        <table className="table" data-testid="queue-callers">
          <thead>
            <tr>
              <th>{t('supervision.queue.number')}</th>
              <th className="num">{t('supervision.queue.wait')}</th>
              <th className="num">{t('supervision.queue.ahead')}</th>
              <th>{t('supervision.queue.assign')}</th>
            </tr>
          </thead>
          <tbody>
            {calls.map((c) => {
              const wait = Math.max(0, Math.floor((now - Date.parse(c.queuedAt)) / 1000));
              const agentId = chosen[c.callId] ?? takers[0]?.agentId;
              const agent = takers.find((a) => a.agentId === agentId);
              return (
                <tr key={c.callId} data-call-id={c.callId} className={wait > limit ? 'board-table__row--flagged' : undefined}>
                  <td>{c.number}</td>
                  <td className={`num ${wait > limit ? 'bad' : ''}`} data-testid="wait">
                    {formatDuration(wait)}
                  </td>
                  <td className="num">{c.ahead}</td>
                  <td className="queue-panel__assign">
                    {open !== c.callId ? (
                      <button type="button" className="button button--small" disabled={takers.length === 0} onClick={() => setOpen(c.callId)}>
                        {t('supervision.queue.assign')}
                      </button>
                    ) : (
                      <>
                        <select
                          aria-label={t('supervision.queue.assignTo')}
                          value={agentId ?? ''}
                          onChange={(e) =>
                            setChosen({
                              ...chosen,
                              [c.callId]: Number(e.target.value),
                            })
                          }
                          disabled={takers.length === 0}
                        >
                          {takers.map((a) => (
                            <option key={a.agentId} value={a.agentId}>
                              {a.workNumber} {a.displayName} · {t(`stateBar.states.${a.state}`)}
                            </option>
                          ))}
                        </select>
                        <button
                          type="button"
                          className="button button--small"
                          disabled={!agent}
                          onClick={() => agent && void assign(c.callId, agent).then(() => setOpen(undefined))}
                        >
                          {t('supervision.queue.assignButton')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
