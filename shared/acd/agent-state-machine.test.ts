import { describe, expect, it } from 'vitest';
import {
  AGENT_STATES,
  AGENT_TRANSITIONS,
  IllegalAgentTransitionError,
  assertTransition,
  canRequestState,
  canTransition,
  type AgentState,
} from './agent-state-machine.js';

describe('agent state machine', () => {
  it('allows the ordinary day of an agent', () => {
    const day: AgentState[] = ['signed_out', 'ready', 'ringing', 'talking', 'after_call_work', 'ready', 'not_ready', 'ready', 'ringing', 'ready', 'signed_out'];
    for (let i = 1; i < day.length; i++) expect(() => assertTransition(day[i - 1]!, day[i]!)).not.toThrow();
  });

  it.each<[AgentState, AgentState]>([
    ['signed_out', 'ringing'],
    ['signed_out', 'talking'],
    ['signed_out', 'after_call_work'],
    ['not_ready', 'ringing'],
    ['ready', 'after_call_work'],
    ['ringing', 'signed_out'],
    ['ringing', 'after_call_work'],
    ['talking', 'signed_out'],
    ['talking', 'ringing'],
    ['after_call_work', 'ringing'],
  ])('refuses %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(() => assertTransition(from, to)).toThrow(IllegalAgentTransitionError);
  });

  it('names both states in Chinese in the error', () => {
    expect(() => assertTransition('talking', 'signed_out')).toThrow(/通话.*签出/);
  });

  it('lists every state in the table and only known targets', () => {
    expect(Object.keys(AGENT_TRANSITIONS).sort()).toEqual([...AGENT_STATES].sort());
    for (const targets of Object.values(AGENT_TRANSITIONS)) for (const t of targets) expect(AGENT_STATES).toContain(t);
  });

  it('allows a follow-up call from every signed-in idle state, and its two endings', () => {
    for (const from of ['ready', 'not_ready', 'after_call_work'] as const) expect(canTransition(from, 'talking')).toBe(true);
    expect(['after_call_work', 'ready', 'not_ready'].every((to) => canTransition('talking', to as AgentState))).toBe(true);
  });

  it('never lets a desk button end a call', () => {
    expect(canRequestState('talking', 'ready')).toBe(false);
    expect(canRequestState('talking', 'not_ready')).toBe(false);
    expect(canRequestState('not_ready', 'ready')).toBe(true);
    expect(canRequestState('after_call_work', 'signed_out')).toBe(true);
  });

  it('is a small table: nothing but the listed moves', () => {
    const pairs = AGENT_STATES.flatMap((from) => AGENT_STATES.map((to) => [from, to] as const)).filter(([f, t]) => canTransition(f, t));
    expect(pairs).toHaveLength(20);
  });
});
