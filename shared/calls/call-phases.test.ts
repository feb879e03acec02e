import { describe, expect, it } from 'vitest';
import { CALL_PHASES, CALL_TRANSITIONS, IllegalCallTransitionError, assertCallTransition, canMove, type CallPhase } from './call-phases.js';

describe('call phases', () => {
  const legal: [CallPhase, CallPhase][] = CALL_PHASES.flatMap((from) => CALL_TRANSITIONS[from].map((to) => [from, to] as [CallPhase, CallPhase]));
  const illegal: [CallPhase, CallPhase][] = CALL_PHASES.flatMap((from) =>
    CALL_PHASES.filter((to) => !CALL_TRANSITIONS[from].includes(to)).map((to) => [from, to] as [CallPhase, CallPhase]),
  );

  it.each(legal)('%s → %s is legal', (from, to) => {
    expect(() => assertCallTransition(from, to)).not.toThrow();
  });

  it.each(illegal)('%s → %s is refused', (from, to) => {
    expect(canMove(from, to)).toBe(false);
    expect(() => assertCallTransition(from, to)).toThrow(IllegalCallTransitionError);
  });

  it('lets every phase but ended end, and nothing leave ended', () => {
    for (const phase of CALL_PHASES) expect(canMove(phase, 'ended')).toBe(phase !== 'ended');
    expect(CALL_TRANSITIONS.ended).toEqual([]);
  });

  it('has the shapes the figures are defined for', () => {
    // An answered call reaches talking only through a ring (inbound) or a dial (follow-up).
    expect(CALL_PHASES.filter((p) => canMove(p, 'talking')).sort()).toEqual(['conference', 'consulting', 'dialing', 'ringing']);
    // Nothing goes back to the IVR but an agent handing the caller over, and nothing skips the queue.
    expect(CALL_PHASES.filter((p) => canMove(p, 'ivr'))).toEqual(['talking']);
    expect(CALL_PHASES.filter((p) => canMove(p, 'ringing'))).toEqual(['queued']);
  });
});
