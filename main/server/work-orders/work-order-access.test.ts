import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.js';
import { workOrderEventVisibleTo } from './work-order-access.js';

const who = (role: Principal['role'], department: string | null = null, centerCode = '330100'): Principal => ({
  userId: 1,
  workNumber: '1',
  displayName: 'x',
  role,
  centerCode,
  department,
  expiresAt: 0,
});

describe('work-order event visibility', () => {
  const loan = { centerCode: '330100', department: '贷款科' };
  it("reaches the hotline of the center and the handlers of the order's department only", () => {
    expect(workOrderEventVisibleTo(who('agent'), loan)).toBe(true);
    expect(workOrderEventVisibleTo(who('department_handler', '贷款科'), loan)).toBe(true);
    expect(workOrderEventVisibleTo(who('department_handler', '归集科'), loan)).toBe(false);
    expect(workOrderEventVisibleTo(who('department_handler', null), { centerCode: '330100', department: null })).toBe(false);
    expect(workOrderEventVisibleTo(who('province'), loan)).toBe(false);
    expect(workOrderEventVisibleTo(who('agent', null, '320100'), loan)).toBe(false);
  });
});
