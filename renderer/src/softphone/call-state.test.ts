import { describe, expect, it } from 'vitest';
import { CALL_EVENTS, CALL_STATES, canTransition, IllegalCallTransition, nextCallState } from './call-state';

describe('call state machine', () => {
  it('walks an inbound call from ring to hang-up', () => {
    let s = nextCallState('idle', 'invite-received');
    s = nextCallState(s, 'answer');
    s = nextCallState(s, 'established');
    s = nextCallState(s, 'hold');
    s = nextCallState(s, 'resume');
    s = nextCallState(s, 'remote-hangup');
    expect(s).toBe('ended');
    expect(nextCallState(s, 'reset')).toBe('idle');
  });

  it('walks an outbound follow-up call', () => {
    expect(nextCallState(nextCallState('idle', 'dial'), 'established')).toBe('active');
  });

  it('refuses every move the table does not list', () => {
    const illegal: Array<[string, string]> = [];
    for (const state of CALL_STATES) for (const event of CALL_EVENTS) if (!canTransition(state, event)) illegal.push([state, event]);
    expect(illegal.length).toBeGreaterThan(40);
    for (const [state, event] of illegal) {
      expect(() => nextCallState(state as never, event as never)).toThrow(IllegalCallTransition);
    }
  });

  it('cannot answer twice or hold a ringing call', () => {
    expect(() => nextCallState('connecting', 'answer')).toThrow(/not legal/);
    expect(() => nextCallState('incoming', 'hold')).toThrow(/not legal in state incoming/);
  });
});
