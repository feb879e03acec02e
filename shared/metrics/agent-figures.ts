// Per-agent figures of a period (issue 13: the team lead's table): counts and sums from the call
// rows and the state log, and the averages in the data standard's minutes (exports) or seconds.
import { ratio2 } from './indicators.js';

export interface AgentFigures {
  agentId: number;
  workNumber: string;
  displayName: string;
  /** Calls the agent talked to a caller on (answered from the queue, or taken over by transfer). */
  answered: number;
  /** Σ talk of those turns, ms (a turn still talking counts up to now). */
  talkMsSum: number;
  /** Σ after-call work that has ended, ms, and how many. */
  acwMsSum: number;
  acwCount: number;
  /** 示忙 (not ready) time in the period, ms. */
  notReadyMs: number;
  /** Rings the agent let run out or refused. */
  missedRings: number;
  /** Turns the agent ended by hanging up while the caller was still there (§2.4-9). */
  agentHangups: number;
}

/** Export columns: name, field and unit, in the style of the data-standard table. */
export const AGENT_EXPORT_COLUMNS = [
  { field: 'workNumber', name: '工号', unit: '' },
  { field: 'displayName', name: '姓名', unit: '' },
  { field: 'answered', name: '接听量', unit: '' },
  { field: 'callavg', name: '平均通话时长', unit: '分钟' },
  { field: 'acwavg', name: '平均话后处理时间', unit: '分钟' },
  { field: 'notReadyTime', name: '示忙时长', unit: '分钟' },
  { field: 'missedRings', name: '未接振铃', unit: '' },
  { field: 'agentHangups', name: '先于来电人挂机', unit: '' },
] as const;
export type AgentExportField = (typeof AGENT_EXPORT_COLUMNS)[number]['field'];

const MS_PER_MINUTE = 60_000;

/** One export row: counts as they are, times in minutes with 2 decimals (null for no calls). */
export function agentExportRow(a: AgentFigures): Record<AgentExportField, string | number | null> {
  return {
    workNumber: a.workNumber,
    displayName: a.displayName,
    answered: a.answered,
    callavg: a.answered === 0 ? null : ratio2(a.talkMsSum, a.answered * MS_PER_MINUTE),
    acwavg: a.acwCount === 0 ? null : ratio2(a.acwMsSum, a.acwCount * MS_PER_MINUTE),
    notReadyTime: ratio2(a.notReadyMs, MS_PER_MINUTE),
    missedRings: a.missedRings,
    agentHangups: a.agentHangups,
  };
}

/** Average seconds (1 decimal) of a sum over a count; null for none. */
export function averageSeconds(msSum: number, count: number): number | null {
  return count === 0 ? null : Math.round(msSum / count / 100) / 10;
}
