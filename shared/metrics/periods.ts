// Reporting periods of §3.2 (日、周、月、年) cut in the center's time zone. A period is the
// half-open instant range [start, end) between two local midnights.
import { addDays, addMonths, isoWeek, localDate, monthOf, yearOf, type LocalDate } from '../time/local-date.js';
import { localDateOf, startOfLocalDay } from '../time/zoned.js';

export const PERIOD_KINDS = ['day', 'week', 'month', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  kind: PeriodKind;
  /** 2026-12-31, 2026-W53, 2026-12, 2026 */
  label: string;
  /** First local date of the period. */
  firstDate: LocalDate;
  /** First local date after the period. */
  nextDate: LocalDate;
  /** Epoch ms, inclusive. */
  start: number;
  /** Epoch ms, exclusive. */
  end: number;
}

/** The period of a kind that contains a local date. */
export function periodContaining(kind: PeriodKind, date: LocalDate, timeZone: string, knownStart?: number): Period {
  let firstDate: LocalDate;
  let nextDate: LocalDate;
  let label: string;
  switch (kind) {
    case 'day':
      firstDate = date;
      nextDate = addDays(date, 1);
      label = date;
      break;
    case 'week': {
      const w = isoWeek(date);
      firstDate = w.monday;
      nextDate = addDays(w.monday, 7);
      label = `${w.weekYear}-W${String(w.week).padStart(2, '0')}`;
      break;
    }
    case 'month':
      firstDate = localDate(yearOf(date), monthOf(date), 1);
      nextDate = addMonths(firstDate, 1);
      label = firstDate.slice(0, 7);
      break;
    case 'year':
      firstDate = localDate(yearOf(date), 1, 1);
      nextDate = localDate(yearOf(date) + 1, 1, 1);
      label = String(yearOf(date));
      break;
  }
  return { kind, label, firstDate, nextDate, start: knownStart ?? startOfLocalDay(firstDate, timeZone), end: startOfLocalDay(nextDate, timeZone) };
}

/** The period of a kind that contains an instant. */
export function periodAt(kind: PeriodKind, ms: number, timeZone: string): Period {
  return periodContaining(kind, localDateOf(ms, timeZone), timeZone);
}

/** Consecutive periods from the one holding `from` to the one holding `to`, both included. */
export function periodsBetween(kind: PeriodKind, from: LocalDate, to: LocalDate, timeZone: string): Period[] {
  const periods: Period[] = [];
  if (from > to) return periods;
  let current = periodContaining(kind, from, timeZone);
  for (;;) {
    periods.push(current);
    if (current.nextDate > to) return periods;
    // Each period starts where the one before ended: its midnight is not computed twice.
    current = periodContaining(kind, current.nextDate, timeZone, current.end);
  }
}

/** Every local date of a period, in order. */
export function datesOf(period: Period): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let d = period.firstDate; d < period.nextDate; d = addDays(d, 1)) dates.push(d);
  return dates;
}
