import { describe, expect, it } from 'vitest';
import { AGENT_STATES, AGENT_TRANSITIONS, IllegalAgentTransitionError, assertTransition, canTransition, type AgentState } from './agent-state-machine.js';

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
    ['ready', 'talking'],
    ['ready', 'after_call_work'],
    ['ringing', 'signed_out'],
    ['ringing', 'after_call_work'],
    ['talking', 'ready'],
    ['talking', 'signed_out'],
    ['talking', 'not_ready'],
    ['after_call_work', 'ringing'],
    ['after_call_work', 'talking'],
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

  it('is a small table: a ready agent only rings through the ACD, never talks directly', () => {
    const pairs = AGENT_STATES.flatMap((from) => AGENT_STATES.map((to) => [from, to] as const)).filter(([f, t]) => canTransition(f, t));
    expect(pairs).toHaveLength(15);
  });
});
