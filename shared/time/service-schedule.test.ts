import { describe, expect, it } from 'vitest';
import { createScheduleCheck, periodsOn, scheduleOf, type DayKind, type WeekSchedule } from './service-hours.js';

const morning = [{ from: '09:00', to: '12:00' }];
const day = [
  { from: '08:30', to: '12:00' },
  { from: '13:00', to: '17:30' },
];
const schedule: WeekSchedule = {
  weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, periods: weekday <= 5 ? day : weekday === 6 ? morning : [] })),
  exceptions: [
    { date: '2026-12-07', periods: [] },
    { date: '2026-12-13', periods: [{ from: '10:00', to: '15:00' }] },
    { date: '2026-10-03', periods: morning },
  ],
};
const sh = (local: string) => Date.parse(`${local}+08:00`);

describe('the admin schedule (§2.3 人工 hours with weekends, exceptions and holidays)', () => {
  it('takes an exception first, then a holiday over the weekday, a 调休 Saturday like a weekday, else the weekday rule', () => {
    expect(periodsOn(schedule, '2026-12-07', 1, 'ordinary')).toEqual([]); // a local holiday on a Monday
    expect(periodsOn(schedule, '2026-12-13', 7, 'ordinary')).toEqual([{ from: '10:00', to: '15:00' }]); // a Sunday work day
    expect(periodsOn(schedule, '2026-10-03', 6, 'holiday')).toEqual(morning); // the admin opened a holiday morning on purpose
    expect(periodsOn(schedule, '2026-10-01', 4, 'holiday')).toEqual([]); // holiday over the Thursday rule
    expect(periodsOn(schedule, '2026-10-10', 6, 'holiday')).toEqual([]); // and over Saturday mornings
    expect(periodsOn(schedule, '2026-09-27', 7, 'make-up')).toEqual(day); // 调休 Sunday: a working day's hours
    expect(periodsOn(schedule, '2026-12-05', 6, 'ordinary')).toEqual(morning);
    expect(periodsOn(schedule, '2026-12-06', 7, 'ordinary')).toEqual([]);
  });

  it('answers per instant, with the calendar when there is one and the weekly rule for a year it lacks', () => {
    const kinds: Record<string, DayKind> = { '2026-10-01': 'holiday', '2026-09-27': 'make-up' };
    const check = createScheduleCheck(schedule, 'Asia/Shanghai', (d) => {
      if (d.startsWith('2030')) throw new Error('no calendar for 2030');
      return kinds[d] ?? 'ordinary';
    });
    expect(check(sh('2026-12-05T11:59:00'))).toBe(true); // Saturday morning
    expect(check(sh('2026-12-05T12:00:00'))).toBe(false); // the end is exclusive
    expect(check(sh('2026-10-01T10:00:00'))).toBe(false);
    expect(check(sh('2026-09-27T14:00:00'))).toBe(true);
    expect(check(sh('2026-12-08T12:30:00'))).toBe(false); // lunch
    expect(check(sh('2030-01-07T09:00:00'))).toBe(true); // a Monday of a year without calendar
    const allDay = createScheduleCheck(
      { weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, periods: [{ from: '00:00', to: '24:00' }] })), exceptions: [] },
      'Asia/Shanghai',
    );
    expect(allDay(sh('2026-12-06T23:59:59'))).toBe(true);
  });

  it('turns the flow default (weekdays + periods) into a week', () => {
    const week = scheduleOf({ weekdays: [1, 2, 3, 4, 5], periods: morning });
    expect(week.weekly.map((w) => w.periods.length)).toEqual([1, 1, 1, 1, 1, 0, 0]);
  });
});
