// Reporting periods of §3.2 (日、周、月、年) cut in the center's time zone. A period is the
// half-open instant range [start, end) between two local midnights.
import { addDays, addMonths, compareCivilDates, formatCivilDate, isoWeek, type CivilDate } from './civil-date.js';
import { civilDateAt, startOfDay } from './time-zone.js';

export const PERIOD_KINDS = ['day', 'week', 'month', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  kind: PeriodKind;
  /** 2026-12-31, 2026-W53, 2026-12, 2026 */
  label: string;
  /** First local date of the period. */
  firstDate: CivilDate;
  /** First local date after the period. */
  nextDate: CivilDate;
  /** Epoch ms, inclusive. */
  start: number;
  /** Epoch ms, exclusive. */
  end: number;
}

/** The period of a kind that contains a local date. */
export function periodContaining(kind: PeriodKind, date: CivilDate, timeZone: string): Period {
  let firstDate: CivilDate;
  let nextDate: CivilDate;
  let label: string;
  switch (kind) {
    case 'day':
      firstDate = date;
      nextDate = addDays(date, 1);
      label = formatCivilDate(date);
      break;
    case 'week': {
      const w = isoWeek(date);
      firstDate = w.monday;
      nextDate = addDays(w.monday, 7);
      label = `${w.weekYear}-W${String(w.week).padStart(2, '0')}`;
      break;
    }
    case 'month':
      firstDate = { year: date.year, month: date.month, day: 1 };
      nextDate = addMonths(firstDate, 1);
      label = formatCivilDate(firstDate).slice(0, 7);
      break;
    case 'year':
      firstDate = { year: date.year, month: 1, day: 1 };
      nextDate = { year: date.year + 1, month: 1, day: 1 };
      label = String(date.year);
      break;
  }
  return { kind, label, firstDate, nextDate, start: startOfDay(firstDate, timeZone), end: startOfDay(nextDate, timeZone) };
}

/** The period of a kind that contains an instant. */
export function periodAt(kind: PeriodKind, ms: number, timeZone: string): Period {
  return periodContaining(kind, civilDateAt(ms, timeZone), timeZone);
}

/** Consecutive periods from the one holding `from` to the one holding `to`, both included. */
export function periodsBetween(kind: PeriodKind, from: CivilDate, to: CivilDate, timeZone: string): Period[] {
  const periods: Period[] = [];
  if (compareCivilDates(from, to) > 0) return periods;
  let current = periodContaining(kind, from, timeZone);
  for (;;) {
    periods.push(current);
    if (compareCivilDates(current.nextDate, to) > 0) return periods;
    current = periodContaining(kind, current.nextDate, timeZone);
  }
}

/** Every local date of a period, in order. */
export function datesOf(period: Period): CivilDate[] {
  const dates: CivilDate[] = [];
  for (let d = period.firstDate; compareCivilDates(d, period.nextDate) < 0; d = addDays(d, 1)) dates.push(d);
  return dates;
}
