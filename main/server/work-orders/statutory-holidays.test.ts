import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { calendarYearSchema, type CalendarYear } from '../../../shared/calendar/calendar-year.js';
import { addDays, isWeekend } from '../../../shared/time/local-date.js';
import { WorkingCalendar } from '../../../shared/calendar/working-calendar.js';
import { SLA_WORKING_DAYS, type WorkOrderCategory } from '../../../shared/work-orders/categories.js';
import { createServiceHours } from '../../../shared/time/service-hours.js';
import { provisionalCalendarYear, statutoryDays, statutoryHolidays } from './statutory-holidays.js';

const TZ = 'Asia/Shanghai';
const shipped = (year: number): CalendarYear =>
  calendarYearSchema.parse(JSON.parse(readFileSync(new URL(`../../../resources/calendar/${year}.json`, import.meta.url), 'utf8')));
const offDays = (cal: CalendarYear) => {
  const days = new Set<string>();
  for (const h of cal.holidays) for (let d = h.from; d <= h.to; d = addDays(d, 1)) days.add(d);
  return days;
};
const beijing = (day: string, time = '10:00') => Date.parse(`${day}T${time}+08:00`);
const endOf = (day: string) => Date.parse(`${day}T23:59:59.999+08:00`);

describe('statutory holidays (《全国年节及纪念日放假办法》, 2024 amendment)', () => {
  it('are official holidays in every shipped State Council notice (the library agrees with 2025 and 2026)', () => {
    for (const year of [2025, 2026]) {
      const official = offDays(shipped(year));
      expect(statutoryDays(year).filter((d) => !official.has(d))).toEqual([]);
      expect(statutoryDays(year)).toHaveLength(13);
    }
    // The lunar and solar-term days themselves, against the notices: 除夕, 清明, 端午, 中秋.
    expect(statutoryHolidays(2025).map((h) => h.from)).toEqual([
      '2025-01-01',
      '2025-01-28',
      '2025-04-04',
      '2025-05-01',
      '2025-05-31',
      '2025-10-06',
      '2025-10-01',
    ]);
    expect(statutoryHolidays(2026).map((h) => h.from)).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-04-05',
      '2026-05-01',
      '2026-06-19',
      '2026-09-25',
      '2026-10-01',
    ]);
  });

  it('gives 2027: 春节 from 除夕 Fri 02-05 (正月初一 is 02-06) through 初三 02-08, 清明 04-05, 端午 06-09, 中秋 09-15', () => {
    expect(statutoryHolidays(2027)).toEqual([
      { name: '元旦', from: '2027-01-01', to: '2027-01-01' },
      { name: '春节', from: '2027-02-05', to: '2027-02-08' },
      { name: '清明节', from: '2027-04-05', to: '2027-04-05' },
      { name: '劳动节', from: '2027-05-01', to: '2027-05-02' },
      { name: '端午节', from: '2027-06-09', to: '2027-06-09' },
      { name: '中秋节', from: '2027-09-15', to: '2027-09-15' },
      { name: '国庆节', from: '2027-10-01', to: '2027-10-03' },
    ]);
    expect(provisionalCalendarYear(2027)).toMatchObject({ year: 2027, workingWeekendDays: [] });
  });

  it('cover every year from 1990 to 2101 with 13 days inside the year', () => {
    for (let year = 1990; year <= 2101; year++) {
      const days = statutoryDays(year);
      expect(days, String(year)).toHaveLength(13);
      expect(
        days.every((d) => d.startsWith(`${year}-`)),
        String(year),
      ).toBe(true);
    }
  });
});

describe('due dates over a year without its notice', () => {
  const calendar = new WorkingCalendar([shipped(2025), shipped(2026)], provisionalCalendarYear);
  // Independent of the calendar: 2027 working days are the weekdays that are not statutory days.
  const statutory2027 = new Set(statutoryDays(2027));
  const official2026 = shipped(2026);
  const off2026 = offDays(official2026);
  const working2026 = new Set(official2026.workingWeekendDays.map((w) => w.date));
  const isWorking = (d: string) => (d < '2027-01-01' ? !off2026.has(d) && (working2026.has(d) || !isWeekend(d)) : !statutory2027.has(d) && !isWeekend(d));
  const byHand = (created: string, n: number) => {
    let day = created;
    for (let counted = 0; counted < n;) if (isWorking((day = addDays(day, 1)))) counted++;
    return day;
  };

  it('come out for every creation day from 2026-12-20 to 2027-02-28 and each category, provisional when they touch 2027', () => {
    let provisional = 0;
    for (let day = '2026-12-20'; day <= '2027-02-28'; day = addDays(day, 1)) {
      for (const category of Object.keys(SLA_WORKING_DAYS) as WorkOrderCategory[]) {
        const due = calendar.due(beijing(day), SLA_WORKING_DAYS[category], TZ);
        const expected = byHand(day, SLA_WORKING_DAYS[category]);
        expect({ day, category, dueAt: due.dueAt, provisional: due.provisional }).toEqual({
          day,
          category,
          dueAt: endOf(expected),
          provisional: expected >= '2027-01-01',
        });
        if (due.provisional) provisional++;
      }
    }
    expect(provisional).toBeGreaterThan(180); // all of 2027's 59 days × 3, and the last days of 2026
  });

  it('worked by hand: 元旦 and 春节 2027 off, no 调休', () => {
    // Complaint Mon 2026-12-28: 12-29, 12-30, 12-31, (Fri 01-01 off, weekend), 01-04, 01-05.
    expect(calendar.due(beijing('2026-12-28'), 5, TZ)).toEqual({ dueAt: endOf('2027-01-05'), provisional: true });
    // Suggestion Mon 2026-12-21: 12-22, 12-23 — all in 2026, final.
    expect(calendar.due(beijing('2026-12-21'), 2, TZ)).toEqual({ dueAt: endOf('2026-12-23'), provisional: false });
    // Complaint Wed 2027-02-03: Thu 02-04, (除夕 Fri 02-05 … 初三 Mon 02-08 off), 02-09, 02-10, 02-11, 02-12.
    expect(calendar.due(beijing('2027-02-03'), 5, TZ)).toEqual({ dueAt: endOf('2027-02-12'), provisional: true });
    expect(calendar.isWorkingDay('2027-02-08')).toBe(false);
    expect(calendar.isWorkingDay('2027-02-09')).toBe(true);
  });

  it('never fails for any day from 1990 to 2100', () => {
    for (let day = '1990-01-01'; day <= '2100-12-31'; day = addDays(day, 97)) expect(calendar.due(beijing(day), 5, TZ).dueAt).toBeGreaterThan(beijing(day));
    expect(calendar.due(beijing('2100-12-31'), 5, TZ).provisional).toBe(true);
  });

  it('turns final once the official year is set, with its 调休', () => {
    const local = new WorkingCalendar([shipped(2026)], provisionalCalendarYear);
    const fixture = calendarYearSchema.parse(JSON.parse(readFileSync(new URL('./fixtures/calendar-2027-test.json', import.meta.url), 'utf8')));
    local.setOfficial(fixture);
    expect(local.isProvisional(2027)).toBe(false);
    // Complaint Wed 2027-02-03: 02-04, (02-05 … 02-14 off), 02-15, 02-16, 02-17, 02-18.
    expect(local.due(beijing('2027-02-03'), 5, TZ)).toEqual({ dueAt: endOf('2027-02-18'), provisional: false });
    expect(local.isWorkingDay('2027-02-20')).toBe(true); // Saturday, 调休
    local.restore(2027, undefined);
    expect(local.isProvisional(2027)).toBe(true);
    expect(local.due(beijing('2027-02-03'), 5, TZ).dueAt).toBe(endOf('2027-02-12'));
  });
});

describe('IVR service hours over a year without its notice', () => {
  it('close on the provisional 2027 holidays instead of falling back to plain weekdays', () => {
    const calendar = new WorkingCalendar([shipped(2026)], provisionalCalendarYear);
    const open = createServiceHours({ weekdays: [1, 2, 3, 4, 5], periods: [{ from: '09:00', to: '17:00' }] }, TZ, (d) => calendar.isWorkingDay(d));
    expect(open(beijing('2026-12-31', '10:00'))).toBe(true);
    expect(open(beijing('2027-01-01', '10:00'))).toBe(false); // 元旦, a Friday
    expect(open(beijing('2027-02-05', '10:00'))).toBe(false); // 除夕, a Friday
    expect(open(beijing('2027-02-08', '10:00'))).toBe(false); // 初三, a Monday
    expect(open(beijing('2027-02-09', '10:00'))).toBe(true);
    expect(open(beijing('2027-02-09', '18:00'))).toBe(false);
  });
});
