// Reads of the team lead's board: each agent's day from the call records and the state log, the
// queue's day, and the call an agent is on. Nothing here is kept in memory: after a restart the
// board is as right as the records.
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/database.js';
import type { BoardAgent, BoardQueue } from '../../../shared/api/supervision.js';

export type AgentDay = BoardAgent['today'];
export type QueueDay = BoardQueue['today'];

export interface CallLine {
  direction: 'inbound' | 'outbound';
  caller: string;
  callee: string;
  answeredAt: number | null;
}

const EMPTY_DAY: AgentDay = {
  answered: 0,
  talkMsSum: 0,
  talkCount: 0,
  acwMsSum: 0,
  acwCount: 0,
  notReadyMs: 0,
  missedRings: 0,
  agentHangups: 0,
};

type Params = { start: number; now: number; center: string; agent?: number };
type Variant = 'all' | 'one';

/** The day's statements, for every agent (the snapshot) or one (a delta, through the by-agent indexes). */
function dayStatements(db: Db, variant: Variant) {
  const and = (column: string) => (variant === 'one' ? `AND ${column} = @agent` : '');
  return {
    // Turns the agent took (answered from the queue or handed over) today; the average talk is over finished ones.
    turns: db.prepare<
      Params,
      {
        agentId: number;
        answered: number;
        talkMsSum: number;
        talkCount: number;
        acwMsSum: number;
        acwCount: number;
      }
    >(`
      SELECT agent_id AS agentId,
             TOTAL(kind IN ('answer', 'transfer')) AS answered,
             TOTAL(CASE WHEN kind IN ('answer', 'transfer') AND ended_at IS NOT NULL THEN ended_at - started_at END) AS talkMsSum,
             TOTAL(kind IN ('answer', 'transfer') AND ended_at IS NOT NULL) AS talkCount,
             TOTAL(acw_ended_at - acw_started_at) AS acwMsSum,
             COUNT(acw_ended_at) AS acwCount
      FROM call_agent_turns WHERE started_at >= @start ${and('agent_id')} GROUP BY agent_id`),
    rings: db.prepare<Params, { agentId: number; missed: number }>(`SELECT agent_id AS agentId, COUNT(*) AS missed FROM call_ring_attempts
      WHERE started_at >= @start AND outcome = 'missed' ${and('agent_id')} GROUP BY agent_id`),
    hangups: db.prepare<Params, { agentId: number; n: number }>(`SELECT agent_id AS agentId, COUNT(*) AS n FROM calls
      WHERE center_code = @center AND arrived_at >= @start AND direction = 'inbound' AND hangup_side = 'agent' AND agent_id IS NOT NULL ${and('agent_id')} GROUP BY agent_id`),
    stateBefore: db.prepare<Params, { agentId: number; state: string; at: number }>(`SELECT l.agent_id AS agentId, l.state, l.at FROM agent_state_log l
      WHERE l.id = (SELECT MAX(id) FROM agent_state_log WHERE agent_id = l.agent_id AND at < @start) ${and('l.agent_id')}`),
    statesSince: db.prepare<Params, { agentId: number; state: string; at: number }>(`SELECT agent_id AS agentId, state, at FROM agent_state_log
      WHERE at >= @start ${and('agent_id')} ORDER BY agent_id, at, id`),
  };
}

export class BoardRepository {
  private readonly day: Record<Variant, ReturnType<typeof dayStatements>>;
  private readonly s: {
    queueDay: Statement<{ start: number; center: string }, QueueDay>;
    call: Statement<[string], CallLine>;
  };

  constructor(
    db: Db,
    private readonly centerCode: string,
  ) {
    this.day = { all: dayStatements(db, 'all'), one: dayStatements(db, 'one') };
    this.s = {
      queueDay: db.prepare(`
        SELECT TOTAL(offered_to_agent) AS offered, COUNT(answered_at) AS answered,
               TOTAL(answered_at - offered_at <= 20000) AS within20, TOTAL(answered_at - offered_at <= 40000) AS within40,
               TOTAL(abandon_stage IN ('queue', 'ringing')) AS abandoned
        FROM calls WHERE center_code = @center AND arrived_at >= @start AND direction = 'inbound'`),
      call: db.prepare('SELECT direction, caller, callee, answered_at AS answeredAt FROM calls WHERE id = ?'),
    };
  }

  /** Every agent's (or one agent's) figures since `start` (the center's midnight), `now` closing what is still open. */
  agentDays(start: number, now: number, agentId?: number): Map<number, AgentDay> {
    const st = this.day[agentId === undefined ? 'all' : 'one'];
    const p: Params = {
      start,
      now,
      center: this.centerCode,
      ...(agentId === undefined ? {} : { agent: agentId }),
    };
    const days = new Map<number, AgentDay>();
    const day = (id: number) => days.get(id) ?? days.set(id, { ...EMPTY_DAY }).get(id)!;
    for (const r of st.turns.all(p))
      Object.assign(day(r.agentId), {
        answered: Math.round(r.answered),
        talkMsSum: Math.round(r.talkMsSum),
        talkCount: Math.round(r.talkCount),
        acwMsSum: Math.round(r.acwMsSum),
        acwCount: r.acwCount,
      });
    for (const r of st.rings.all(p)) day(r.agentId).missedRings = r.missed;
    for (const r of st.hangups.all(p)) day(r.agentId).agentHangups = r.n;
    // 示忙 time: the finished not_ready periods of the day (the current one is the board's to add).
    const current = new Map<number, { state: string; at: number }>();
    for (const r of st.stateBefore.all(p)) current.set(r.agentId, { state: r.state, at: start });
    for (const r of st.statesSince.all(p)) {
      const prev = current.get(r.agentId);
      if (prev?.state === 'not_ready') day(r.agentId).notReadyMs += r.at - prev.at;
      current.set(r.agentId, r);
    }
    return days;
  }

  emptyDay(): AgentDay {
    return { ...EMPTY_DAY };
  }

  queueDay(start: number): QueueDay {
    const r = this.s.queueDay.get({ start, center: this.centerCode })!;
    return {
      offered: Math.round(r.offered),
      answered: r.answered,
      within20: Math.round(r.within20),
      within40: Math.round(r.within40),
      abandoned: Math.round(r.abandoned),
    };
  }

  callLine(callId: string): CallLine | undefined {
    return this.s.call.get(callId);
  }
}
