import type { ServiceHoursConfig } from './flow-schema.js';

/** A local calendar day "YYYY-MM-DD" → working day? (shared/calendar WorkingCalendar.isWorkingDay). */
export type IsWorkingDay = (localDate: string) => boolean;

const formatters = new Map<string, Intl.DateTimeFormat>();
function localParts(ms: number, timeZone: string): { date: string; minutes: number; isoWeekday: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short' });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const isoWeekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(p.weekday!) + 1;
  return { date: `${p.year}-${p.month}-${p.day}`, minutes: Number(p.hour) * 60 + Number(p.minute), isoWeekday };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * §2.3: 人工 follows the center's business hours. Inside a period, on a working day (holidays
 * closed, 调休 weekends open, from the injected calendar); the configured weekdays decide only
 * when the calendar has no answer (a year it lacks).
 */
export function createServiceHours(config: ServiceHoursConfig, timeZone: string, isWorkingDay?: IsWorkingDay): (ms: number) => boolean {
  const periods = config.periods.map((p) => [toMinutes(p.from), toMinutes(p.to)] as const);
  return (ms) => {
    const { date, minutes, isoWeekday } = localParts(ms, timeZone);
    let working: boolean;
    try {
      working = isWorkingDay ? isWorkingDay(date) : config.weekdays.includes(isoWeekday);
    } catch {
      working = config.weekdays.includes(isoWeekday);
    }
    return working && periods.some(([from, to]) => minutes >= from && minutes < to);
  };
}
