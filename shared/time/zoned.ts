// Instant <-> local wall time in a named IANA zone (the center's, Asia/Shanghai by default),
// through Intl only, so that days are cut right in any zone and across DST where a zone has it,
// instead of adding a fixed +8 hours. Portable: no Node or DOM.
import { dayNumber, isoWeekday, localDate, type LocalDate } from './local-date.js';

const DAY_MS = 86_400_000;

export interface WallClock {
  date: LocalDate;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when Intl knows the zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

// formatToParts costs tens of µs; a year's series asks for the same few hundred midnights on
// every request (issue 17), so recent answers are kept (exact: the key is the instant itself).
const MEMO_LIMIT = 8192;
const memo = new Map<string, Readonly<WallClock>>();

/** The local date and time of an instant in the zone. */
export function wallClockAt(ms: number, timeZone: string): WallClock {
  const key = `${timeZone}|${ms}`;
  const known = memo.get(key);
  if (known) return { ...known };
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wall = { date: localDate(parts.year!, parts.month!, parts.day!), hour: parts.hour!, minute: parts.minute!, second: parts.second! };
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, wall);
  return { ...wall };
}

/** The local day of an instant in the zone. */
export function localDateOf(ms: number, timeZone: string): LocalDate {
  return wallClockAt(ms, timeZone).date;
}

/** The local day, minute of the day (0–1439) and ISO weekday of an instant: what hours rules read. */
export function localTimeOf(ms: number, timeZone: string): { date: LocalDate; minutes: number; isoWeekday: number } {
  const w = wallClockAt(ms, timeZone);
  return { date: w.date, minutes: w.hour * 60 + w.minute, isoWeekday: isoWeekday(w.date) };
}

/** The zone's offset from UTC at an instant, in ms (Asia/Shanghai: +8 h all year). */
export function offsetAt(ms: number, timeZone: string): number {
  const w = wallClockAt(ms, timeZone);
  const asUtc = dayNumber(w.date) * DAY_MS + ((w.hour * 60 + w.minute) * 60 + w.second) * 1000;
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The instant of a local wall time, given as ms since the local midnight (minutes × 60 000).
 * Two passes settle the offset around a DST change; a wall time that a spring-forward skips maps
 * to the instant just after the gap.
 */
export function instantOfMs(date: LocalDate, msOfDay: number, timeZone: string): number {
  const wall = dayNumber(date) * DAY_MS + msOfDay;
  const first = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(first, timeZone);
}

/** The instant of a local wall time given in minutes since local midnight (a shift's 08:30 = 510). */
export function instantOf(date: LocalDate, minutesOfDay: number, timeZone: string): number {
  return instantOfMs(date, minutesOfDay * 60_000, timeZone);
}

/** Local midnight at the start of a day. */
export function startOfLocalDay(date: LocalDate, timeZone: string): number {
  return instantOfMs(date, 0, timeZone);
}

/** 23:59:59.999 local on that day (a due date's last moment). */
export function endOfLocalDay(date: LocalDate, timeZone: string): number {
  return instantOfMs(date, DAY_MS - 1, timeZone);
}

/** ISO 8601 with the zone's offset at that instant: 2026-12-28T00:00:00+08:00. */
export function formatZonedIso(ms: number, timeZone: string): string {
  const w = wallClockAt(ms, timeZone);
  const offsetMin = Math.round(offsetAt(ms, timeZone) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${w.date}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}
