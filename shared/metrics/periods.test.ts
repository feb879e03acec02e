import { describe, expect, it } from 'vitest';
import { periodAt, periodContaining, periodsBetween } from './periods.js';
import { formatZonedIso } from '../time/zoned.js';

const TZ = 'Asia/Shanghai';
// China has kept UTC+8 all year since 1991, so a literal +08:00 is the truth to check against.
const sh = (s: string) => Date.parse(`${s}+08:00`);

describe('periods in the center time zone', () => {
  it('cuts days at local midnight, not UTC midnight', () => {
    const day = periodContaining('day', '2026-03-02', TZ);
    expect(day.start).toBe(Date.parse('2026-03-01T16:00:00Z'));
    expect(day.end).toBe(Date.parse('2026-03-02T16:00:00Z'));
    expect(periodAt('day', sh('2026-03-02T23:59:00'), TZ).label).toBe('2026-03-02');
    expect(periodAt('day', sh('2026-03-03T00:01:00'), TZ).label).toBe('2026-03-03');
    expect(formatZonedIso(day.start, TZ)).toBe('2026-03-02T00:00:00+08:00');
  });

  it('makes weeks Monday 00:00 to the next Monday 00:00 local', () => {
    const w = periodContaining('week', '2027-01-01', TZ);
    expect(w.label).toBe('2026-W53');
    expect(w.start).toBe(sh('2026-12-28T00:00:00'));
    expect(w.end).toBe(sh('2027-01-04T00:00:00'));
    expect(periodContaining('week', '2026-12-31', TZ).label).toBe('2026-W53');
    expect(periodContaining('week', '2024-12-30', TZ)).toMatchObject({ label: '2025-W01', start: sh('2024-12-30T00:00:00') });
    // Sunday 23:59 local is still the old week; Monday 00:01 is the new one.
    expect(periodAt('week', sh('2027-01-03T23:59:00'), TZ).label).toBe('2026-W53');
    expect(periodAt('week', sh('2027-01-04T00:01:00'), TZ).label).toBe('2027-W01');
  });

  it('cuts months and years at local midnight, leap February included', () => {
    const feb = periodContaining('month', '2028-02-15', TZ);
    expect(feb).toMatchObject({ label: '2028-02', start: sh('2028-02-01T00:00:00'), end: sh('2028-03-01T00:00:00') });
    const dec = periodContaining('month', '2026-12-31', TZ);
    expect(dec.end).toBe(sh('2027-01-01T00:00:00'));
    const year = periodContaining('year', '2026-07-01', TZ);
    expect(year).toMatchObject({ label: '2026', start: sh('2026-01-01T00:00:00'), end: sh('2027-01-01T00:00:00') });
    // 2026-12-31 23:59 local is 15:59 UTC the same day, 2027-01-01 00:01 local is 16:01 UTC on Dec 31.
    expect(periodAt('year', Date.parse('2026-12-31T15:59:00Z'), TZ).label).toBe('2026');
    expect(periodAt('year', Date.parse('2026-12-31T16:01:00Z'), TZ).label).toBe('2027');
  });

  it('lists consecutive periods for a series', () => {
    expect(periodsBetween('day', '2026-02-27', '2026-03-02', TZ).map((p) => p.label)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(periodsBetween('week', '2026-12-30', '2027-01-05', TZ).map((p) => p.label)).toEqual(['2026-W53', '2027-W01']);
    expect(periodsBetween('month', '2026-11-30', '2027-01-01', TZ).map((p) => p.label)).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(periodsBetween('day', '2026-03-02', '2026-03-01', TZ)).toEqual([]);
  });

  it('follows a zone with daylight saving time through Intl', () => {
    // Europe/Berlin springs forward on 2026-03-29: that day is 23 hours long.
    const berlin = periodContaining('day', '2026-03-29', 'Europe/Berlin');
    expect(berlin.start).toBe(Date.parse('2026-03-28T23:00:00Z'));
    expect(berlin.end - berlin.start).toBe(23 * 3_600_000);
  });
});
