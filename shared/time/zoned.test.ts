import { describe, expect, it } from 'vitest';
import { endOfLocalDay, formatZonedIso, instantOf, isValidTimeZone, localDateOf, localTimeOf, startOfLocalDay } from './zoned.js';

const TZ = 'Asia/Shanghai';

describe('local days by zone', () => {
  it('cuts days at Beijing midnight, 16:00 UTC', () => {
    expect(localDateOf(Date.UTC(2025, 8, 30, 15, 59, 59), TZ)).toBe('2025-09-30');
    expect(localDateOf(Date.UTC(2025, 8, 30, 16, 0, 0), TZ)).toBe('2025-10-01');
    expect(startOfLocalDay('2025-10-14', TZ)).toBe(Date.UTC(2025, 9, 13, 16));
    expect(endOfLocalDay('2025-10-14', TZ)).toBe(Date.UTC(2025, 9, 14, 15, 59, 59, 999));
    // The same helpers work for a zone with DST.
    expect(endOfLocalDay('2025-07-01', 'Europe/Berlin')).toBe(Date.UTC(2025, 6, 1, 21, 59, 59, 999));
  });

  it('reads the local minute of the day and weekday, whatever the machine zone', () => {
    expect(localTimeOf(Date.parse('2026-11-23T02:00:00Z'), TZ)).toEqual({ date: '2026-11-23', minutes: 600, isoWeekday: 1 });
    expect(localTimeOf(Date.parse('2026-11-22T16:30:00Z'), TZ)).toEqual({ date: '2026-11-23', minutes: 30, isoWeekday: 1 });
  });

  it('maps wall times to instants across a DST change', () => {
    expect(instantOf('2026-10-25', 12 * 60, 'Europe/Berlin')).toBe(Date.parse('2026-10-25T11:00:00Z'));
    expect(instantOf('2026-03-02', 8 * 60 + 30, TZ)).toBe(Date.parse('2026-03-02T08:30:00+08:00'));
    // Berlin springs forward on 2026-03-29: the day is 23 hours long.
    expect(startOfLocalDay('2026-03-30', 'Europe/Berlin') - startOfLocalDay('2026-03-29', 'Europe/Berlin')).toBe(23 * 3_600_000);
  });

  it('writes ISO 8601 with the zone offset, and knows zone names', () => {
    expect(formatZonedIso(Date.parse('2026-12-27T16:00:00Z'), TZ)).toBe('2026-12-28T00:00:00+08:00');
    expect(formatZonedIso(Date.parse('2026-07-01T10:00:00Z'), 'America/New_York')).toBe('2026-07-01T06:00:00-04:00');
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
