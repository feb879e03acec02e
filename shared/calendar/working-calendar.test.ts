import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { calendarYearSchema, type CalendarYear } from './calendar-year.js';
import { CalendarMissingError, WorkingCalendar } from './working-calendar.js';

const TZ = 'Asia/Shanghai';
const load = (year: number): CalendarYear =>
  calendarYearSchema.parse(JSON.parse(readFileSync(new URL(`../../resources/calendar/${year}.json`, import.meta.url), 'utf8')));
const calendar = new WorkingCalendar([load(2025), load(2026)]);
/** An instant given as Beijing wall time. */
const beijing = (iso: string) => Date.parse(`${iso}+08:00`);
const endOf = (day: string) => Date.parse(`${day}T23:59:59.999+08:00`);

describe('calendar year files', () => {
  it('ship 2025 and 2026 with every 调休 day on a weekend', () => {
    expect(load(2025).workingWeekendDays.map((w) => w.date)).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    expect(load(2026).workingWeekendDays.map((w) => w.date)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  it('refuses a working weekend day that is a weekday, or dates outside the year', () => {
    const bad = {
      year: 2025,
      source: 'x',
      holidays: [{ name: '元旦', from: '2024-12-31', to: '2025-01-01' }],
      workingWeekendDays: [{ date: '2025-01-27', for: '春节' }],
    };
    const result = calendarYearSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['元旦 is not in 2025', '2025-01-27 is not a Saturday or Sunday']);
    expect(calendarYearSchema.safeParse({ ...bad, holidays: [{ name: 'x', from: '2025-02-30', to: '2025-03-01' }], workingWeekendDays: [] }).success).toBe(
      false,
    );
  });
});

describe('working days', () => {
  it('knows holidays, ordinary weekends and 调休 working weekend days', () => {
    expect(calendar.isWorkingDay('2025-10-01')).toBe(false); // 国庆
    expect(calendar.isWorkingDay('2025-10-08')).toBe(false); // 中秋, a Wednesday
    expect(calendar.isWorkingDay('2025-10-09')).toBe(true);
    expect(calendar.isWorkingDay('2025-10-11')).toBe(true); // Saturday, 调休
    expect(calendar.isWorkingDay('2025-10-12')).toBe(false); // ordinary Sunday
    expect(calendar.isWorkingDay('2025-09-28')).toBe(true); // Sunday, 调休
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true); // Saturday, 调休
    expect(calendar.isWorkingDay('2026-02-23')).toBe(false); // last day of 春节, a Monday
    expect(calendar.isWorkingDay('2026-01-04')).toBe(true); // Sunday, 调休
  });

  it('names the missing year', () => {
    expect(() => calendar.isWorkingDay('2027-03-01')).toThrow(CalendarMissingError);
    expect(() => calendar.addWorkingDays('2026-12-30', 5)).toThrow(/no working-day calendar for 2027/);
    expect(() => calendar.addWorkingDays('2025-03-03', 0)).toThrow(RangeError);
  });
});

describe('dueAt (worked by hand)', () => {
  it('2025 National Day: 10-01…10-08 off, Sun 09-28 and Sat 10-11 worked', () => {
    // Complaint opened Tue 09-30 10:00: 10-09 (1), 10-10 (2), Sat 10-11 (3), 10-13 (4), 10-14 (5).
    expect(calendar.dueAt(beijing('2025-09-30T10:00'), 5, TZ)).toBe(endOf('2025-10-14'));
    // Suggestion opened Fri 09-26: Sat 09-27 off, Sun 09-28 (1), Mon 09-29 (2).
    expect(calendar.dueAt(beijing('2025-09-26T16:00'), 2, TZ)).toBe(endOf('2025-09-29'));
    // Inquiry opened Fri 09-26: 09-28 (1), 09-29 (2), 09-30 (3).
    expect(calendar.dueAt(beijing('2025-09-26T16:00'), 3, TZ)).toBe(endOf('2025-09-30'));
    // 23:30 on 09-30 is still 09-30 in Beijing; 00:30 is 10-01, so the count starts later.
    expect(calendar.dueAt(beijing('2025-09-30T23:30'), 2, TZ)).toBe(endOf('2025-10-10'));
    expect(calendar.dueAt(beijing('2025-10-01T00:30'), 2, TZ)).toBe(endOf('2025-10-10'));
    expect(calendar.dueAt(beijing('2025-09-29T23:59:59'), 2, TZ)).toBe(endOf('2025-10-09'));
  });

  it('2026 Spring Festival: 02-15…02-23 off, Sat 02-14 and Sat 02-28 worked', () => {
    // Complaint opened Fri 02-13: Sat 02-14 (1), 02-24 (2), 02-25 (3), 02-26 (4), 02-27 (5).
    expect(calendar.dueAt(beijing('2026-02-13T09:00'), 5, TZ)).toBe(endOf('2026-02-27'));
    // Inquiry opened Fri 02-13: 02-14 (1), 02-24 (2), 02-25 (3).
    expect(calendar.dueAt(beijing('2026-02-13T09:00'), 3, TZ)).toBe(endOf('2026-02-25'));
    // Complaint opened Tue 02-24: 02-25, 02-26, 02-27, Sat 02-28 (4), Sun 03-01 off, Mon 03-02 (5).
    expect(calendar.dueAt(beijing('2026-02-24T11:00'), 5, TZ)).toBe(endOf('2026-03-02'));
    // Suggestion opened on a holiday, Sun 02-22: 02-23 off, 02-24 (1), 02-25 (2).
    expect(calendar.dueAt(beijing('2026-02-22T12:00'), 2, TZ)).toBe(endOf('2026-02-25'));
  });

  it('crosses the year into 2026 元旦 and its 调休 Sunday', () => {
    // Inquiry opened Wed 2025-12-31: 01-01…01-03 off, Sun 01-04 (1), 01-05 (2), 01-06 (3).
    expect(calendar.dueAt(beijing('2025-12-31T15:00'), 3, TZ)).toBe(endOf('2026-01-06'));
  });
});
