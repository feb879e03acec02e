// §2.3 人工 hours: periods of local wall time on working days, read by the server's IVR (is a
// human answering now?) and by the desk (§2.4-10: signing out in them needs a confirmation).
import type { LocalDate } from './local-date.js';
import { localTimeOf } from './zoned.js';

/** A local day → working day? (shared/calendar WorkingCalendar.isWorkingDay; throws for a year it lacks). */
export type IsWorkingDay = (date: LocalDate) => boolean;

export interface ServiceHours {
  /** ISO weekdays (1 Monday … 7 Sunday) that are open when no working-day calendar answers. */
  weekdays: readonly number[];
  /** Local HH:MM, from inclusive, to exclusive; a period does not cross midnight. */
  periods: ReadonlyArray<{ from: string; to: string }>;
}

/** "08:30" → 510. */
export function minutesOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/**
 * Inside a period, on a working day (holidays closed, 调休 weekends open, from the calendar when
 * given); the weekdays decide only when there is no calendar or it has no answer (a year it lacks).
 */
export function createServiceHours(hours: ServiceHours, timeZone: string, isWorkingDay?: IsWorkingDay): (ms: number) => boolean {
  const periods = hours.periods.map((p) => [minutesOfDay(p.from), minutesOfDay(p.to)] as const);
  return (ms) => {
    const { date, minutes, isoWeekday } = localTimeOf(ms, timeZone);
    let working: boolean;
    try {
      working = isWorkingDay ? isWorkingDay(date) : hours.weekdays.includes(isoWeekday);
    } catch {
      working = hours.weekdays.includes(isoWeekday);
    }
    return working && periods.some(([from, to]) => minutes >= from && minutes < to);
  };
}

/**
 * The desk's §2.4-10 question, with the hours the server sent (/healthz): is now 人工 time?
 * Round-the-clock service always is; hours not known (yet) count as service hours, so the
 * agent is asked rather than let go. Holidays are not subtracted: a warning costs one click.
 */
export function isInServiceHours(ms: number, hours: ServiceHours | 'always' | undefined, timeZone: string): boolean {
  if (hours === undefined || hours === 'always') return true;
  return createServiceHours(hours, timeZone)(ms);
}
