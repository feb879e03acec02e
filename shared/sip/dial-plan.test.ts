import { describe, expect, it } from 'vitest';
import { areaCodeOfCenter, checkDialledNumber, parseDialPlan } from './dial-plan.js';

// Issue 12 item 2 (toll fraud) and the outbound dial plan: what an agent may dial on a follow-up call.
describe('outbound dial plan', () => {
  const hangzhou = parseDialPlan(undefined, '330100');

  it('derives the local area code from the center code, for capitals, big cities and municipalities', () => {
    expect(areaCodeOfCenter('330100')).toBe('0571');
    expect(areaCodeOfCenter('440300')).toBe('0755');
    expect(areaCodeOfCenter('110000')).toBe('010');
    expect(areaCodeOfCenter('500100')).toBe('023');
    expect(areaCodeOfCenter('654321')).toBeUndefined();
  });

  it('by default allows domestic mobiles and landlines of the center’s area', () => {
    for (const n of ['13800138000', '+8613800138000', '008619912345678', '17012345678', '88886666', '5678901', '057188886666', '+8657188886666']) {
      expect(checkDialledNumber(hangzhou, n), n).toMatchObject({ allowed: true });
    }
    expect(checkDialledNumber(hangzhou, '13800138000')).toMatchObject({ kind: 'mobile', number: '13800138000' });
    expect(checkDialledNumber(hangzhou, '+8657188886666')).toMatchObject({ kind: 'local', number: '057188886666' });
  });

  it('refuses international, premium, service and short numbers, and other areas by default', () => {
    const cases: Array<[string, string]> = [
      ['0044207946000', 'international'],
      ['+12025550123', 'international'],
      ['001900555012', 'international'],
      ['16801234567', 'premium'],
      ['1680123', 'premium'],
      ['12345', 'service'],
      ['12329', 'service'],
      ['95533', 'service'],
      ['96123', 'service'],
      ['110', 'service'],
      ['4008123123', 'service'],
      ['8008101234', 'service'],
      ['17951138001380', 'unknown'],
      ['17412345678', 'unknown'],
      ['01088886666', 'long-distance'],
      ['02188886666', 'long-distance'],
      ['075523456789', 'long-distance'],
      ['1380013800', 'unknown'],
      ['0571888866661', 'unknown'],
      ['1234567', 'unknown'],
    ];
    for (const [n, reason] of cases) expect(checkDialledNumber(hangzhou, n), n).toMatchObject({ allowed: false, reason });
  });

  it('a center may allow domestic long distance, set its area codes and list numbers or prefixes', () => {
    const plan = parseDialPlan('mobile, local, domestic, area:0571, area:0572, allow:12345, allow:95533*', '330100');
    expect(checkDialledNumber(plan, '01088886666')).toMatchObject({ allowed: true, kind: 'domestic' });
    expect(checkDialledNumber(plan, '057222345678')).toMatchObject({ allowed: true, kind: 'local' });
    expect(checkDialledNumber(plan, '12345')).toMatchObject({ allowed: true, kind: 'listed' });
    expect(checkDialledNumber(plan, '955331')).toMatchObject({ allowed: true, kind: 'listed' });
    // A listed prefix never opens the way abroad or to premium lines.
    expect(checkDialledNumber(parseDialPlan('allow:0044*', '330100'), '0044207946000')).toMatchObject({ allowed: false, reason: 'international' });
    expect(checkDialledNumber(parseDialPlan('mobile', '330100'), '88886666')).toMatchObject({ allowed: false, reason: 'not-in-plan' });
  });

  it('a center whose area code is unknown must name it, or gets mobiles only', () => {
    const plan = parseDialPlan(undefined, '654321');
    expect(checkDialledNumber(plan, '13800138000')).toMatchObject({ allowed: true });
    expect(checkDialledNumber(plan, '88886666')).toMatchObject({ allowed: false });
  });

  it('rejects a malformed plan with a message naming the bad rule', () => {
    expect(() => parseDialPlan('mobile, abroad', '330100')).toThrow(/abroad/);
    expect(() => parseDialPlan('area:571', '330100')).toThrow(/area:571/);
    expect(() => parseDialPlan('allow:12*3', '330100')).toThrow(/allow:12\*3/);
  });
});
