// The ACD's vocabulary: what it is asked, what it answers, what it keeps per agent. The queue and
// the agent states themselves are acd.ts.
import type { Clock } from '../clock.js';
import type { AgentStateLog } from './agent-state-log.js';
import type { ServerEvent } from '../../../shared/api/events/index.js';
import type { ForcedBy } from '../../../shared/api/supervision.js';
import type { AgentState } from '../../../shared/acd/agent-state-machine.js';
import type { TimerHandle, Timers } from './timers.js';

export interface AcdCall {
  callId: string;
  /** The caller's number, shown on the ringing desk. */
  caller: string;
  /** A transfer to a named colleague: rung first if ready; after a miss, any ready agent. */
  targetAgentId?: number;
}

export type RingResult = 'answered' | 'missed' | 'rejected';

/** What the ACD asks of the voice glue. */
export interface AcdDelegate {
  /**
   * Rings the agent (INVITE to their softphone) and resolves how it ended. When the ACD gives up
   * (ring timeout, caller hung up) it aborts `signal`: the delegate cancels the INVITE; whatever it
   * resolves afterwards is ignored, and an answer that raced the abort is the delegate's to hang up.
   */
  ringAgent(agentId: number, call: AcdCall, options: { signal: AbortSignal }): Promise<RingResult>;
  /** Queue announcement (您前面还有 N 位): `ahead` calls are before this one. */
  announceQueuePosition?(call: AcdCall, ahead: number): void;
  /** An agent's after-call work for this call ended (by the agent, the limit, or signing out). */
  acwEnded?(callId: string, agentId: number): void;
}

export interface AcdOptions {
  ringTimeoutMs: number;
  /** Consecutive missed rings that set the agent 示忙 (未接来电). */
  maxMissedRings: number;
  /** After-call work ends by itself after this long. */
  acwLimitMs: number;
  announceIntervalMs: number;
}

export const DEFAULT_ACD_OPTIONS: AcdOptions = { ringTimeoutMs: 20_000, maxMissedRings: 2, acwLimitMs: 30_000, announceIntervalMs: 30_000 };

export interface AgentInfo {
  id: number;
  workNumber: string;
  displayName: string;
}

export class AcdError extends Error {
  override name = 'AcdError';
  constructor(
    readonly code: 'unknown_agent' | 'not_in_acw' | 'busy' | 'not_ready' | 'signed_out' | 'not_registered' | 'wrap_up_required' | 'not_queued' | 'monitoring',
    message: string,
  ) {
    super(message);
  }
}

export interface Agent {
  info: AgentInfo;
  state: AgentState;
  reason: string | null;
  since: number;
  registered: boolean;
  idleSince: number | null;
  missedInRow: number;
  callId: string | null;
  acwTimer: TimerHandle | null;
  /** Where a follow-up call returns the agent: the 示忙 they dialled from stays 示忙. */
  resume: { state: 'ready' | 'not_ready'; reason: string | null } | null;
  /** The state to give back when the desk re-registers after a server restart, until the grace ends. */
  comeback: { state: 'ready' | 'not_ready'; reason: string | null; timer: TimerHandle } | null;
  /** The team lead who forced the current state (cleared by the next change). */
  forcedBy: ForcedBy | null;
  /** A force asked for during a call: applied when the call (and its ACW) ends. */
  pendingForce: PendingForce | null;
}

/** What a team lead may force (supervision): 示忙 with a reason, or 签出. */
export interface PendingForce {
  state: 'not_ready' | 'signed_out';
  reason: string | null;
  by: ForcedBy;
}

export interface QueueEntry {
  call: AcdCall;
  queuedAt: number;
  /** Agents this call already rang; skipped while another ready agent exists. */
  tried: Set<number>;
  announceTimer: TimerHandle | null;
}

export interface Ring {
  entry: QueueEntry;
  agent: Agent;
  abort: AbortController;
  timer: TimerHandle;
  done: boolean;
}

export interface AcdDeps {
  clock: Clock;
  timers: Timers;
  stateLog: AgentStateLog;
  events: { publish(event: ServerEvent): void };
  delegate?: AcdDelegate;
  options?: Partial<AcdOptions>;
}
