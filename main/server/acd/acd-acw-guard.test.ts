import { afterEach, describe, expect, it } from 'vitest';
import { AcdError } from './acd.js';
import { acdFixture, type AcdFixture } from './acd-test-kit.js';

let f: AcdFixture;
afterEach(() => f.close());

describe('ACD: what the center requires before leaving after-call work (a wrap-up code)', () => {
  it('refuses 结束话后处理 and 就绪 without it, holds the agent past the limit, and lets them go once it is given', async () => {
    f = acdFixture(1);
    const [a] = f.agents as [number];
    const coded = new Set<string>();
    f.acd.setAcwGuard((_agentId, callId) => coded.has(callId));
    const stateOf = () => f.acd.agentSnapshot(a).state;
    f.acd.setState(a, 'ready');
    f.enqueue('c1');
    f.delegate.ringOf('c1').resolve('answered');
    await f.flush();
    f.acd.agentReleased(a, 'c1', 'caller');
    expect(() => f.acd.endAcw(a)).toThrow(expect.objectContaining({ code: 'wrap_up_required' }) as AcdError);
    expect(() => f.acd.setState(a, 'ready')).toThrow(AcdError);
    await f.timers.advance(60_000);
    expect(stateOf()).toBe('after_call_work');
    coded.add('c1');
    f.acd.acwRequirementMet(a, 'c1');
    expect(stateOf()).toBe('ready');

    // Given in time: the agent leaves when they choose, or at the limit as before.
    f.enqueue('c2');
    f.delegate.ringOf('c2').resolve('answered');
    await f.flush();
    f.acd.agentReleased(a, 'c2', 'caller');
    coded.add('c2');
    f.acd.acwRequirementMet(a, 'c2');
    expect(stateOf()).toBe('after_call_work');
    await f.timers.advance(30_000);
    expect(stateOf()).toBe('ready');
    // Signing out at the end of a shift is never held.
    f.enqueue('c3');
    f.delegate.ringOf('c3').resolve('answered');
    await f.flush();
    f.acd.agentReleased(a, 'c3', 'caller');
    f.acd.setState(a, 'signed_out');
    expect(stateOf()).toBe('signed_out');
  });
});
