import { addDays } from '../../../shared/time/local-date.js';
import { localDateOf, startOfLocalDay } from '../../../shared/time/zoned.js';

/** The local calendar day of `ms` in the center's zone, and the instants it starts and ends (shared/time does the zone work). */
export function centerDay(ms: number, timeZone: string): { day: string; from: number; to: number } {
  const day = localDateOf(ms, timeZone);
  return { day, from: startOfLocalDay(day, timeZone), to: startOfLocalDay(addDays(day, 1), timeZone) };
}
