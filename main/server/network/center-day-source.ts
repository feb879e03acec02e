// A center's own day rows for the feed: raw counts from the metrics day roll-ups (migration 16,
// so a closed day is one kept row) and the §3.2 attendance extras from the agent state log, for
// each local day of a window ending today. Today is sent too, and re-sent as it grows.
import type { MetricsService } from '../metrics/metrics-service.js';
import type { AttendanceService } from '../metrics/attendance-service.js';
import type { AttendanceCounts } from '../../../shared/api/network.js';
import type { RawCounts } from '../../../shared/metrics/raw-counts.js';
import { attendanceTotals, type AttendanceDay } from '../../../shared/metrics/attendance.js';
import { ATTENDANCE_COUNT_FIELDS } from '../../../shared/api/network.js';
import { addDays, addMonths, type LocalDate } from '../../../shared/time/local-date.js';

export interface SourceDay {
  date: LocalDate;
  counts: RawCounts;
  attendance: AttendanceCounts;
}

/** Days looked at on each turn: a late row or a correction older than this is not sent again by itself (docs/network.md). */
export const FEED_LOOKBACK_DAYS = 35;

export class CenterDaySource {
  constructor(
    private readonly metrics: MetricsService,
    private readonly attendance: AttendanceService,
  ) {}

  days(lookback = FEED_LOOKBACK_DAYS): SourceDay[] {
    const today = this.metrics.today();
    const from = addDays(today, -lookback);
    const rows = this.metrics.series('day', from, today).rows;
    const byDay = this.attendanceByDay(from, today);
    return rows.map((r) => ({ date: r.label, counts: r.raw, attendance: byDay.get(r.label) ?? zeroAttendance() }));
  }

  /** Attendance per day from the month reports covering [from, to]: each agent's days, summed. */
  private attendanceByDay(from: LocalDate, to: LocalDate): Map<string, AttendanceCounts> {
    const perDay = new Map<string, AttendanceDay[]>();
    for (let month = `${from.slice(0, 7)}-01`; month <= to; month = addMonths(month, 1)) {
      for (const agent of this.attendance.report('month', month).agents) {
        for (const day of agent.days) {
          if (day.date < from || day.date > to) continue;
          const list = perDay.get(day.date) ?? [];
          list.push(day);
          perDay.set(day.date, list);
        }
      }
    }
    const out = new Map<string, AttendanceCounts>();
    for (const [date, days] of perDay) {
      const t = attendanceTotals(days);
      out.set(date, Object.fromEntries(ATTENDANCE_COUNT_FIELDS.map((f) => [f, t[f]])) as AttendanceCounts);
    }
    return out;
  }
}

function zeroAttendance(): AttendanceCounts {
  return Object.fromEntries(ATTENDANCE_COUNT_FIELDS.map((f) => [f, 0])) as AttendanceCounts;
}
