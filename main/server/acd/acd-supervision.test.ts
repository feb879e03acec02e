import { afterEach, describe, expect, it } from 'vitest';
import { acdFixture, type AcdFixture } from './acd-test-kit.js';
import { AcdError } from './acd.js';

const LEAD = {
  userId: 99,
  workNumber: '2001',
  displayName: '王班长',
  note: '参加质检会',
};

describe('Acd: what a team lead may do to agents and the queue', () => {
  let f: AcdFixture;
  afterEach(() => f.close());

  it('forces an idle agent into 示忙 now, says who and why, and logs it', () => {
    f = acdFixture(1);
    const [a] = f.agents as [number];
    f.acd.setState(a, 'ready');
    expect(f.acd.forceState(a, { state: 'not_ready', reason: '会议', by: LEAD })).toBe('now');
    expect(f.acd.agentSnapshot(a)).toMatchObject({
      state: 'not_ready',
      reason: '会议',
      forcedBy: LEAD,
    });
    expect(f.events.at(-1)).toMatchObject({
      type: 'acd.agent_state',
      state: 'not_ready',
      forcedBy: LEAD,
    });
    const logged = f.t.db.prepare('SELECT state, reason FROM agent_state_log WHERE agent_id = ? ORDER BY id DESC LIMIT 1').get(a);
    expect(logged).toEqual({ state: 'not_ready', reason: '会议' });
    // The agent's own next change clears the notice.
    f.acd.setState(a, 'ready');
    expect(f.acd.agentSnapshot(a).forcedBy).toBeNull();
  });

  it('waits for a call and its ACW to end before signing a talking agent out, even if the agent ends ACW', async () => {
    f = acdFixture(1);
    const [a] = f.agents as [number];
    f.acd.setState(a, 'ready');
    f.enqueue('c1');
    f.delegate.ringOf('c1').resolve('answered');
    await f.flush();
    expect(f.acd.forceState(a, { state: 'signed_out', reason: null, by: LEAD })).toBe('after_call');
    expect(f.acd.agentSnapshot(a)).toMatchObject({
      state: 'talking',
      pendingForce: { state: 'signed_out', by: LEAD },
    });
    f.acd.agentReleased(a, 'c1', 'caller');
    expect(f.acd.agentSnapshot(a).state).toBe('after_call_work');
    f.acd.setState(a, 'ready');
    expect(f.acd.agentSnapshot(a)).toMatchObject({
      state: 'signed_out',
      forcedBy: LEAD,
      pendingForce: null,
    });
  });

  it('refuses a ringing or signed-out agent', async () => {
    f = acdFixture(2);
    const [a, b] = f.agents as [number, number];
    f.acd.setState(a, 'ready');
    f.enqueue('c1');
    expect(() => f.acd.forceState(a, { state: 'not_ready', reason: '其他', by: LEAD })).toThrow(AcdError);
    expect(() => f.acd.forceState(b, { state: 'not_ready', reason: '其他', by: LEAD })).toThrow(/signed out/);
  });

  it('takes a waiting caller to the chosen agent in 示忙 or ACW, out of queue order, never one on a call', async () => {
    f = acdFixture(3);
    const [a, b, c] = f.agents as [number, number, number];
    f.acd.setState(a, 'not_ready', '小休');
    f.acd.setState(b, 'ready');
    f.enqueue('first');
    f.enqueue('second');
    f.enqueue('third');
    expect(f.delegate.ringOf('first').agentId).toBe(b);
    expect(f.acd.queueSnapshot().calls.map((q) => q.callId)).toEqual(['second', 'third']);
    expect(() => f.acd.assignQueued('third', b)).toThrow(/ringing/);
    expect(() => f.acd.assignQueued('nope', a)).toThrow(/not waiting/);
    expect(() => f.acd.assignQueued('third', c)).toThrow(/signed out/);
    f.acd.setRegistered(a, false);
    expect(() => f.acd.assignQueued('third', a)).toThrow(/no softphone/);
    f.acd.setRegistered(a, true);

    const rung = f.acd.assignQueued('third', a);
    expect(rung).toMatchObject({ state: 'ringing', callId: 'third' });
    expect(f.delegate.ringOf('third').agentId).toBe(a);
    expect(f.acd.queueSnapshot().calls.map((q) => q.callId)).toEqual(['second']);
    const states = f.t.db.prepare('SELECT state FROM agent_state_log WHERE agent_id = ? ORDER BY id').pluck().all(a);
    expect(states.slice(-3)).toEqual(['not_ready', 'ready', 'ringing']);
  });
});
