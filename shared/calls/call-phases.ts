/**
 * The phases of one call, inbound (12329 → IVR → queue → agent) or a follow-up call an agent
 * places (dialing → talking), and the only legal moves between them. The call object
 * (main/server/voice/call-session.ts) asserts every move here; docs/voice-core.md draws it.
 * Portable: no Node or DOM.
 */
export const CALL_PHASES = ['ivr', 'queued', 'ringing', 'dialing', 'talking', 'consulting', 'conference', 'survey', 'ended'] as const;
export type CallPhase = (typeof CALL_PHASES)[number];

/**
 * from → the phases it may go to.
 * - ivr → queued: the caller chose 人工 in service hours (the call is offered at that instant).
 * - ringing → queued: the agent missed or declined; the caller waits for the next one.
 * - talking → ivr: the agent hands the caller back to self-service.
 * - talking | consulting → queued: the agent's desk was lost, or they left while a colleague rang
 *   in vain; the caller, answered once, waits first in line for the next agent.
 * - talking → consulting: the caller holds (music) while the agent rings or talks to a colleague;
 *   consulting → talking: back to the caller (the colleague failed or the agent returned), or the
 *   transfer completed (the colleague is now the call's agent);
 *   consulting → conference: all three talk; conference → talking: one agent left.
 * - talking | conference → survey: the agent leaves, the caller answers 1/2/3.
 * Every phase but ended can end (a hang-up, a lost desk, a shutdown).
 */
export const CALL_TRANSITIONS: Readonly<Record<CallPhase, readonly CallPhase[]>> = {
  ivr: ['queued', 'ended'],
  queued: ['ringing', 'ended'],
  ringing: ['talking', 'queued', 'ended'],
  dialing: ['talking', 'ended'],
  talking: ['ivr', 'queued', 'consulting', 'survey', 'ended'],
  consulting: ['talking', 'queued', 'conference', 'ended'],
  conference: ['talking', 'survey', 'ended'],
  survey: ['ended'],
  ended: [],
};

export class IllegalCallTransitionError extends Error {
  override name = 'IllegalCallTransitionError';
  constructor(
    readonly from: CallPhase,
    readonly to: CallPhase,
  ) {
    super(`a call cannot go from ${from} to ${to}`);
  }
}

export function canMove(from: CallPhase, to: CallPhase): boolean {
  return CALL_TRANSITIONS[from].includes(to);
}

export function assertCallTransition(from: CallPhase, to: CallPhase): void {
  if (!canMove(from, to)) throw new IllegalCallTransitionError(from, to);
}
