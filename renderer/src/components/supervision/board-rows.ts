import type { BoardAgent } from '../../../../shared/api/supervision';
import { agentFlags, type AgentFlag, type BoardThresholds } from '../../../../shared/supervision/board-thresholds';

export const SORT_KEYS = ['workNumber', 'state', 'timeInState', 'answered'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const STATE_FILTERS = ['all', 'ready', 'not_ready', 'on_call', 'after_call_work', 'signed_out', 'flagged'] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

/** The order agents are listed in by state: those who need a look first. */
const STATE_ORDER = ['talking', 'ringing', 'after_call_work', 'not_ready', 'ready', 'signed_out'];

export interface BoardRow {
  agent: BoardAgent;
  inStateSec: number;
  flags: AgentFlag[];
  /** 示忙 today including the current period. */
  notReadySec: number;
}

export function boardRows(agents: BoardAgent[], now: number, t: BoardThresholds, filter: StateFilter, search: string, sort: SortKey): BoardRow[] {
  const q = search.trim();
  const rows = agents.map((agent): BoardRow => {
    const since = Date.parse(agent.since);
    const current = agent.state === 'not_ready' ? Math.max(0, now - since) : 0;
    return {
      agent,
      inStateSec: Math.max(0, Math.floor((now - since) / 1000)),
      flags: agentFlags(agent.state, since, now, t),
      notReadySec: Math.floor((agent.today.notReadyMs + current) / 1000),
    };
  });
  const shown = rows.filter(({ agent, flags }) => {
    if (q && !agent.workNumber.includes(q) && !agent.displayName.includes(q)) return false;
    switch (filter) {
      case 'all':
        return true;
      case 'on_call':
        return agent.state === 'talking' || agent.state === 'ringing';
      case 'flagged':
        return flags.length > 0;
      default:
        return agent.state === filter;
    }
  });
  const by: Record<SortKey, (a: BoardRow, b: BoardRow) => number> = {
    workNumber: (a, b) => a.agent.workNumber.localeCompare(b.agent.workNumber),
    state: (a, b) => STATE_ORDER.indexOf(a.agent.state) - STATE_ORDER.indexOf(b.agent.state) || b.inStateSec - a.inStateSec,
    timeInState: (a, b) => b.inStateSec - a.inStateSec,
    answered: (a, b) => b.agent.today.answered - a.agent.today.answered,
  };
  return shown.sort((a, b) => by[sort](a, b) || a.agent.workNumber.localeCompare(b.agent.workNumber));
}
