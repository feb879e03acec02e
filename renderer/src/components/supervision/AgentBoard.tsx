import { Fragment, memo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardAgent } from '../../../../shared/api/supervision';
import { formatDuration } from '../../hooks/use-elapsed';
import { useSupervisionStore } from '../../stores/supervision-store';
import { boardRows, SORT_KEYS, STATE_FILTERS, type BoardRow, type SortKey, type StateFilter } from './board-rows';
import { ForceForm } from './ForceForm';
import { useServerNow } from './use-server-now';

export interface AgentBoardProps {
  /** Per-agent actions other screens add to a row (listen / whisper / barge). */
  agentActions?: ((agent: BoardAgent) => ReactNode) | undefined;
}

/** Every agent of the center, live: state and time in it, current call, today's figures, flags. */
export function AgentBoard({ agentActions }: AgentBoardProps) {
  const { t } = useTranslation();
  const agents = useSupervisionStore((s) => s.agents);
  const thresholds = useSupervisionStore((s) => s.thresholds);
  const now = useServerNow();
  const [filter, setFilter] = useState<StateFilter>('all');
  const [sort, setSort] = useState<SortKey>('workNumber');
  const [search, setSearch] = useState('');
  const [forcing, setForcing] = useState<{
    agentId: number;
    state: 'not_ready' | 'signed_out';
  }>();
  const rows = boardRows(Object.values(agents), now, thresholds, filter, search, sort);

  return (
    <section className="panel agent-board" aria-labelledby="agent-board-heading">
      <div className="agent-board__head">
        <h2 id="agent-board-heading" className="panel__title">
          {t('supervision.agents.title', { count: Object.keys(agents).length })}
        </h2>
        <div className="agent-board__filters" role="group" aria-label={t('supervision.agents.filter')}>
          {STATE_FILTERS.map((f) => (
            <button key={f} type="button" className={`chip ${f === filter ? 'chip--on' : ''}`} aria-pressed={f === filter} onClick={() => setFilter(f)}>
              {t(`supervision.filters.${f}`)}
            </button>
          ))}
        </div>
        <input
          className="agent-board__search"
          type="search"
          aria-label={t('supervision.agents.search')}
          placeholder={t('supervision.agents.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <label className="agent-board__sort">
          {t('supervision.agents.sort')}
          <select value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
            {SORT_KEYS.map((k) => (
              <option key={k} value={k}>
                {t(`supervision.sort.${k}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="agent-board__scroll">
        <table className="table board-table" data-testid="agent-board">
          <thead>
            <tr>
              <th>{t('supervision.columns.agent')}</th>
              <th>{t('supervision.columns.state')}</th>
              <th>{t('supervision.columns.inState')}</th>
              <th>{t('supervision.columns.call')}</th>
              <th className="num">{t('supervision.columns.answered')}</th>
              <th className="num">{t('supervision.columns.avgTalk')}</th>
              <th className="num">{t('supervision.columns.avgAcw')}</th>
              <th className="num">{t('supervision.columns.notReady')}</th>
              <th className="num">{t('supervision.columns.missed')}</th>
              <th className="num" title={t('supervision.columns.hangupsHint')}>
                {t('supervision.columns.hangups')}
              </th>
              <th>{t('supervision.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <Fragment key={row.agent.agentId}>
                <AgentRow
                  row={row}
                  now={now}
                  acwLimitMs={thresholds.acwLimitSec * 1000}
                  actions={agentActions?.(row.agent)}
                  onForce={(state) => setForcing({ agentId: row.agent.agentId, state })}
                />
                {forcing?.agentId === row.agent.agentId && (
                  <tr className="board-table__form">
                    <td colSpan={11}>
                      <ForceForm agent={row.agent} state={forcing.state} onDone={() => setForcing(undefined)} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="muted">{t('supervision.agents.none')}</p>}
      </div>
    </section>
  );
}

interface AgentRowProps {
  row: BoardRow;
  now: number;
  acwLimitMs: number;
  actions: ReactNode;
  onForce(state: 'not_ready' | 'signed_out'): void;
}

/** A row renders again only when its agent, its seconds or its flags changed: a pushed change costs one row, not 200. */
const AgentRow = memo(AgentRowView, (a, b) => {
  const same = (x: AgentRowProps, y: AgentRowProps) =>
    x.row.agent === y.row.agent &&
    x.row.inStateSec === y.row.inStateSec &&
    x.row.notReadySec === y.row.notReadySec &&
    x.row.flags.join() === y.row.flags.join() &&
    x.acwLimitMs === y.acwLimitMs &&
    x.actions === y.actions;
  return same(a, b) && (a.row.agent.call === null || Math.floor(a.now / 1000) === Math.floor(b.now / 1000));
});

function AgentRowView({ row, now, acwLimitMs, actions, onForce }: AgentRowProps) {
  const { t } = useTranslation();
  const { agent, flags } = row;
  const { today, call } = agent;
  const avg = (sum: number, n: number) => (n > 0 ? `${Math.round(sum / n / 1000)}${t('supervision.sec')}` : '—');
  const idle = agent.state === 'ready' || agent.state === 'not_ready' || agent.state === 'after_call_work';
  return (
    <tr
      data-work-number={agent.workNumber}
      data-state={agent.state}
      data-since={agent.since}
      className={flags.length ? 'board-table__row--flagged' : undefined}
    >
      <td>
        <span className="board-table__name">{agent.displayName}</span> <span className="muted">{agent.workNumber}</span>
        {!agent.registered && agent.state !== 'signed_out' && <span className="tag tag--warn">{t('supervision.agents.noPhone')}</span>}
      </td>
      <td>
        <span className={`state-dot state-dot--${agent.state}`} aria-hidden="true" />
        {t(`stateBar.states.${agent.state}`)}
        {agent.reason && (
          <span className="muted">
            {' '}
            ·{' '}
            {t(`stateBar.reasons.${agent.reason}`, {
              defaultValue: agent.reason,
            })}
          </span>
        )}
        {agent.pendingForce && <span className="tag">{t(`supervision.agents.pending.${agent.pendingForce.state}`)}</span>}
      </td>
      <td className="num" data-testid="in-state">
        {formatDuration(row.inStateSec)}
        {flags.map((f) => (
          <span key={f} className="tag tag--bad" data-flag={f}>
            {t(`supervision.flags.${f}`)}
          </span>
        ))}
      </td>
      <td>
        {call ? (
          <span data-testid="current-call">
            {call.number} <span className="muted">{t(`supervision.direction.${call.direction}`)}</span>
            {call.talkingSince && <span className="num"> {formatDuration(Math.max(0, Math.floor((now - Date.parse(call.talkingSince)) / 1000)))}</span>}
          </span>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="num">{today.answered}</td>
      <td className="num">{avg(today.talkMsSum, today.talkCount)}</td>
      <td className={`num ${today.acwCount && today.acwMsSum / today.acwCount > acwLimitMs ? 'bad' : ''}`}>{avg(today.acwMsSum, today.acwCount)}</td>
      <td className="num">{formatDuration(row.notReadySec)}</td>
      <td className="num">{today.missedRings}</td>
      <td className={`num ${today.agentHangups ? 'bad' : ''}`}>{today.agentHangups}</td>
      <td className="board-table__actions">
        {actions}
        <button type="button" className="button button--small" disabled={!idle && agent.state !== 'talking'} onClick={() => onForce('not_ready')}>
          {t('supervision.force.notReady')}
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={agent.state === 'signed_out' || agent.state === 'ringing'}
          onClick={() => onForce('signed_out')}
        >
          {t('supervision.force.signOut')}
        </button>
      </td>
    </tr>
  );
}
