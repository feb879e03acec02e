// Per-agent attendance of a day, ISO week or month: each local day of the period from the
// agent state log against the agent's shift, then the period's totals (出勤率, 准时率).
import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import { AttendanceRepository } from './attendance-repository.js';
import { attendanceForDay, attendanceTotals, type AttendanceDay, type StateChange } from '../../../shared/metrics/attendance.js';
import { resolveShift, type ShiftRule } from '../../../shared/metrics/shifts.js';
import { datesOf, periodContaining, type Period, type PeriodKind } from '../../../shared/metrics/periods.js';
import { formatZonedIso, instantOf, localDateOf, startOfLocalDay } from '../../../shared/time/zoned.js';
import { addDays, parseLocalDate } from '../../../shared/time/local-date.js';
import type { AgentAttendance, AttendanceResponse } from '../../../shared/api/metrics.js';
import type { AttendanceAgentRow } from './attendance-repository.js';

export interface AttendanceServiceOptions {
  db: Db;
  clock: Clock;
  centerCode: string;
  timeZone: string;
}

export class AttendanceService {
  private readonly repository: AttendanceRepository;

  constructor(private readonly options: AttendanceServiceOptions) {
    this.repository = new AttendanceRepository(options.db);
  }

  /** Any period kind; the route offers day, week and month, the per-agent table also the year. */
  report(kind: PeriodKind, date?: string): AttendanceResponse {
    const { centerCode, timeZone, clock, db } = this.options;
    const now = clock.now();
    const day = (date && parseLocalDate(date)) || localDateOf(now, timeZone);
    const period = periodContaining(kind, day, timeZone);
    const agents = db.transaction(() => {
      const rules = this.repository.listShiftRules(centerCode);
      return this.repository.listAgents(centerCode, period.start, period.end).map((a) => this.agentAttendance(a, rules, period, now));
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

  private agentAttendance(agent: AttendanceAgentRow, rules: readonly ShiftRule[], period: Period, now: number): AgentAttendance {
    const { timeZone } = this.options;
    const changes = this.repository.stateChanges(agent.agentId, period.start, period.end);
    let before: StateChange | undefined = this.repository.stateBefore(agent.agentId, period.start);
    let next = 0;
    const days: AttendanceDay[] = [];
    for (const date of datesOf(period)) {
      const dayStart = startOfLocalDay(date, timeZone);
      if (dayStart > now) break; // nothing to report about days still to come
      const dayEnd = startOfLocalDay(addDays(date, 1), timeZone);
      const first = next;
      while (next < changes.length && changes[next]!.at < dayEnd) next++;
      const shift = resolveShift(rules, agent.agentId, agent.team, date);
      days.push(
        attendanceForDay({
          date,
          dayStart,
          dayEnd,
          now,
          before,
          changes: changes.slice(first, next),
          shift: shift ? { start: instantOf(date, shift.startMinute, timeZone), end: instantOf(date, shift.endMinute, timeZone) } : null,
        }),
      );
      before = changes[next - 1] ?? before;
    }
    return { ...agent, totals: attendanceTotals(days), days };
  }
}
