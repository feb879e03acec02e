import type { CalendarYear } from './calendar-year.js';
import { addDays, endOfLocalDay, isWeekend, localDateOf, yearOf, type LocalDate } from './local-date.js';

export class CalendarMissingError extends Error {
  override name = 'CalendarMissingError';
  constructor(readonly year: number) {
    super(`no working-day calendar for ${year}: add resources/calendar/${year}.json from the State Council's holiday notice`);
  }
}

/** Working days of mainland China: Monday to Friday, minus official holidays, plus 调休 weekend days. */
export class WorkingCalendar {
  private readonly holidays = new Map<number, Set<LocalDate>>();
  private readonly workingWeekends = new Map<number, Set<LocalDate>>();

  constructor(years: readonly CalendarYear[]) {
    for (const y of years) {
      const days = new Set<LocalDate>();
      for (const h of y.holidays) for (let d = h.from; d <= h.to; d = addDays(d, 1)) days.add(d);
      this.holidays.set(y.year, days);
      this.workingWeekends.set(y.year, new Set(y.workingWeekendDays.map((w) => w.date)));
    }
  }

  get years(): number[] {
    return [...this.holidays.keys()].sort((a, b) => a - b);
  }

  isWorkingDay(date: LocalDate): boolean {
    const year = yearOf(date);
    const holidays = this.holidays.get(year);
    if (!holidays) throw new CalendarMissingError(year);
    if (holidays.has(date)) return false;
    if (this.workingWeekends.get(year)!.has(date)) return true;
    return !isWeekend(date);
  }

  /** The Nth working day after `date` (the day itself never counts); n ≥ 1. */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be a positive integer, got ${n}`);
    let day = date;
    for (let counted = 0; counted < n; ) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) counted++;
    }
    return day;
  }

  /** End (23:59:59.999 local) of the Nth working day after the local day of `createdAtMs`. */
  dueAt(createdAtMs: number, workingDays: number, timeZone: string): number {
    return endOfLocalDay(this.addWorkingDays(localDateOf(createdAtMs, timeZone), workingDays), timeZone);
  }
}
