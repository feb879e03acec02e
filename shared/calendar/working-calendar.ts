import type { CalendarYear } from './calendar-year.js';
import { addDays, isWeekend, yearOf, type LocalDate } from '../time/local-date.js';
import { endOfLocalDay, localDateOf } from '../time/zoned.js';

export class CalendarMissingError extends Error {
  override name = 'CalendarMissingError';
  constructor(readonly year: number) {
    super(`no working-day calendar for ${year}: add resources/calendar/${year}.json from the State Council's holiday notice`);
  }
}

/** Stands in for a year whose official notice is not loaded (the server computes the statutory days). */
export type ProvisionalYear = (year: number) => CalendarYear;

interface YearDays {
  calendar: CalendarYear;
  provisional: boolean;
  holidays: Set<LocalDate>;
  workingWeekends: Set<LocalDate>;
}

function daysOf(calendar: CalendarYear, provisional: boolean): YearDays {
  const holidays = new Set<LocalDate>();
  for (const h of calendar.holidays) for (let d = h.from; d <= h.to; d = addDays(d, 1)) holidays.add(d);
  return { calendar, provisional, holidays, workingWeekends: new Set(calendar.workingWeekendDays.map((w) => w.date)) };
}

/** A due date, and whether any day counted for it came from a provisional year. */
export interface DueDate {
  dueAt: number;
  provisional: boolean;
}

/**
 * Working days of mainland China: Monday to Friday, minus official holidays, plus 调休 weekend days.
 * A year without its official notice comes from `provisional` when given (and is marked so);
 * without it such a year throws CalendarMissingError.
 */
export class WorkingCalendar {
  private readonly official = new Map<number, YearDays>();
  private readonly standIns = new Map<number, YearDays>();

  constructor(
    years: readonly CalendarYear[],
    private readonly provisional?: ProvisionalYear,
  ) {
    for (const y of years) this.official.set(y.year, daysOf(y, false));
  }

  /** Years with an official calendar. */
  get years(): number[] {
    return [...this.official.keys()].sort((a, b) => a - b);
  }

  /** Loads (or replaces) a year's official calendar; it replaces the provisional one from now on. */
  setOfficial(calendar: CalendarYear): void {
    this.official.set(calendar.year, daysOf(calendar, false));
    this.standIns.delete(calendar.year);
  }

  /** Undoes setOfficial when the load that called it failed. */
  restore(year: number, previous: CalendarYear | undefined): void {
    if (previous) this.official.set(year, daysOf(previous, false));
    else this.official.delete(year);
  }

  isProvisional(year: number): boolean {
    return !this.official.has(year);
  }

  /** The calendar used for a year: the official one, else the provisional stand-in. */
  calendarOf(year: number): { calendar: CalendarYear; provisional: boolean } {
    const y = this.yearDays(year);
    return { calendar: y.calendar, provisional: y.provisional };
  }

  private yearDays(year: number): YearDays {
    const official = this.official.get(year);
    if (official) return official;
    let standIn = this.standIns.get(year);
    if (!standIn) {
      if (!this.provisional) throw new CalendarMissingError(year);
      standIn = daysOf(this.provisional(year), true);
      this.standIns.set(year, standIn);
    }
    return standIn;
  }

  isWorkingDay(date: LocalDate): boolean {
    const y = this.yearDays(yearOf(date));
    if (y.holidays.has(date)) return false;
    if (y.workingWeekends.has(date)) return true;
    return !isWeekend(date);
  }

  /** For the service hours (shared/time/service-hours.ts periodsOn): a holiday, a 调休 working weekend day, or neither. */
  dayKind(date: LocalDate): 'holiday' | 'make-up' | 'ordinary' {
    const y = this.yearDays(yearOf(date));
    if (y.holidays.has(date)) return 'holiday';
    return y.workingWeekends.has(date) ? 'make-up' : 'ordinary';
  }

  /** The Nth working day after `date` (the day itself never counts); n ≥ 1. */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    return this.countWorkingDays(date, n).day;
  }

  private countWorkingDays(date: LocalDate, n: number): { day: LocalDate; provisional: boolean } {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be a positive integer, got ${n}`);
    let day = date;
    let provisional = false;
    for (let counted = 0; counted < n;) {
      day = addDays(day, 1);
      provisional ||= this.yearDays(yearOf(day)).provisional;
      if (this.isWorkingDay(day)) counted++;
    }
    return { day, provisional };
  }

  /** End (23:59:59.999 local) of the Nth working day after the local day of `createdAtMs`. */
  dueAt(createdAtMs: number, workingDays: number, timeZone: string): number {
    return this.due(createdAtMs, workingDays, timeZone).dueAt;
  }

  /** dueAt, marked provisional when a day it counted lies in a year without its official notice. */
  due(createdAtMs: number, workingDays: number, timeZone: string): DueDate {
    const { day, provisional } = this.countWorkingDays(localDateOf(createdAtMs, timeZone), workingDays);
    return { dueAt: endOfLocalDay(day, timeZone), provisional };
  }
}
