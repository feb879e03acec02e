import { describe, expect, it } from 'vitest';
import { createServiceHours, isInServiceHours } from './service-hours.js';

const config = {
  weekdays: [1, 2, 3, 4, 5],
  periods: [
    { from: '09:00', to: '12:00' },
    { from: '13:00', to: '17:00' },
  ],
};
const sh = (local: string) => Date.parse(`${local}+08:00`);

describe('service hours (§2.3)', () => {
  const open = createServiceHours(config, 'Asia/Shanghai');

  it('is open inside the periods of a weekday, in the center zone', () => {
    expect(open(sh('2026-03-02T09:00:00'))).toBe(true);
    expect(open(sh('2026-03-02T11:59:00'))).toBe(true);
    expect(open(sh('2026-03-02T12:00:00'))).toBe(false);
    expect(open(sh('2026-03-02T16:59:00'))).toBe(true);
    expect(open(sh('2026-03-02T17:00:00'))).toBe(false);
    expect(open(sh('2026-03-02T08:59:00'))).toBe(false);
    // 01:30 UTC is 09:30 in Shanghai.
    expect(open(Date.parse('2026-03-02T01:30:00Z'))).toBe(true);
    expect(open(sh('2026-03-07T10:00:00'))).toBe(false); // Saturday
  });

  it('follows the working-day calendar: holidays closed, 调休 weekends open', () => {
    const calendar = (d: string) =>
      d === '2026-02-28' || (d !== '2026-10-01' && !['Sat', 'Sun'].includes(new Date(`${d}T12:00:00Z`).toUTCString().slice(0, 3)));
    const withCalendar = createServiceHours(config, 'Asia/Shanghai', calendar);
    expect(withCalendar(sh('2026-10-01T10:00:00'))).toBe(false);
    expect(withCalendar(sh('2026-02-28T10:00:00'))).toBe(true);
    expect(withCalendar(sh('2026-02-28T12:30:00'))).toBe(false);
  });

  it('falls back to the weekdays for a year the calendar lacks', () => {
    const missing = createServiceHours(config, 'Asia/Shanghai', () => {
      throw new Error('no working-day calendar for 2031');
    });
    expect(missing(sh('2031-03-03T10:00:00'))).toBe(true); // Monday
    expect(missing(sh('2031-03-01T10:00:00'))).toBe(false); // Saturday
  });
});

describe('the desk sign-out warning (§2.4-10) with the server hours', () => {
  const hours = {
    weekdays: [1, 2, 3, 4, 5],
    periods: [
      { from: '08:30', to: '12:00' },
      { from: '13:30', to: '17:30' },
    ],
  };

  it('follows the configured hours in Beijing time, not the machine zone', () => {
    expect(isInServiceHours(sh('2026-11-23T10:00:00'), hours, 'Asia/Shanghai')).toBe(true); // Monday
    expect(isInServiceHours(sh('2026-11-23T08:29:00'), hours, 'Asia/Shanghai')).toBe(false);
    expect(isInServiceHours(sh('2026-11-23T12:30:00'), hours, 'Asia/Shanghai')).toBe(false); // lunch break
    expect(isInServiceHours(sh('2026-11-23T17:30:00'), hours, 'Asia/Shanghai')).toBe(false);
    expect(isInServiceHours(sh('2026-11-22T10:00:00'), hours, 'Asia/Shanghai')).toBe(false); // Sunday
    expect(isInServiceHours(Date.parse('2026-11-23T02:00:00Z'), hours, 'Asia/Shanghai')).toBe(true); // 10:00 in Beijing
  });

  it('is always in hours for round-the-clock service, and asks when the hours are unknown', () => {
    expect(isInServiceHours(sh('2026-11-22T03:00:00'), 'always', 'Asia/Shanghai')).toBe(true);
    expect(isInServiceHours(sh('2026-11-22T03:00:00'), undefined, 'Asia/Shanghai')).toBe(true);
  });
});
