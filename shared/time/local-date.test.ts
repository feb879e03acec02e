import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayNumber, isLocalDate, isoWeek, isoWeekday, isWeekend, parseLocalDate } from './local-date.js';

describe('local dates', () => {
  it('rejects malformed and impossible days', () => {
    expect(parseLocalDate('2026-02-29')).toBeUndefined();
    expect(parseLocalDate('2028-02-29')).toBe('2028-02-29');
    expect(parseLocalDate('2026-13-01')).toBeUndefined();
    expect(parseLocalDate('2026-1-01')).toBeUndefined();
    expect(isLocalDate('2025-02-30')).toBe(false);
    expect(() => dayNumber('2026-04-31')).toThrow(/no such day/);
  });

  it('counts days across months, years and leap days', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
  });

  it('knows weekdays and weekends', () => {
    expect(isoWeekday('2026-03-02')).toBe(1); // Monday
    expect(isoWeekday('2026-03-08')).toBe(7); // Sunday
    expect(isWeekend('2026-03-07')).toBe(true);
    expect(isWeekend('2026-03-06')).toBe(false);
  });

  it('numbers ISO weeks with the ISO week-year', () => {
    expect(isoWeek('2026-12-31')).toMatchObject({ weekYear: 2026, week: 53, monday: '2026-12-28' });
    expect(isoWeek('2027-01-01')).toMatchObject({ weekYear: 2026, week: 53 });
    expect(isoWeek('2027-01-04')).toMatchObject({ weekYear: 2027, week: 1 });
    expect(isoWeek('2024-12-30')).toMatchObject({ weekYear: 2025, week: 1 });
    expect(isoWeek('2024-12-29')).toMatchObject({ weekYear: 2024, week: 52 });
    expect(isoWeek('2021-01-03')).toMatchObject({ weekYear: 2020, week: 53 });
  });

  it('orders as strings in calendar order', () => {
    expect(['2026-10-01', '2025-12-31', '2026-09-30'].sort()).toEqual(['2025-12-31', '2026-09-30', '2026-10-01']);
  });
});
