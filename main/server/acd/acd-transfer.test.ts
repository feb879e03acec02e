import { afterEach, describe, expect, it } from 'vitest';
import { acdFixture, type AcdFixture } from './acd-test-kit.js';

describe('Acd transfers to a named colleague', () => {
  let f: AcdFixture;
  afterEach(() => f.close());

  it('rings the named agent before the longest-idle one, and any ready agent after a miss', async () => {
    f = acdFixture(3);
    const [a, b, c] = f.agents as [number, number, number];
    f.acd.setState(a, 'ready');
    await f.timers.advance(1000);
    f.acd.setState(b, 'ready');
    await f.timers.advance(1000);
    f.acd.setState(c, 'ready');

    f.enqueue('plain');
    expect(f.delegate.ringOf('plain').agentId).toBe(a); // longest idle
    f.delegate.ringOf('plain').resolve('answered');
    await f.flush();

    // A transfer to c jumps b, who is idle longer.
    f.enqueue('transfer', c);
    expect(f.delegate.ringOf('transfer').agentId).toBe(c);
    f.delegate.ringOf('transfer').resolve('missed');
    await f.flush();
    // c missed it: the call goes to whoever is ready (b), not back to c.
    expect(f.delegate.ringOf('transfer').agentId).toBe(b);
  });

  it('goes to any ready agent when the named one is busy', async () => {
    f = acdFixture(2);
    const [a, b] = f.agents as [number, number];
    f.acd.setState(a, 'ready');
    f.acd.setState(b, 'not_ready', '会议');
    f.enqueue('transfer', b);
    expect(f.delegate.ringOf('transfer').agentId).toBe(a);
  });
});
