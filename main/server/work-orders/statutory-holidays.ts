import { LunarDay, SolarTerm, type SolarDay } from 'tyme4ts';
import type { CalendarYear } from '../../../shared/calendar/calendar-year.js';
import { addDays, type LocalDate } from '../../../shared/time/local-date.js';

/**
 * The statutory days off of 《全国年节及纪念日放假办法》 as amended in 2024 (in force from 2025),
 * for a year whose State Council notice is not loaded yet. The only file that knows the lunar
 * calendar library (tyme4ts: lunar dates and solar terms, in Beijing time).
 */
export const PROVISIONAL_SOURCE = '暂定：按《全国年节及纪念日放假办法》（2024年修订）法定节日推算，未含调休';

const iso = (d: SolarDay): LocalDate =>
  `${String(d.getYear()).padStart(4, '0')}-${String(d.getMonth()).padStart(2, '0')}-${String(d.getDay()).padStart(2, '0')}`;
const lunar = (year: number, month: number, day: number): LocalDate => iso(LunarDay.fromYmd(year, month, day).getSolarDay());
const pad = (n: number) => String(n).padStart(2, '0');

/** One holiday per festival; every day of each is a statutory day off. Weekends come from the calendar itself. */
export function statutoryHolidays(year: number): CalendarYear['holidays'] {
  const y = String(year).padStart(4, '0');
  const day = (m: number, d: number): LocalDate => `${y}-${pad(m)}-${pad(d)}`;
  // 春节: 农历除夕 (the day before 正月初一, whatever the length of 腊月) through 正月初三.
  const springFestival = lunar(year, 1, 1);
  const qingming = iso(SolarTerm.fromName(year, '清明').getJulianDay().getSolarDay());
  return [
    { name: '元旦', from: day(1, 1), to: day(1, 1) },
    { name: '春节', from: addDays(springFestival, -1), to: addDays(springFestival, 2) },
    { name: '清明节', from: qingming, to: qingming },
    { name: '劳动节', from: day(5, 1), to: day(5, 2) },
    { name: '端午节', from: lunar(year, 5, 5), to: lunar(year, 5, 5) },
    { name: '中秋节', from: lunar(year, 8, 15), to: lunar(year, 8, 15) },
    { name: '国庆节', from: day(10, 1), to: day(10, 3) },
  ];
}

/** The provisional calendar of a year: statutory days plus ordinary weekends, no 调休 (unknown until the notice). */
export function provisionalCalendarYear(year: number): CalendarYear {
  return { year, source: PROVISIONAL_SOURCE, holidays: statutoryHolidays(year), workingWeekendDays: [] };
}

/** Every statutory day off of the year, for checking an uploaded official calendar. */
export function statutoryDays(year: number): LocalDate[] {
  const days: LocalDate[] = [];
  for (const h of statutoryHolidays(year)) for (let d = h.from; d <= h.to; d = addDays(d, 1)) days.push(d);
  return days;
}
