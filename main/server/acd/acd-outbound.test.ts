import { afterEach, describe, expect, it } from 'vitest';
import { IllegalAgentTransitionError } from '../../../shared/acd/agent-state-machine.js';
import { AcdError } from './acd.js';
import { acdFixture, type AcdFixture } from './acd-test-kit.js';

describe('Acd: follow-up calls an agent places (回访)', () => {
  let f: AcdFixture;
  afterEach(() => f.close());

  const snapshot = (agentId: number) => f.acd.agentSnapshot(agentId);
  const outbound = (callId: string, agentId: number) => {
    f.acd.startOutbound(agentId, callId);
  };

  it('keeps queued callers away from an agent who is dialling, and rings them once the call is over', async () => {
    f = acdFixture(1);
    const [a] = f.agents as [number];
    f.acd.setState(a, 'ready');
    outbound('out-1', a);
    expect(snapshot(a)).toMatchObject({ state: 'talking', reason: '回访', callId: 'out-1' });
    f.enqueue('in-1');
    expect(f.delegate.rings).toHaveLength(0);

    f.acd.agentReleased(a, 'out-1', 'agent');
    expect(snapshot(a).state).toBe('after_call_work');
    expect(f.delegate.rings).toHaveLength(0);
    await f.timers.advance(f.acd.options.acwLimitMs);
    // Ready again, and at once rung for the caller who waited.
    expect(snapshot(a).state).toBe('ringing');
    expect(f.delegate.ringOf('in-1').agentId).toBe(a);
    expect(f.delegate.acwEnds.map((e) => e.callId)).toEqual(['out-1']);
  });

  it('returns an agent who dialled from 示忙 to 示忙 with the same reason, answered or not', async () => {
    f = acdFixture(1);
    const [a] = f.agents as [number];
    f.acd.setState(a, 'not_ready', '会议');
    outbound('out-1', a);
    f.acd.outboundUnanswered('out-1');
    expect(snapshot(a)).toMatchObject({ state: 'not_ready', reason: '会议', callId: null });

    outbound('out-2', a);
    f.acd.agentReleased(a, 'out-2', 'caller');
    f.acd.endAcw(a);
    expect(snapshot(a)).toMatchObject({ state: 'not_ready', reason: '会议' });
  });

  it('ends the ACW of the previous call when the agent dials from it', async () => {
    f = acdFixture(1);
    const [a] = f.agents as [number];
    f.acd.setState(a, 'ready');
    f.enqueue('in-1');
    f.delegate.ringOf('in-1').resolve('answered');
    await f.flush();
    f.acd.agentReleased(a, 'in-1', 'caller');
    outbound('out-1', a);
    expect(f.delegate.acwEnds.map((e) => e.callId)).toEqual(['in-1']);
    f.acd.outboundUnanswered('out-1');
    expect(snapshot(a).state).toBe('ready');
  });

  it('refuses a call from an agent who is signed out, ringing or already talking', async () => {
    f = acdFixture(2);
    const [a, b] = f.agents as [number, number];
    expect(() => outbound('out-1', a)).toThrow(AcdError);
    f.acd.setState(b, 'ready');
    f.enqueue('in-1');
    expect(() => f.acd.startOutbound(b, 'out-2')).toThrow(/ringing/);
    f.delegate.ringOf('in-1').resolve('answered');
    await f.flush();
    expect(() => f.acd.startOutbound(b, 'out-3')).toThrow(/talking/);
  });

  it('lets no desk button end a follow-up call', () => {
    f = acdFixture(1);
    const [a] = f.agents as [number];
    f.acd.setState(a, 'ready');
    outbound('out-1', a);
    expect(() => f.acd.setState(a, 'ready')).toThrow(IllegalAgentTransitionError);
    expect(() => f.acd.setState(a, 'not_ready', '小休')).toThrow(IllegalAgentTransitionError);
    expect(snapshot(a).state).toBe('talking');
  });
});
