import { addDays } from '../../../shared/time/local-date.js';
import { instantOf, localDateOf } from '../../../shared/time/zoned.js';
import { minutesOfDay } from '../../../shared/time/service-hours.js';

/** The daily backup as stored in <dataDir>/backups/schedule.json. */
export interface StoredSchedule {
  /** HH:MM in the center's zone; null: no scheduled backups. */
  dailyAt: string | null;
  keep: number;
  /** When the schedule was last saved: a time of day already past then waits for the next day. */
  since: number;
  /** The slot (instant of HH:MM) the last scheduled run was for. */
  lastSlot: number | null;
  /** When that run started (a catch-up after downtime starts later than its slot). */
  lastRunAt: number | null;
}

/** Copies kept until the admin sets another number; CLI runs choose their own --keep. */
export const DEFAULT_BACKUPS_KEPT = 14;

export const DEFAULT_SCHEDULE: StoredSchedule = { dailyAt: null, keep: DEFAULT_BACKUPS_KEPT, since: 0, lastSlot: null, lastRunAt: null };

/**
 * The slot of the next scheduled run: today's HH:MM if it comes after both the last run's slot and
 * the moment the schedule was saved, else tomorrow's. A server that was down at that time runs
 * once when it is back (the returned slot is then in the past: due now), never once per day missed.
 */
export function nextSlot(schedule: StoredSchedule, now: number, timeZone: string): number | null {
  if (schedule.dailyAt === null) return null;
  const minutes = minutesOfDay(schedule.dailyAt);
  const after = Math.max(schedule.since, schedule.lastSlot ?? -Infinity);
  const today = localDateOf(now, timeZone);
  const todays = instantOf(today, minutes, timeZone);
  if (todays > after) return todays;
  // Today's slot is taken (or was already past when saved): tomorrow's.
  const tomorrows = instantOf(addDays(today, 1), minutes, timeZone);
  return tomorrows > after ? tomorrows : instantOf(addDays(today, 2), minutes, timeZone);
}

/** The slot to run now, or null when nothing is due. */
export function dueSlot(schedule: StoredSchedule, now: number, timeZone: string): number | null {
  const slot = nextSlot(schedule, now, timeZone);
  return slot !== null && slot <= now ? slot : null;
}
