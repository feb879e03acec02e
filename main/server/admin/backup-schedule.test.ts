import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE, dueSlot, nextSlot } from './backup-schedule.js';

const TZ = 'Asia/Shanghai';
const at = (iso: string) => Date.parse(iso);

describe('the daily backup slot', () => {
  const saved = { ...DEFAULT_SCHEDULE, dailyAt: '02:00', since: at('2026-03-01T09:00:00+08:00') };

  it('is off without a time', () => {
    expect(nextSlot(DEFAULT_SCHEDULE, at('2026-03-01T09:00:00+08:00'), TZ)).toBeNull();
  });

  it('waits for the next day when the time was already past when saved', () => {
    expect(nextSlot(saved, at('2026-03-01T09:00:00+08:00'), TZ)).toBe(at('2026-03-02T02:00:00+08:00'));
    expect(dueSlot(saved, at('2026-03-02T01:59:59+08:00'), TZ)).toBeNull();
    expect(dueSlot(saved, at('2026-03-02T02:00:00+08:00'), TZ)).toBe(at('2026-03-02T02:00:00+08:00'));
  });

  it('runs once per slot, and once (not once per missed day) after downtime', () => {
    const ran = { ...saved, lastSlot: at('2026-03-02T02:00:00+08:00') };
    expect(dueSlot(ran, at('2026-03-02T23:00:00+08:00'), TZ)).toBeNull();
    expect(nextSlot(ran, at('2026-03-02T23:00:00+08:00'), TZ)).toBe(at('2026-03-03T02:00:00+08:00'));
    // Down from the 2nd to the 5th at 10:00: the 5th's slot runs now, the 3rd and 4th are not replayed.
    expect(dueSlot(ran, at('2026-03-05T10:00:00+08:00'), TZ)).toBe(at('2026-03-05T02:00:00+08:00'));
    const caughtUp = { ...ran, lastSlot: at('2026-03-05T02:00:00+08:00') };
    expect(dueSlot(caughtUp, at('2026-03-05T10:00:01+08:00'), TZ)).toBeNull();
  });

  it('follows the center zone across a DST change', () => {
    const berlin = { ...DEFAULT_SCHEDULE, dailyAt: '03:30', since: at('2026-03-28T12:00:00+01:00') };
    // 29 March 2026: clocks go from 02:00 to 03:00 in Berlin; 03:30 is then +02:00.
    expect(nextSlot(berlin, at('2026-03-28T12:00:00+01:00'), 'Europe/Berlin')).toBe(at('2026-03-29T03:30:00+02:00'));
  });
});
