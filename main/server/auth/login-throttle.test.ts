import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, FAILURE_WINDOW_MS, LoginThrottle, PAIR_LIMIT } from './login-throttle.js';

// Issue 12 items 4 and 7: guessing is throttled per account and per address, and one address
// cannot lock the real user out.
describe('LoginThrottle', () => {
  it('blocks one account from one address after PAIR_LIMIT failures, not the same account elsewhere', () => {
    const clock = new ManualClock(0);
    const t = new LoginThrottle(clock);
    for (let i = 0; i < PAIR_LIMIT; i++) {
      expect(t.retryAfterMs('1001', '10.0.0.66')).toBe(0);
      t.recordFailure('1001', '10.0.0.66');
    }
    expect(t.retryAfterMs('1001', '10.0.0.66')).toBeGreaterThan(0);
    expect(t.retryAfterMs('1001', '10.0.0.5')).toBe(0);
    clock.advance(FAILURE_WINDOW_MS + 1);
    expect(t.retryAfterMs('1001', '10.0.0.66')).toBe(0);
  });

  it('blocks an address that sprays many accounts', () => {
    const t = new LoginThrottle(new ManualClock(0));
    for (let i = 0; i < ADDRESS_LIMIT; i++) t.recordFailure(String(1000 + i), '10.0.0.66');
    expect(t.retryAfterMs('1999', '10.0.0.66')).toBeGreaterThan(0);
    expect(t.retryAfterMs('1999', '10.0.0.5')).toBe(0);
  });

  it('locks an account guessed at from many addresses, everywhere', () => {
    const t = new LoginThrottle(new ManualClock(0));
    let n = 0;
    for (let a = 0; n < ACCOUNT_LIMIT; a++) for (let i = 0; i < 5 && n < ACCOUNT_LIMIT; i++, n++) t.recordFailure('1001', `10.0.1.${a}`);
    expect(t.retryAfterMs('1001', '10.0.0.5')).toBeGreaterThan(0);
    expect(t.retryAfterMs('1002', '10.0.0.5')).toBe(0);
  });

  it('a success clears only its own address’s failures', () => {
    const t = new LoginThrottle(new ManualClock(0));
    for (let i = 0; i < PAIR_LIMIT; i++) t.recordFailure('1001', '10.0.0.66');
    for (let i = 0; i < 3; i++) t.recordFailure('1001', '10.0.0.5');
    t.reset('1001', '10.0.0.5');
    expect(t.retryAfterMs('1001', '10.0.0.66')).toBeGreaterThan(0);
  });
});

// Issue 15 item 1: the admin sees who is locked out and lifts it.
describe('LoginThrottle lockouts', () => {
  it('lists an account refused from one address, not one with fewer failures, and unlock forgets every address', () => {
    const clock = new ManualClock(0);
    const t = new LoginThrottle(clock);
    for (let i = 0; i < PAIR_LIMIT; i++) t.recordFailure('1001', '10.0.0.66');
    for (let i = 0; i < 3; i++) t.recordFailure('1002', '10.0.0.66');
    expect(t.lockouts()).toEqual([{ account: '1001', failures: PAIR_LIMIT, until: FAILURE_WINDOW_MS + 1 }]);
    expect(t.unlock('1001')).toBe(true);
    expect(t.retryAfterMs('1001', '10.0.0.66')).toBe(0);
    expect(t.lockouts()).toEqual([]);
    expect(t.unlock('1001')).toBe(false);
  });

  it('leaves an address-wide refusal (spraying) out of the accounts and in force after an unlock', () => {
    const t = new LoginThrottle(new ManualClock(0));
    for (let i = 0; i < ADDRESS_LIMIT; i++) t.recordFailure(String(1000 + (i % 50)), '10.0.0.66');
    expect(t.lockouts()).toEqual([]);
    t.unlock('1001');
    expect(t.retryAfterMs('1001', '10.0.0.66')).toBeGreaterThan(0);
  });

  it('an account lock ends by itself when the window passes', () => {
    const clock = new ManualClock(0);
    const t = new LoginThrottle(clock);
    for (let i = 0; i < PAIR_LIMIT; i++) t.recordFailure('1001', '10.0.0.66');
    clock.advance(FAILURE_WINDOW_MS + 1);
    expect(t.lockouts()).toEqual([]);
  });
});
