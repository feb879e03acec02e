import { addDays, isWeekend, type LocalDate } from '../../../shared/time/local-date.js';
import type { IsWorkingDay } from '../../../shared/time/service-hours.js';

/** The bookable windows of an outlet's working day (the centers' usual counter hours). */
export const SLOT_WINDOWS = ['09:00-10:00', '10:00-11:00', '11:00-12:00', '13:30-14:30', '14:30-15:30', '15:30-16:30'] as const;

/** Bookings open for today and the next 30 days. */
export const BOOKING_HORIZON_DAYS = 30;

/**
 * A working day per the injected calendar (holidays closed, 调休 weekends open); Monday to Friday
 * without one, or for a year the calendar lacks (it throws then).
 */
export function isBookableDay(ymd: LocalDate, isWorkingDay?: IsWorkingDay): boolean {
  if (isWorkingDay) {
    try {
      return isWorkingDay(ymd);
    } catch {
      // fall through to plain weekdays
    }
  }
  return !isWeekend(ymd);
}

export function bookableDays(from: LocalDate, to: LocalDate, today: LocalDate, isWorkingDay?: IsWorkingDay): LocalDate[] {
  const first = from < today ? today : from;
  const last = to > addDays(today, BOOKING_HORIZON_DAYS) ? addDays(today, BOOKING_HORIZON_DAYS) : to;
  const days: LocalDate[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) if (isBookableDay(day, isWorkingDay)) days.push(day);
  return days;
}

export function isBookable(date: LocalDate, slot: string, today: LocalDate, isWorkingDay?: IsWorkingDay): boolean {
  return (SLOT_WINDOWS as readonly string[]).includes(slot) && bookableDays(date, date, today, isWorkingDay).length === 1;
}
