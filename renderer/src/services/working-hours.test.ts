import { describe, expect, it } from 'vitest';
import { isWithinWorkingHours } from './working-hours';

describe('isWithinWorkingHours', () => {
  it('follows Beijing time, not the machine’s zone', () => {
    expect(isWithinWorkingHours(Date.parse('2026-11-23T10:00:00+08:00'), 'Asia/Shanghai')).toBe(true); // Monday
    expect(isWithinWorkingHours(Date.parse('2026-11-23T08:29:00+08:00'), 'Asia/Shanghai')).toBe(false);
    expect(isWithinWorkingHours(Date.parse('2026-11-23T17:30:00+08:00'), 'Asia/Shanghai')).toBe(false);
    expect(isWithinWorkingHours(Date.parse('2026-11-22T10:00:00+08:00'), 'Asia/Shanghai')).toBe(false); // Sunday
    expect(isWithinWorkingHours(Date.parse('2026-11-23T02:00:00Z'), 'Asia/Shanghai')).toBe(true); // 10:00 in Beijing
  });
});
