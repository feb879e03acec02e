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

/** What the holiday calendar says of a day: a statutory holiday, a 调休 working weekend day, or neither. */
export type DayKind = 'holiday' | 'make-up' | 'ordinary';

type Period = { from: string; to: string };

/** The admin's schedule (shared/api/service-hours.ts ServiceSchedule): seven weekdays and dated exceptions. */
export interface WeekSchedule {
  weekly: ReadonlyArray<{ weekday: number; periods: readonly Period[] }>;
  exceptions: ReadonlyArray<{ date: string; periods: readonly Period[] }>;
}

/**
 * A day's 人工 periods, in this order of precedence:
 * 1. a dated exception (a local holiday closed, a weekend work day open) — the admin said so for that day;
 * 2. a statutory holiday: closed, whatever the weekday (holiday over weekday);
 * 3. a 调休 working weekend day: the hours of an ordinary working day (the first open weekday, Monday first);
 * 4. the weekday's own rule (weekends closed or, say, Saturday mornings open).
 */
export function periodsOn(schedule: WeekSchedule, date: LocalDate, isoWeekday: number, kind: DayKind): readonly Period[] {
  const exception = schedule.exceptions.find((e) => e.date === date);
  if (exception) return exception.periods;
  if (kind === 'holiday') return [];
  const ofWeekday = (d: number) => schedule.weekly.find((w) => w.weekday === d)?.periods ?? [];
  if (kind === 'make-up') {
    for (let d = 1; d <= 5; d++) if (ofWeekday(d).length) return ofWeekday(d);
    return [];
  }
  return ofWeekday(isoWeekday);
}

/** Is 人工 open at an instant: periodsOn() of the local day; an end of "24:00" means until midnight. */
export function createScheduleCheck(schedule: WeekSchedule, timeZone: string, dayKind?: (date: LocalDate) => DayKind): (ms: number) => boolean {
  return (ms) => {
    const { date, minutes, isoWeekday } = localTimeOf(ms, timeZone);
    let kind: DayKind = 'ordinary';
    try {
      kind = dayKind ? dayKind(date) : 'ordinary';
    } catch {
      // A year the calendar lacks: the weekly rule alone.
    }
    return periodsOn(schedule, date, isoWeekday, kind).some((p) => minutes >= minutesOfDay(p.from) && minutes < minutesOfDay(p.to));
  };
}

/** The flow's (or --service-hours') hours as a schedule: the same periods on each open weekday. */
export function scheduleOf(hours: ServiceHours): WeekSchedule {
  return {
    weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, periods: hours.weekdays.includes(weekday) ? [...hours.periods] : [] })),
    exceptions: [],
  };
}
