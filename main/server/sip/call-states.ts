/** States of a call handle, both directions, and the legal moves between them. */
export type CallState = 'offered' | 'calling' | 'ringing' | 'answering' | 'established' | 'terminated';

export const CALL_TRANSITIONS: Record<CallState, readonly CallState[]> = {
  // inbound: offered → (ringing) → answering (200 sent) → established (ACK)
  offered: ['ringing', 'answering', 'terminated'],
  // outbound: calling → (ringing) → established (200 received, ACK sent)
  calling: ['ringing', 'established', 'terminated'],
  ringing: ['ringing', 'answering', 'established', 'terminated'],
  answering: ['established', 'terminated'],
  established: ['terminated'],
  terminated: [],
};

export type TerminationReason = 'local-bye' | 'remote-bye' | 'rejected' | 'cancelled' | 'failed' | 'ack-timeout' | 'timeout' | 'flow-closed' | 'shutdown';
