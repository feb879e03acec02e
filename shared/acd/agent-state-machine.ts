/**
 * The agent state machine (DESIGN.md "Agent states"): the legal transitions in one table, shared
 * by the server's ACD and the desk. Portable: no Node or DOM.
 */
export const AGENT_STATES = ['signed_out', 'ready', 'not_ready', 'ringing', 'talking', 'after_call_work'] as const;
export type AgentState = (typeof AGENT_STATES)[number];

export const AGENT_STATE_LABELS: Readonly<Record<AgentState, string>> = {
  signed_out: '签出',
  ready: '就绪',
  not_ready: '示忙',
  ringing: '振铃',
  talking: '通话',
  after_call_work: '话后处理',
};

/** Reasons an agent may pick for 示忙. */
export const NOT_READY_REASONS = ['小休', '会议', '培训', '用餐', '其他'] as const;
export type NotReadyReason = (typeof NOT_READY_REASONS)[number];
/** Set by the ACD, never chosen: the agent missed too many rings in a row. */
export const MISSED_CALLS_REASON = '未接来电';

/**
 * from → the states it may go to. Ringing and talking end only through the call (answer, miss,
 * hang-up), so an agent cannot sign out mid-call; not_ready → not_ready changes the reason.
 * A follow-up call the agent places (回访) is talking from any signed-in idle state; one the far
 * end never answered returns the agent to ready or not_ready, one that was answered goes to ACW.
 */
export const AGENT_TRANSITIONS: Readonly<Record<AgentState, readonly AgentState[]>> = {
  signed_out: ['ready', 'not_ready'],
  ready: ['not_ready', 'ringing', 'talking', 'signed_out'],
  not_ready: ['ready', 'not_ready', 'talking', 'signed_out'],
  ringing: ['talking', 'ready', 'not_ready'],
  talking: ['after_call_work', 'ready', 'not_ready'],
  after_call_work: ['ready', 'not_ready', 'talking', 'signed_out'],
};

/** Reason logged with talking on a call the agent placed. */
export const OUTBOUND_CALL_REASON = '回访';

/** States an agent asks for themselves (desk buttons); the others follow calls. */
export const SELF_SERVICE_STATES = ['ready', 'not_ready', 'signed_out'] as const;
export type SelfServiceState = (typeof SELF_SERVICE_STATES)[number];

export function canTransition(from: AgentState, to: AgentState): boolean {
  return AGENT_TRANSITIONS[from].includes(to);
}

export class IllegalAgentTransitionError extends Error {
  override name = 'IllegalAgentTransitionError';
  constructor(
    readonly from: AgentState,
    readonly to: AgentState,
  ) {
    super(`an agent cannot go from ${from} (${AGENT_STATE_LABELS[from]}) to ${to} (${AGENT_STATE_LABELS[to]})`);
  }
}

/** A desk button (就绪, 示忙, 签出): legal moves, but never out of a call, which only the call ends. */
export function canRequestState(from: AgentState, to: SelfServiceState): boolean {
  return from !== 'talking' && canTransition(from, to);
}

export function assertTransition(from: AgentState, to: AgentState): void {
  if (!canTransition(from, to)) throw new IllegalAgentTransitionError(from, to);
}
