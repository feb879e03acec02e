import { describe, expect, it } from 'vitest';
import { CallAdmission } from './call-admission.js';

describe('CallAdmission', () => {
  it('lets a second of calls through at once, then the sustained rate, and says when to retry', () => {
    let now = 0;
    const admission = new CallAdmission(
      { maxCalls: 1000, maxCallsPerSecond: 10, maxEventLoopDelayMs: 200 },
      () => now,
      () => 0,
    );
    const burst = Array.from({ length: 15 }, () => admission.admit(0));
    expect(burst.filter((r) => r === undefined)).toHaveLength(10);
    expect(burst[10]).toEqual({ reason: 'call_rate', retryAfterSeconds: 1 });
    now += 500;
    expect(Array.from({ length: 10 }, () => admission.admit(0)).filter((r) => r === undefined)).toHaveLength(5);
    now += 10_000;
    // Refilled to one second's worth, not to ten.
    expect(Array.from({ length: 20 }, () => admission.admit(0)).filter((r) => r === undefined)).toHaveLength(10);
    expect(admission.shedCounts()).toEqual({ calls_limit: 0, call_rate: 5 + 5 + 10, event_loop_lag: 0 });
  });

  it('refuses past the calls held at once, and while the event loop lags, without spending the rate', () => {
    let lag = 0;
    const admission = new CallAdmission(
      { maxCalls: 3, maxCallsPerSecond: 2, maxEventLoopDelayMs: 200 },
      () => 0,
      () => lag,
    );
    expect(admission.admit(3)).toEqual({ reason: 'calls_limit', retryAfterSeconds: 10 });
    lag = 250;
    expect(admission.admit(0)).toEqual({ reason: 'event_loop_lag', retryAfterSeconds: 5 });
    lag = 0;
    expect([admission.admit(2), admission.admit(2), admission.admit(2)].map((r) => r?.reason)).toEqual([undefined, undefined, 'call_rate']);
    expect(admission.shedCounts()).toEqual({ calls_limit: 1, call_rate: 1, event_loop_lag: 1 });
  });

  it('measures its own event loop when no reading is given', () => {
    const admission = new CallAdmission({ maxCalls: 10, maxCallsPerSecond: 10, maxEventLoopDelayMs: 200 });
    expect(admission.admit(0)).toBeUndefined();
    admission.close();
  });
});
