// The per-agent table of a period for the team lead: answered calls, talk and ACW from the agents'
// turns (migration 12), missed rings (migration 8, by agent since 16), hang-ups before the caller,
// and 示忙 time from the state log through the attendance computation (the same figure as
// /metrics/attendance gives, so the two screens never disagree).
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import type { AttendanceService } from './attendance-service.js';
import { periodContaining, type PeriodKind } from '../../../shared/metrics/periods.js';
import { formatZonedIso, localDateOf } from '../../../shared/time/zoned.js';
import { parseLocalDate } from '../../../shared/time/local-date.js';
import type { AgentFigures } from '../../../shared/metrics/agent-figures.js';
import type { MetricsAgentsResponse } from '../../../shared/api/indicators.js';

type Range = { center: string; start: number; end: number; now: number };
interface TurnRow {
  agentId: number;
  answered: number;
  talkMsSum: number;
  acwMsSum: number;
  acwCount: number;
  agentHangups: number;
}

// Turns of inbound calls that began in the period; consults never had the caller.
const TURNS_SQL = `
  SELECT t.agent_id AS agentId, COUNT(*) AS answered,
    TOTAL(MAX(COALESCE(t.ended_at, @now), t.started_at) - t.started_at) AS talkMsSum,
    TOTAL(t.acw_ended_at - t.acw_started_at) AS acwMsSum,
    COUNT(t.acw_ended_at) AS acwCount,
    TOTAL(t.end_reason = 'agent_hangup') AS agentHangups
  FROM call_agent_turns t JOIN calls c ON c.id = t.call_id
  WHERE c.center_code = @center AND c.direction = 'inbound' AND t.kind IN ('answer', 'transfer')
    AND t.started_at >= @start AND t.started_at < @end
  GROUP BY t.agent_id`;

const MISSED_SQL = `
  SELECT r.agent_id AS agentId, COUNT(*) AS missedRings
  FROM call_ring_attempts r JOIN users u ON u.id = r.agent_id
  WHERE u.center_code = @center AND r.outcome IN ('missed', 'rejected') AND r.started_at >= @start AND r.started_at < @end
  GROUP BY r.agent_id`;

export interface AgentFiguresOptions {
  db: Db;
  clock: Clock;
  centerCode: string;
  timeZone: string;
  attendance: AttendanceService;
}

export class AgentFiguresService {
  private readonly turns: Statement<[Range], TurnRow>;
  private readonly missed: Statement<[Range], { agentId: number; missedRings: number }>;

  constructor(private readonly options: AgentFiguresOptions) {
    this.turns = options.db.prepare<[Range], TurnRow>(TURNS_SQL);
    this.missed = options.db.prepare<[Range], { agentId: number; missedRings: number }>(MISSED_SQL);
  }

  report(kind: PeriodKind, date?: string): MetricsAgentsResponse {
    const { centerCode, timeZone, clock, db } = this.options;
    const now = clock.now();
    const period = periodContaining(kind, (date && parseLocalDate(date)) || localDateOf(now, timeZone), timeZone);
    const range = { center: centerCode, start: period.start, end: period.end, now };
    const agents = db.transaction(() => {
      // The agents of the period (active ones, and those who worked in it) with their 示忙 time.
      const attendance = this.options.attendance.report(kind, date ?? undefined);
      const turns = new Map(this.turns.all(range).map((r) => [r.agentId, r]));
      const missed = new Map(this.missed.all(range).map((r) => [r.agentId, r.missedRings]));
      return attendance.agents.map((a): AgentFigures => {
        const t = turns.get(a.agentId);
        return {
          agentId: a.agentId,
          workNumber: a.workNumber,
          displayName: a.displayName,
          answered: t?.answered ?? 0,
          talkMsSum: Math.round(t?.talkMsSum ?? 0),
          acwMsSum: Math.round(t?.acwMsSum ?? 0),
          acwCount: t?.acwCount ?? 0,
          notReadyMs: a.totals.breakMs,
          missedRings: missed.get(a.agentId) ?? 0,
          agentHangups: Math.round(t?.agentHangups ?? 0),
        };
      });
    })();
    return {
      centerCode,
      period: kind,
      label: period.label,
      start: formatZonedIso(period.start, timeZone),
      end: formatZonedIso(period.end, timeZone),
      timeZone,
      agents,
    };
  }
}
