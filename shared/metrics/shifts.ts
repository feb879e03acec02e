// Which shift an agent works on a date. A shift names an agent or a team, and a weekday or a
// date; the most specific one wins: agent+date, agent+weekday, team+date, team+weekday.
import { isoWeekday, type LocalDate } from '../time/local-date.js';
import { minutesOfDay } from '../time/service-hours.js';

export interface ShiftRule {
  agentId: number | null;
  team: string | null;
  /** ISO weekday, 1 Monday … 7 Sunday. */
  weekday: number | null;
  /** YYYY-MM-DD */
  date: string | null;
  /** Local HH:MM; a shift does not cross midnight (the hotline's human service is daytime). */
  startTime: string;
  endTime: string;
}

export interface ShiftMinutes {
  startMinute: number;
  endMinute: number;
}

export function resolveShift(rules: readonly ShiftRule[], agentId: number, team: string | null, day: LocalDate): ShiftMinutes | null {
  const weekday = isoWeekday(day);
  const mine = (r: ShiftRule) => r.agentId === agentId;
  const ourTeam = (r: ShiftRule) => r.agentId === null && team !== null && r.team === team;
  const onDate = (r: ShiftRule) => r.date === day;
  const onWeekday = (r: ShiftRule) => r.date === null && r.weekday === weekday;
  const rule =
    rules.find((r) => mine(r) && onDate(r)) ??
    rules.find((r) => mine(r) && onWeekday(r)) ??
    rules.find((r) => ourTeam(r) && onDate(r)) ??
    rules.find((r) => ourTeam(r) && onWeekday(r));
  return rule ? { startMinute: minutesOfDay(rule.startTime), endMinute: minutesOfDay(rule.endTime) } : null;
}
