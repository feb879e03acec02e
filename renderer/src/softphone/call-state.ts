/**
 * The desk's view of one call, as a state machine whose legal moves are listed in one table.
 * Anything else is a bug in the caller of transition(), so it throws.
 */
export type CallState = 'idle' | 'incoming' | 'dialing' | 'connecting' | 'active' | 'held' | 'ended';

export type CallEvent =
  'invite-received' | 'dial' | 'answer' | 'remote-answered' | 'established' | 'hold' | 'resume' | 'hangup' | 'remote-hangup' | 'failed' | 'cancelled' | 'reset';

const TRANSITIONS: Record<CallState, Partial<Record<CallEvent, CallState>>> = {
  idle: { 'invite-received': 'incoming', dial: 'dialing' },
  incoming: { answer: 'connecting', hangup: 'ended', cancelled: 'ended', failed: 'ended', 'remote-hangup': 'ended' },
  dialing: { 'remote-answered': 'connecting', established: 'active', hangup: 'ended', failed: 'ended', 'remote-hangup': 'ended', cancelled: 'ended' },
  connecting: { established: 'active', hangup: 'ended', failed: 'ended', 'remote-hangup': 'ended' },
  active: { hold: 'held', hangup: 'ended', 'remote-hangup': 'ended', failed: 'ended' },
  held: { resume: 'active', hangup: 'ended', 'remote-hangup': 'ended', failed: 'ended' },
  ended: { reset: 'idle', 'invite-received': 'incoming', dial: 'dialing' },
};

export class IllegalCallTransition extends Error {
  constructor(
    readonly from: CallState,
    readonly event: CallEvent,
  ) {
    super(`call event ${event} is not legal in state ${from}`);
  }
}

export function nextCallState(from: CallState, event: CallEvent): CallState {
  const to = TRANSITIONS[from][event];
  if (!to) throw new IllegalCallTransition(from, event);
  return to;
}

export function canTransition(from: CallState, event: CallEvent): boolean {
  return TRANSITIONS[from][event] !== undefined;
}

export const CALL_STATES = Object.keys(TRANSITIONS) as CallState[];
export const CALL_EVENTS: readonly CallEvent[] = [
  'invite-received',
  'dial',
  'answer',
  'remote-answered',
  'established',
  'hold',
  'resume',
  'hangup',
  'remote-hangup',
  'failed',
  'cancelled',
  'reset',
];
