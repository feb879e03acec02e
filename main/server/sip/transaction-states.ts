/** RFC 3261 §17 (with RFC 6026's Accepted state) transaction states and their legal moves. */
export type ServerInviteState = 'proceeding' | 'completed' | 'confirmed' | 'accepted' | 'terminated';
export type ServerNonInviteState = 'trying' | 'proceeding' | 'completed' | 'terminated';
export type ClientInviteState = 'calling' | 'proceeding' | 'completed' | 'accepted' | 'terminated';
export type ClientNonInviteState = 'trying' | 'proceeding' | 'completed' | 'terminated';

export const SERVER_INVITE_TRANSITIONS: Record<ServerInviteState, readonly ServerInviteState[]> = {
  proceeding: ['proceeding', 'completed', 'accepted', 'terminated'],
  completed: ['confirmed', 'terminated'],
  confirmed: ['terminated'],
  accepted: ['terminated'],
  terminated: [],
};

export const SERVER_NON_INVITE_TRANSITIONS: Record<ServerNonInviteState, readonly ServerNonInviteState[]> = {
  trying: ['proceeding', 'completed', 'terminated'],
  proceeding: ['proceeding', 'completed', 'terminated'],
  completed: ['terminated'],
  terminated: [],
};

export const CLIENT_INVITE_TRANSITIONS: Record<ClientInviteState, readonly ClientInviteState[]> = {
  calling: ['proceeding', 'completed', 'accepted', 'terminated'],
  proceeding: ['proceeding', 'completed', 'accepted', 'terminated'],
  completed: ['terminated'],
  accepted: ['terminated'],
  terminated: [],
};

export const CLIENT_NON_INVITE_TRANSITIONS: Record<ClientNonInviteState, readonly ClientNonInviteState[]> = {
  trying: ['proceeding', 'completed', 'terminated'],
  proceeding: ['proceeding', 'completed', 'terminated'],
  completed: ['terminated'],
  terminated: [],
};
