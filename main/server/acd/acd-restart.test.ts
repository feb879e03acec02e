import { afterEach, describe, expect, it } from 'vitest';
import { acdFixture, type AcdFixture } from './acd-test-kit.js';

describe('Acd: agents get their state back after a server restart', () => {
  let f: AcdFixture;
  afterEach(() => f.close());
  const GRACE = 120_000;

  /** A fresh ACD as after a restart: agents known, signed out, not yet registered. */
  function restarted(): number[] {
    f = acdFixture(3);
    for (const id of f.agents) f.acd.setRegistered(id, false);
    return f.agents;
  }

  it('gives 就绪 back when the desk re-registers, and routes calls to the agent again', () => {
    const [a] = restarted() as [number];
    f.acd.expectBack(a, { state: 'ready', reason: null }, GRACE);
    expect(f.acd.agentSnapshot(a).state).toBe('signed_out');
    f.enqueue('after-restart');
    expect(f.delegate.rings).toHaveLength(0);
    f.acd.setRegistered(a, true);
    expect(f.acd.agentSnapshot(a).state).toBe('ringing');
    expect(f.delegate.ringOf('after-restart').agentId).toBe(a);
  });

  it('gives 示忙 back with its reason, and a cut call back as 就绪', () => {
    const [a, b] = restarted() as [number, number];
    f.acd.expectBack(a, { state: 'not_ready', reason: '会议' }, GRACE);
    f.acd.expectBack(b, { state: 'talking', reason: null }, GRACE);
    f.acd.setRegistered(a, true);
    f.acd.setRegistered(b, true);
    expect(f.acd.agentSnapshot(a)).toMatchObject({ state: 'not_ready', reason: '会议' });
    expect(f.acd.agentSnapshot(b)).toMatchObject({ state: 'ready', reason: null });
  });

  it('leaves an agent signed out whose desk comes back after the grace, or who chose a state meanwhile', async () => {
    const [a, b] = restarted() as [number, number];
    f.acd.expectBack(a, { state: 'ready', reason: null }, GRACE);
    f.acd.expectBack(b, { state: 'ready', reason: null }, GRACE);
    f.acd.setState(b, 'not_ready', '培训');
    await f.timers.advance(GRACE);
    f.acd.setRegistered(a, true);
    f.acd.setRegistered(b, true);
    expect(f.acd.agentSnapshot(a).state).toBe('signed_out');
    expect(f.acd.agentSnapshot(b)).toMatchObject({ state: 'not_ready', reason: '培训' });
  });
});
