import { describe, expect, it } from 'vitest';
import { nextReconnectDelay } from './reconnecting-socket';

describe('nextReconnectDelay', () => {
  it('doubles up to the ceiling, with jitter between half and the whole', () => {
    const policy = { initialDelayMs: 500, maxDelayMs: 10_000 };
    expect(nextReconnectDelay(0, policy, () => 0)).toBe(250);
    expect(nextReconnectDelay(0, policy, () => 1)).toBe(500);
    expect(nextReconnectDelay(3, policy, () => 1)).toBe(4000);
    expect(nextReconnectDelay(30, policy, () => 1)).toBe(10_000);
    expect(nextReconnectDelay(30, policy, () => 0)).toBe(5000);
  });
});
