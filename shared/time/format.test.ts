import { describe, expect, it } from 'vitest';
import { formatCenterDateTime } from './format.js';

describe('formatCenterDateTime', () => {
  it('shows Beijing time whatever the zone of the machine', () => {
    expect(formatCenterDateTime('2026-12-01T15:59:59.999Z')).toBe('2026-12-01 23:59');
    expect(formatCenterDateTime('2026-12-31T16:00:00Z')).toBe('2027-01-01 00:00');
    expect(formatCenterDateTime(Date.parse('2026-06-15T08:30:00+08:00'), 'Asia/Shanghai')).toBe('2026-06-15 08:30');
  });
});
