import { afterEach, describe, expect, it } from 'vitest';
import { IllegalAgentTransitionError } from '../../../shared/acd/agent-state-machine.js';
import { serverEventSchema } from '../../../shared/api/events/index.js';
import { AcdError } from './acd.js';
import { T0, acdFixture, type AcdFixture } from './acd-test-kit.js';

describe('Acd', () => {
  let f: AcdFixture;
  afterEach(() => f.close());

  const stateOf = (agentId: number) => f.acd.agentSnapshot(agentId).state;

  it('routes to the longest-idle ready agent across three agents', async () => {
    f = acdFixture(3);
    const [a, b, c] = f.agents as [number, number, number];
    // Ready in the order b, c, a: b has been idle longest.
    f.acd.setState(b, 'ready');
    await f.timers.advance(1000);
    f.acd.setState(c, 'ready');
    await f.timers.advance(1000);
    f.acd.setState(a, 'ready');

    f.enqueue('call-1');
    expect(f.delegate.ringOf('call-1').agentId).toBe(b);
    f.delegate.ringOf('call-1').resolve('answered');
    await f.flush();
    expect(stateOf(b)).toBe('talking');

    f.enqueue('call-2');
    expect(f.delegate.ringOf('call-2').agentId).toBe(c);
    f.delegate.ringOf('call-2').resolve('answered');
    await f.flush();

    // b finishes call and ACW first, but a (ready since T0 + 2 s) is still idle longer than b.
    f.acd.agentReleased(b, 'call-1', 'caller');
    f.acd.endAcw(b);
    f.enqueue('call-3');
    expect(f.delegate.ringOf('call-3').agentId).toBe(a);
    f.delegate.ringOf('call-3').resolve('answered');
    await f.flush();

    // Now only b is ready, idle since the end of its ACW.
    f.enqueue('call-4');
    expect(f.delegate.ringOf('call-4').agentId).toBe(b);
    expect(f.delegate.acwEnds).toEqual([{ callId: 'call-1', agentId: b, at: T0 + 2000 }]);
  });

  it('keeps callers in FIFO order until an agent becomes ready', async () => {
    f = acdFixture(1);
    const [a] = f.agents as [number];
    f.enqueue('first');
    await f.timers.advance(1000);
    f.enqueue('second');
    expect(f.delegate.rings).toHaveLength(0);
    expect(f.acd.queueSnapshot()).toMatchObject({
      length: 2,
      longestWaitSec: 1,
      calls: [
        { callId: 'first', position: 1 },
        { callId: 'second', position: 2 },
      ],
    });
    f.acd.setState(a, 'ready');
    expect(f.delegate.rings.map((r) => r.callId)).toEqual(['first']);
  });

  it('on ring timeout puts the call back at the front, ahead of later calls', async () => {
    f = acdFixture(2);
    const [a, b] = f.agents as [number, number];
    f.acd.setState(a, 'ready');
    await f.timers.advance(1000);
    f.acd.setState(b, 'ready');
    f.enqueue('c1');
    await f.timers.advance(500);
    f.enqueue('c2'); // queued behind c1, both agents busy or ringing
    expect(f.delegate.ringOf('c2').agentId).toBe(b);
    f.delegate.ringOf('c2').resolve('answered');
    await f.flush();

    const firstRing = f.delegate.ringOf('c1');
    expect(firstRing.agentId).toBe(a);
    await f.timers.advance(19_000);
    f.enqueue('c3'); // arrives while c1 rings
    expect(firstRing.signal.aborted).toBe(false);
    await f.timers.advance(1_000);
    expect(firstRing.signal.aborted).toBe(true); // the delegate is told to cancel the INVITE
    const states = f.t.db.prepare('SELECT state FROM agent_state_log WHERE agent_id = ? ORDER BY id').pluck().all(a);
    expect(states).toEqual(['ready', 'ringing', 'ready', 'ringing']);
    // No other agent is free: c1 waits at the front, then rings a again (the only ready agent).
    expect(f.delegate.ringOf('c1')).not.toBe(firstRing);
    expect(f.delegate.ringOf('c1').agentId).toBe(a);
    expect(f.delegate.rings.some((r) => r.callId === 'c3')).toBe(false);
    expect(f.acd.queueSnapshot().calls.map((x) => x.callId)).toEqual(['c3']);
    // A late answer to the abandoned ring changes nothing.
    firstRing.resolve('answered');
    await f.flush();
    expect(stateOf(a)).toBe('ringing');
  });

  it('rings the next agent, not the same one, when another is ready', async () => {
    f = acdFixture(2);
    const [a, b] = f.agents as [number, number];
    f.acd.setState(a, 'ready');
    await f.timers.advance(1000);
    f.acd.setState(b, 'ready');
    f.enqueue('c1');
    expect(f.delegate.ringOf('c1').agentId).toBe(a);
    await f.timers.advance(20_000);
    expect(f.delegate.ringOf('c1').agentId).toBe(b);
    expect(f.acd.queueSnapshot()).toMatchObject({ length: 0, ringing: 1 });
  });

  it('sets an agent 示忙 (未接来电) after 2 missed rings in a row', async () => {
    f = acdFixture(1);
    const [a] = f.agents as [number];
    f.acd.setState(a, 'ready');
    f.enqueue('c1');
    await f.timers.advance(20_000);
    expect(stateOf(a)).toBe('ringing'); // first miss: ready again, rung again
    expect(f.acd.agentSnapshot(a).missedRingsInRow).toBe(1);
    f.delegate.ringOf('c1').resolve('missed');
    await f.flush();
    expect(f.acd.agentSnapshot(a)).toMatchObject({ state: 'not_ready', reason: '未接来电' });
    expect(f.acd.queueSnapshot().length).toBe(1);
    const log = f.t.db.prepare('SELECT state, reason FROM agent_state_log WHERE agent_id = ? ORDER BY id').all(a);
    expect(log.at(-1)).toEqual({ state: 'not_ready', reason: '未接来电' });
  });

  it('a rejection does not count as a missed ring', async () => {
    f = acdFixture(1);
    const [a] = f.agents as [number];
    f.acd.setState(a, 'ready');
    f.enqueue('c1');
    for (let i = 0; i < 3; i++) {
      f.delegate.ringOf('c1').resolve('rejected');
      await f.flush();
    }
    expect(stateOf(a)).toBe('ringing');
    expect(f.delegate.rings).toHaveLength(4);
  });

  it('returns the agent to 就绪 30 s after the call, or earlier when the agent ends ACW', async () => {
    f = acdFixture(1);
    const [a] = f.agents as [number];
    f.acd.setState(a, 'ready');
    f.enqueue('c1');
    f.delegate.ringOf('c1').resolve('answered');
    await f.flush();
    await f.timers.advance(60_000);
    expect(f.acd.agentReleased(a, 'c1', 'agent')).toBe(true);
    expect(f.acd.agentReleased(a, 'c1', 'agent')).toBe(false);
    expect(stateOf(a)).toBe('after_call_work');
    await f.timers.advance(29_999);
    expect(stateOf(a)).toBe('after_call_work');
    await f.timers.advance(1);
    expect(stateOf(a)).toBe('ready');
    expect(f.delegate.acwEnds).toEqual([{ callId: 'c1', agentId: a, at: T0 + 90_000 }]);

    f.enqueue('c2');
    f.delegate.ringOf('c2').resolve('answered');
    await f.flush();
    f.acd.agentReleased(a, 'c2', 'caller');
    await f.timers.advance(5_000);
    f.acd.endAcw(a);
    expect(stateOf(a)).toBe('ready');
    expect(f.delegate.acwEnds.at(-1)).toEqual({ callId: 'c2', agentId: a, at: T0 + 95_000 });
    expect(() => f.acd.endAcw(a)).toThrow(AcdError);
    // The cancelled ACW timer of c2 fires nothing later.
    await f.timers.advance(60_000);
    expect(f.delegate.acwEnds.filter((e) => e.callId === 'c2')).toHaveLength(1);
  });

  it('takes an abandoned call out of the queue and says where it was', async () => {
    f = acdFixture(1);
    f.enqueue('c1');
    await f.timers.advance(12_000);
    expect(f.acd.remove('c1', 'caller')).toBe('queue');
    expect(f.acd.remove('c1', 'caller')).toBeUndefined();
    expect(f.acd.queueSnapshot().length).toBe(0);
    expect(f.events.filter((e) => e.type === 'call.ended')).toEqual([
      { type: 'call.ended', callId: 'c1', agentId: null, outcome: 'abandoned', side: 'caller' },
    ]);
  });

  it('stops the ring of an abandoned call and frees the agent', async () => {
    f = acdFixture(1);
    const [a] = f.agents as [number];
    f.acd.setState(a, 'ready');
    f.enqueue('c1');
    await f.timers.advance(7_000);
    const ring = f.delegate.ringOf('c1');
    expect(f.acd.remove('c1', 'caller')).toBe('ringing');
    expect(ring.signal.aborted).toBe(true);
    expect(stateOf(a)).toBe('ready');
    // The ring timer is gone: nothing happens 20 s later.
    await f.timers.advance(20_000);
    expect(f.acd.agentSnapshot(a).missedRingsInRow).toBe(0);
  });

  it('offers calls only to SIP-registered agents', () => {
    f = acdFixture(2);
    const [a, b] = f.agents as [number, number];
    f.acd.setRegistered(a, false);
    f.acd.setState(a, 'ready');
    f.enqueue('c1');
    expect(f.delegate.rings).toHaveLength(0);
    f.acd.setState(b, 'ready');
    expect(f.delegate.ringOf('c1').agentId).toBe(b);
  });

  it('announces the queue position at the configured interval', async () => {
    f = acdFixture(0, { announceIntervalMs: 15_000 });
    f.enqueue('c1');
    f.enqueue('c2');
    await f.timers.advance(30_000);
    const c2 = f.delegate.announcements.filter((x) => x.callId === 'c2');
    expect(c2.map((x) => [x.ahead, x.at - T0])).toEqual([
      [1, 0],
      [1, 15_000],
      [1, 30_000],
    ]);
    f.acd.remove('c1', 'caller');
    await f.timers.advance(15_000);
    expect(f.delegate.announcements.at(-1)).toMatchObject({ callId: 'c2', ahead: 0 });
  });

  it('refuses illegal state changes', async () => {
    f = acdFixture(1);
    const [a] = f.agents as [number];
    f.acd.setState(a, 'ready');
    f.enqueue('c1');
    expect(() => f.acd.setState(a, 'signed_out')).toThrow(IllegalAgentTransitionError);
    f.delegate.ringOf('c1').resolve('answered');
    await f.flush();
    expect(() => f.acd.setState(a, 'not_ready', '小休')).toThrow(IllegalAgentTransitionError);
    expect(() => f.acd.setState(999, 'ready')).toThrow(AcdError);
  });

  it('publishes events that match the shared schemas', async () => {
    f = acdFixture(1);
    const [a] = f.agents as [number];
    f.acd.setState(a, 'ready');
    f.enqueue('c1');
    f.delegate.ringOf('c1').resolve('answered');
    await f.flush();
    f.acd.agentReleased(a, 'c1', 'caller');
    for (const e of f.events) expect(serverEventSchema.safeParse(e).success, JSON.stringify(e)).toBe(true);
    expect(f.events.map((e) => e.type)).toEqual(expect.arrayContaining(['acd.agent_state', 'acd.queue', 'call.offered', 'call.answered', 'call.ended']));
    expect(f.events.filter((e) => e.type === 'acd.agent_state').map((e) => (e as { state: string }).state)).toEqual([
      'ready',
      'ringing',
      'talking',
      'after_call_work',
    ]);
  });

  it('keeps a lead who is monitoring a call out of 就绪 (the queue would ring the same softphone), and lets them go ready after', () => {
    f = acdFixture(1);
    const [lead] = f.agents as [number];
    let monitoring = true;
    f.acd.setOccupiedElsewhere((agentId) => agentId === lead && monitoring);
    f.acd.setState(lead, 'not_ready', '培训');
    expect(() => f.acd.setState(lead, 'ready')).toThrow(expect.objectContaining({ code: 'monitoring' }));
    expect(stateOf(lead)).toBe('not_ready');
    f.enqueue('call-1');
    expect(f.delegate.rings).toHaveLength(0);
    // 示忙 with another reason or 签出 stay possible while listening.
    f.acd.setState(lead, 'not_ready', '其他');
    monitoring = false;
    f.acd.setState(lead, 'ready');
    expect(f.delegate.ringOf('call-1').agentId).toBe(lead);
  });
});
