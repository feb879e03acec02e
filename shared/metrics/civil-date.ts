// Calendar dates without a time or a zone ("2026-12-31"). Arithmetic goes through Date.UTC only
// as a day counter, never as a wall clock, so it is right in every zone.

export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses YYYY-MM-DD; undefined for a malformed or impossible date (2026-02-30). */
export function parseCivilDate(text: string): CivilDate | undefined {
  const match = DATE_RE.exec(text);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (date.year < 1970 || date.month < 1 || date.month > 12 || date.day < 1) return undefined;
  return date.day <= daysInMonth(date.year, date.month) ? date : undefined;
}

export function formatCivilDate(d: CivilDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 (a day number, not an instant). */
export function dayNumber(d: CivilDate): number {
  return Date.UTC(d.year, d.month - 1, d.day) / DAY_MS;
}

export function fromDayNumber(n: number): CivilDate {
  const date = new Date(n * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(d: CivilDate, days: number): CivilDate {
  return fromDayNumber(dayNumber(d) + days);
}

export function addMonths(d: CivilDate, months: number): CivilDate {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function isoWeekday(d: CivilDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(d) + 3) % 7) + 7) % 7) + 1;
}

/** ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(d: CivilDate): { weekYear: number; week: number; monday: CivilDate } {
  const monday = addDays(d, 1 - isoWeekday(d));
  const thursday = addDays(monday, 3);
  const weekYear = thursday.year;
  const firstThursdayOrdinal = dayNumber(thursday) - dayNumber({ year: weekYear, month: 1, day: 1 });
  return { weekYear, week: Math.floor(firstThursdayOrdinal / 7) + 1, monday };
}

export function compareCivilDates(a: CivilDate, b: CivilDate): number {
  return dayNumber(a) - dayNumber(b);
}
