import { describe, expect, it } from 'vitest';
import type { BoardAgent } from '../../../../shared/api/supervision';
import { DEFAULT_BOARD_THRESHOLDS } from '../../../../shared/supervision/board-thresholds';
import { boardRows } from './board-rows';

const NOW = Date.parse('2026-03-02T02:00:00Z');
function agent(workNumber: string, state: BoardAgent['state'], secondsAgo: number, answered = 0, notReadyMs = 0): BoardAgent {
  return {
    agentId: Number(workNumber),
    workNumber,
    displayName: `坐席${workNumber}`,
    state,
    reason: state === 'not_ready' ? '小休' : null,
    since: new Date(NOW - secondsAgo * 1000).toISOString(),
    registered: true,
    call: null,
    today: {
      answered,
      talkMsSum: 0,
      talkCount: 0,
      acwMsSum: 0,
      acwCount: 0,
      notReadyMs,
      missedRings: 0,
      agentHangups: 0,
    },
    forcedBy: null,
    pendingForce: null,
  };
}

describe('board rows', () => {
  const agents = [
    agent('1001', 'ready', 5, 3),
    agent('1002', 'talking', 700, 1),
    agent('1003', 'not_ready', 1000, 0, 60_000),
    agent('1004', 'after_call_work', 10, 7),
  ];
  it('flags the long call and the long 示忙, and adds the current 示忙 to the day', () => {
    const rows = boardRows(agents, NOW, DEFAULT_BOARD_THRESHOLDS, 'flagged', '', 'workNumber');
    expect(rows.map((r) => [r.agent.workNumber, r.flags])).toEqual([
      ['1002', ['long_call']],
      ['1003', ['long_not_ready']],
    ]);
    expect(rows[1]!.notReadySec).toBe(1060);
  });
  it('sorts by state, time in state and answered calls, and filters by state and search', () => {
    expect(boardRows(agents, NOW, DEFAULT_BOARD_THRESHOLDS, 'all', '', 'state').map((r) => r.agent.workNumber)).toEqual(['1002', '1004', '1003', '1001']);
    expect(boardRows(agents, NOW, DEFAULT_BOARD_THRESHOLDS, 'all', '', 'timeInState').map((r) => r.agent.workNumber)).toEqual(['1003', '1002', '1004', '1001']);
    expect(boardRows(agents, NOW, DEFAULT_BOARD_THRESHOLDS, 'all', '', 'answered').map((r) => r.agent.workNumber)).toEqual(['1004', '1001', '1002', '1003']);
    expect(boardRows(agents, NOW, DEFAULT_BOARD_THRESHOLDS, 'on_call', '', 'workNumber').map((r) => r.agent.workNumber)).toEqual(['1002']);
    expect(boardRows(agents, NOW, DEFAULT_BOARD_THRESHOLDS, 'all', '1004', 'workNumber').map((r) => r.agent.workNumber)).toEqual(['1004']);
  });
});
