/**
 * The one calendar-day type of the project: a day without a time or a zone, as "YYYY-MM-DD".
 * Metrics periods, working days, service hours, due dates, bookings and the desk all use it; a
 * string because it is what SQLite, JSON and the calendar files hold, and two of them compare
 * with `<` in calendar order. Arithmetic goes through Date.UTC only as a day counter, never as a
 * wall clock, so it is right in every zone. Portable: no Node or DOM.
 */
export type LocalDate = string;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The local date of a year, month (1–12) and day; no range check (see parseLocalDate). */
export function localDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** Days since 1970-01-01 (a day number, not an instant); throws on a malformed or impossible day. */
// Parsing and checking a date costs a regular expression and a Date; a year's series asks the
// same few hundred dates several times per request (issue 17), so answers are kept (bounded).
const DAY_NUMBER_MEMO_LIMIT = 4096;
const dayNumbers = new Map<string, number>();

export function dayNumber(date: LocalDate): number {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  const n = parseDayNumber(date);
  if (dayNumbers.size >= DAY_NUMBER_MEMO_LIMIT) dayNumbers.clear();
  dayNumbers.set(date, n);
  return n;
}

function parseDayNumber(date: LocalDate): number {
  const m = LOCAL_DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`no such day: ${date}`);
  return ms / DAY_MS;
}

export function fromDayNumber(n: number): LocalDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The date itself when it is a real YYYY-MM-DD day (2026-02-30 is not); undefined otherwise. */
export function parseLocalDate(text: string): LocalDate | undefined {
  return isLocalDate(text) ? text : undefined;
}

export function isLocalDate(value: string): boolean {
  try {
    dayNumber(value);
    return true;
  } catch {
    return false;
  }
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

/** 1–12 */
export function monthOf(date: LocalDate): number {
  return Number(date.slice(5, 7));
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** The same day of another month, clamped to its last day (01-31 + 1 month = 02-28). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const index = yearOf(date) * 12 + (monthOf(date) - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return localDate(year, month, Math.min(Number(date.slice(8, 10)), daysInMonth(year, month)));
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function isoWeekday(date: LocalDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(date: LocalDate): boolean {
  return isoWeekday(date) >= 6;
}

/** ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(date: LocalDate): { weekYear: number; week: number; monday: LocalDate } {
  const monday = addDays(date, 1 - isoWeekday(date));
  const thursday = addDays(monday, 3);
  const weekYear = yearOf(thursday);
  const ordinal = dayNumber(thursday) - dayNumber(localDate(weekYear, 1, 1));
  return { weekYear, week: Math.floor(ordinal / 7) + 1, monday };
}
