// Wall-clock <-> instant conversion in a named IANA zone through Intl, so that period bounds are
// right in any zone (and across DST where a zone has it) instead of adding a fixed +8 hours.
import type { CivilDate } from './civil-date.js';

interface WallClock extends CivilDate {
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

export function wallClockAt(ms: number, timeZone: string): WallClock {
  const key = `${timeZone}|${ms}`;
  const known = memo.get(key);
  if (known) return { ...known };
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wall = { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, wall);
  return { ...wall };
}

/** The zone's offset from UTC at an instant, in ms (Asia/Shanghai: +8 h). */
export function offsetAt(ms: number, timeZone: string): number {
  const w = wallClockAt(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The local calendar date of an instant in the zone. */
export function civilDateAt(ms: number, timeZone: string): CivilDate {
  const { year, month, day } = wallClockAt(ms, timeZone);
  return { year, month, day };
}

/**
 * The instant of a local wall-clock time. Two passes settle the offset around a DST change; a
 * wall time that a spring-forward skips maps to the instant just after the gap.
 */
export function instantOf(date: CivilDate, minutesOfDay: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minutesOfDay * 60_000;
  let guess = wall - offsetAt(wall, timeZone);
  guess = wall - offsetAt(guess, timeZone);
  return guess;
}

/** Local midnight at the start of a calendar date. */
export function startOfDay(date: CivilDate, timeZone: string): number {
  return instantOf(date, 0, timeZone);
}

/** ISO 8601 with the zone's offset at that instant: 2026-12-28T00:00:00+08:00. */
export function formatZonedIso(ms: number, timeZone: string): string {
  const w = wallClockAt(ms, timeZone);
  const offsetMin = Math.round(offsetAt(ms, timeZone) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(w.year).padStart(4, '0')}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}
