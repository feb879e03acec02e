import type { HangupSide } from '../calls/call-record.js';
import type { ServerEvent } from '../../../shared/api/events/index.js';
import type { AgentSnapshot, QueueResponse } from '../../../shared/api/acd.js';
import type { ForcedBy } from '../../../shared/api/supervision.js';
import {
  MISSED_CALLS_REASON,
  OUTBOUND_CALL_REASON,
  IllegalAgentTransitionError,
  assertTransition,
  canTransition,
  type AgentState,
  type SelfServiceState,
} from '../../../shared/acd/agent-state-machine.js';
import {
  AcdError,
  DEFAULT_ACD_OPTIONS,
  type AcdCall,
  type AcdDelegate,
  type AcdDeps,
  type AcdOptions,
  type Agent,
  type AgentInfo,
  type PendingForce,
  type QueueEntry,
  type Ring,
  type RingResult,
} from './acd-types.js';

export { AcdError, DEFAULT_ACD_OPTIONS, type AcdCall, type AcdDelegate, type AcdDeps, type AcdOptions, type AgentInfo, type PendingForce, type RingResult };

/**
 * The inbound queue and agent states. FIFO by queue entry (a call that rang in vain goes back to
 * the front); each call goes to the longest-idle ready, SIP-registered agent. The ACD owns agent
 * states (and their log) and the queue; it writes no call record: the call's own object asks it
 * (enqueue, remove, agentReleased, ringDirect) and hears back through the delegate.
 */
export class Acd {
  readonly options: AcdOptions;
  private delegate: AcdDelegate | undefined;
  private acwGuard: ((agentId: number, callId: string) => boolean) | undefined;
  private readonly agentsById = new Map<number, Agent>();
  private readonly queue: QueueEntry[] = [];
  private readonly ringing = new Map<string, Ring>();
  private stopped = false;

  private occupiedElsewhere: ((agentId: number) => boolean) | undefined;

  constructor(private readonly deps: AcdDeps) {
    this.options = { ...DEFAULT_ACD_OPTIONS, ...deps.options };
    this.delegate = deps.delegate;
  }

  setDelegate(delegate: AcdDelegate): void {
    this.delegate = delegate;
    this.dispatch();
  }

  /** Makes an agent known (signed out) if it is not yet. */
  addAgent(info: AgentInfo): void {
    if (this.agentsById.has(info.id)) return;
    this.agentsById.set(info.id, {
      info,
      state: 'signed_out',
      reason: null,
      since: this.now(),
      registered: false,
      idleSince: null,
      missedInRow: 0,
      callId: null,
      acwTimer: null,
      resume: null,
      comeback: null,
      forcedBy: null,
      pendingForce: null,
    });
  }

  setRegistered(agentId: number, registered: boolean): void {
    const agent = this.agent(agentId);
    agent.registered = registered;
    const comeback = agent.comeback;
    if (registered && comeback && agent.state === 'signed_out') {
      this.clearComeback(agent);
      if (comeback.state === 'ready') agent.idleSince = this.now();
      this.enter(agent, comeback.state, comeback.reason, null);
    }
    if (registered) this.dispatch();
  }

  /**
   * After a server restart: the agent was signed in, in `previous`. When their desk re-registers
   * within `graceMs` they are back in 就绪, or in 示忙 with the same reason; a call that was cut
   * (ringing, talking, ACW) comes back as 就绪. Otherwise they stay signed out.
   */
  expectBack(agentId: number, previous: { state: AgentState; reason: string | null }, graceMs: number): void {
    const agent = this.agent(agentId);
    if (agent.state !== 'signed_out' || previous.state === 'signed_out') return;
    this.clearComeback(agent);
    const state = previous.state === 'not_ready' ? 'not_ready' : 'ready';
    agent.comeback = {
      state,
      reason: state === 'not_ready' ? (previous.reason ?? '其他') : null,
      timer: this.deps.timers.after(graceMs, () => (agent.comeback = null)),
    };
    if (agent.registered) this.setRegistered(agentId, true);
  }

  private clearComeback(agent: Agent): void {
    agent.comeback?.timer.cancel();
    agent.comeback = null;
  }

  /** The agent's own buttons: 就绪, 示忙 (with a reason), 签出. Throws IllegalAgentTransitionError. */
  setState(agentId: number, state: SelfServiceState, reason?: string): AgentSnapshot {
    const agent = this.agent(agentId);
    // Only the call ends a call (the table allows talking → ready for unanswered follow-up calls).
    if (agent.state === 'talking') throw new IllegalAgentTransitionError(agent.state, state);
    assertTransition(agent.state, state);
    if (agent.state === 'after_call_work' && agent.pendingForce) {
      this.acwToReady(agent);
      return this.snapshot(agent);
    }
    // A lead listening to a call must not be rung by the queue on the same softphone.
    if (state === 'ready' && this.occupiedElsewhere?.(agentId)) throw new AcdError('monitoring', `agent ${agent.info.workNumber} is monitoring a call`);
    agent.pendingForce = null;
    // Signing out at the end of a shift is always possible; 就绪/示忙 wait for what the center requires.
    if (agent.state === 'after_call_work' && state !== 'signed_out') this.assertMayLeaveAcw(agent);
    if (agent.state === 'after_call_work') this.finishAcw(agent);
    agent.resume = null;
    this.clearComeback(agent);
    if (state === 'ready') {
      agent.missedInRow = 0;
      agent.idleSince = this.now();
    }
    this.enter(agent, state, state === 'not_ready' ? (reason ?? '其他') : null, null);
    if (state === 'ready') this.dispatch();
    return this.snapshot(agent);
  }

  /** The agent ends after-call work before the limit. */
  endAcw(agentId: number): AgentSnapshot {
    const agent = this.agent(agentId);
    if (agent.state !== 'after_call_work') throw new AcdError('not_in_acw', `agent ${agent.info.workNumber} is not in after-call work`);
    this.assertMayLeaveAcw(agent);
    this.acwToReady(agent);
    return this.snapshot(agent);
  }

  /**
   * The agent places a follow-up call (回访): talking at once, so that no queued call rings them
   * while they dial. Throws AcdError 'busy' unless they are signed in and idle (就绪, 示忙, ACW).
   */
  startOutbound(agentId: number, callId: string): void {
    const agent = this.agent(agentId);
    if (agent.state !== 'ready' && agent.state !== 'not_ready' && agent.state !== 'after_call_work') {
      throw new AcdError('busy', `agent ${agent.info.workNumber} cannot place a call while ${agent.state}`);
    }
    const resume = agent.state === 'not_ready' ? { state: 'not_ready' as const, reason: agent.reason } : { state: 'ready' as const, reason: null };
    if (agent.state === 'after_call_work') this.finishAcw(agent);
    agent.resume = resume;
    this.enter(agent, 'talking', OUTBOUND_CALL_REASON, callId);
  }

  /** A follow-up call the far end never answered: the agent goes back where they were, no ACW. */
  outboundUnanswered(callId: string): void {
    const agent = [...this.agentsById.values()].find((a) => a.callId === callId && a.state === 'talking');
    if (agent) this.resumeAfterCall(agent);
  }

  /** The caller left the IVR for 人工; `front`: an answered caller who lost their agent waits first in line. */
  enqueue(call: AcdCall, options: { front?: boolean } = {}): void {
    const entry: QueueEntry = { call, queuedAt: this.now(), tried: new Set(), announceTimer: null };
    if (options.front) this.queue.unshift(entry);
    else this.queue.push(entry);
    this.publishQueue();
    this.dispatch();
    if (this.queue.includes(entry)) this.announce(entry);
  }

  /**
   * The call leaves the queue before an agent has it: the caller hung up ('caller': an abandon
   * for the desks), or the server let it go ('system'). Returns where it was, or undefined for a
   * call the ACD does not hold there. A ringing agent is ready again.
   */
  remove(callId: string, side: HangupSide): 'queue' | 'ringing' | undefined {
    const outcome = side === 'caller' ? 'abandoned' : 'removed';
    const index = this.queue.findIndex((e) => e.call.callId === callId);
    if (index >= 0) {
      const [entry] = this.queue.splice(index, 1);
      entry!.announceTimer?.cancel();
      this.publish({ type: 'call.ended', callId, agentId: null, outcome, side });
      this.publishQueue();
      return 'queue';
    }
    const ring = this.ringing.get(callId);
    if (!ring) return undefined;
    this.closeRing(ring);
    this.enter(ring.agent, 'ready', null, null);
    this.publish({ type: 'call.ended', callId, agentId: ring.agent.info.id, outcome, side });
    this.publishQueue();
    this.dispatch();
    return 'ringing';
  }

  /**
   * The agent is no longer on the call (hang-up, transfer, survey hand-off, consult ended): from
   * talking to after-call work, which ends by itself after the limit. Returns false if the agent
   * was not talking on this call.
   */
  agentReleased(agentId: number, callId: string, side: HangupSide): boolean {
    const agent = this.agentsById.get(agentId);
    if (!agent || agent.callId !== callId || agent.state !== 'talking') return false;
    this.enter(agent, 'after_call_work', null, callId);
    agent.acwTimer = this.deps.timers.after(this.options.acwLimitMs, () => {
      agent.acwTimer = null;
      // Past the limit without what the center requires, the agent stays in ACW until it is given.
      if (this.mayLeaveAcw(agent)) this.acwToReady(agent);
    });
    this.publish({ type: 'call.ended', callId, agentId, outcome: 'completed', side });
    return true;
  }

  /**
   * A colleague rung directly for a consult or transfer: only one who is 就绪 and registered, and
   * they ring at once (never through the queue). Throws AcdError with why not.
   */
  ringDirect(agentId: number, callId: string, caller: string): AgentSnapshot {
    const agent = this.agent(agentId);
    if (agent.state === 'signed_out') throw new AcdError('signed_out', `agent ${agent.info.workNumber} is signed out`);
    if (agent.state === 'not_ready') throw new AcdError('not_ready', `agent ${agent.info.workNumber} is not ready (${agent.reason ?? ''})`);
    if (agent.state !== 'ready') throw new AcdError('busy', `agent ${agent.info.workNumber} is ${agent.state}`);
    if (!agent.registered) throw new AcdError('not_registered', `agent ${agent.info.workNumber} has no softphone registered`);
    this.enter(agent, 'ringing', null, callId);
    this.publish({ type: 'call.offered', callId, agentId, caller });
    return this.snapshot(agent);
  }

  /** The direct ring ended: answered (talking on the call) or not (ready again, no missed count). */
  directRingEnded(agentId: number, callId: string, answered: boolean): void {
    const agent = this.agentsById.get(agentId);
    if (!agent || agent.state !== 'ringing' || agent.callId !== callId) return;
    if (answered) {
      this.enter(agent, 'talking', null, callId);
      this.publish({ type: 'call.answered', callId, agentId });
      return;
    }
    agent.idleSince = this.now();
    this.enter(agent, 'ready', null, null);
    this.publish({ type: 'call.ended', callId, agentId, outcome: 'removed', side: 'system' });
    this.dispatch();
  }

  /**
   * A team lead sets an agent 示忙 (with a reason) or signs them out. An idle agent (就绪, 示忙,
   * ACW) changes now; one talking changes when the call and its ACW end; a ringing one is refused
   * (AcdError 'busy'), as is a signed-out one. Returns when it applies.
   */
  forceState(agentId: number, force: PendingForce): 'now' | 'after_call' {
    const agent = this.agent(agentId);
    if (agent.state === 'signed_out') throw new AcdError('signed_out', `agent ${agent.info.workNumber} is signed out`);
    if (agent.state === 'ringing') throw new AcdError('busy', `agent ${agent.info.workNumber} is ringing`);
    if (agent.state === 'talking') {
      agent.pendingForce = force;
      this.publishState(agent);
      return 'after_call';
    }
    if (agent.state === 'after_call_work') this.finishAcw(agent);
    agent.resume = null;
    this.clearComeback(agent);
    this.applyForce(agent, force);
    return 'now';
  }

  /**
   * A team lead takes a waiting caller to a chosen agent: it leaves the queue and rings them now (a
   * miss puts it back at the front, as any ring). Queued callers wait only while nobody is 就绪, so
   * the agent may be in 示忙 or ACW: they are made 就绪 first (logged), never taken off a call.
   */
  assignQueued(callId: string, agentId: number): AgentSnapshot {
    const agent = this.agent(agentId);
    const entry = this.queue.find((e) => e.call.callId === callId);
    if (!entry) throw new AcdError('not_queued', `call ${callId} is not waiting in the queue`);
    if (agent.state === 'signed_out') throw new AcdError('signed_out', `agent ${agent.info.workNumber} is signed out`);
    if (agent.state === 'ringing' || agent.state === 'talking') throw new AcdError('busy', `agent ${agent.info.workNumber} is ${agent.state}`);
    if (!agent.registered) throw new AcdError('not_registered', `agent ${agent.info.workNumber} has no softphone registered`);
    if (!this.delegate) throw new AcdError('busy', 'calls cannot ring agents yet');
    if (agent.state !== 'ready') {
      if (agent.state === 'after_call_work') this.finishAcw(agent);
      agent.resume = null;
      agent.pendingForce = null;
      agent.idleSince = this.now();
      this.enter(agent, 'ready', null, null);
    }
    this.queue.splice(this.queue.indexOf(entry), 1);
    this.ring(entry, agent, this.delegate);
    return this.snapshot(agent);
  }

  agents(): AgentSnapshot[] {
    return [...this.agentsById.values()].sort((a, b) => a.info.workNumber.localeCompare(b.info.workNumber)).map((a) => this.snapshot(a));
  }

  agentSnapshot(agentId: number): AgentSnapshot {
    return this.snapshot(this.agent(agentId));
  }

  queueSnapshot(): QueueResponse {
    const now = this.now();
    const oldest = this.queue.reduce<number | null>((min, e) => (min === null || e.queuedAt < min ? e.queuedAt : min), null);
    return {
      length: this.queue.length,
      ringing: this.ringing.size,
      oldestQueuedAt: oldest === null ? null : iso(oldest),
      longestWaitSec: oldest === null ? 0 : Math.floor((now - oldest) / 1000),
      calls: this.queue.map((e, i) => ({ callId: e.call.callId, position: i + 1, queuedAt: iso(e.queuedAt), waitSec: Math.floor((now - e.queuedAt) / 1000) })),
    };
  }

  /** Server stop: timers cancelled, rings aborted; the records of open calls are closed by the glue or by recovery. */
  stop(): void {
    this.stopped = true;
    for (const e of this.queue) e.announceTimer?.cancel();
    for (const ring of this.ringing.values()) this.closeRing(ring);
    for (const a of this.agentsById.values()) {
      a.acwTimer?.cancel();
      a.comeback?.timer.cancel();
    }
  }

  private dispatch(): void {
    while (!this.stopped && this.delegate && this.queue.length > 0) {
      const entry = this.queue[0]!;
      const agent = this.pickAgent(entry);
      if (!agent) return;
      this.queue.shift();
      this.ring(entry, agent, this.delegate);
    }
  }

  /** Longest idle first; an agent this call already rang only if no other is ready. */
  private pickAgent(entry: QueueEntry): Agent | undefined {
    const ready = [...this.agentsById.values()].filter((a) => a.state === 'ready' && a.registered);
    const target = entry.call.targetAgentId;
    if (target !== undefined && !entry.tried.has(target)) {
      const named = ready.find((a) => a.info.id === target);
      if (named) return named;
    }
    const fresh = ready.filter((a) => !entry.tried.has(a.info.id));
    const pool = fresh.length > 0 ? fresh : ready;
    return pool.sort((a, b) => (a.idleSince ?? 0) - (b.idleSince ?? 0) || a.info.id - b.info.id)[0];
  }

  private ring(entry: QueueEntry, agent: Agent, delegate: AcdDelegate): void {
    const { callId } = entry.call;
    entry.announceTimer?.cancel();
    entry.tried.add(agent.info.id);
    this.enter(agent, 'ringing', null, callId);
    const abort = new AbortController();
    const ring: Ring = { entry, agent, abort, done: false, timer: this.deps.timers.after(this.options.ringTimeoutMs, () => this.ringSettled(ring, 'missed')) };
    this.ringing.set(callId, ring);
    this.publish({ type: 'call.offered', callId, agentId: agent.info.id, caller: entry.call.caller });
    this.publishQueue();
    delegate.ringAgent(agent.info.id, entry.call, { signal: abort.signal }).then(
      (result) => this.ringSettled(ring, result),
      () => this.ringSettled(ring, 'rejected'),
    );
  }

  private ringSettled(ring: Ring, result: RingResult): void {
    if (ring.done || this.stopped) return;
    this.closeRing(ring);
    const { agent, entry } = ring;
    const { callId } = entry.call;
    if (result === 'answered') {
      agent.missedInRow = 0;
      this.enter(agent, 'talking', null, callId);
      this.publish({ type: 'call.answered', callId, agentId: agent.info.id });
      this.publishQueue();
      return;
    }
    // A rejection is a choice, not a missed ring: it neither counts nor resets the count.
    if (result === 'missed') agent.missedInRow++;
    if (agent.missedInRow >= this.options.maxMissedRings) {
      agent.missedInRow = 0;
      this.enter(agent, 'not_ready', MISSED_CALLS_REASON, null);
    } else {
      this.enter(agent, 'ready', null, null);
    }
    this.queue.unshift(entry);
    this.publishQueue();
    this.dispatch();
    if (this.queue.includes(entry)) this.announce(entry);
  }

  private closeRing(ring: Ring): void {
    ring.done = true;
    ring.timer.cancel();
    ring.abort.abort();
    this.ringing.delete(ring.entry.call.callId);
  }

  private announce(entry: QueueEntry): void {
    const ahead = this.queue.indexOf(entry);
    if (ahead < 0) return;
    this.delegate?.announceQueuePosition?.(entry.call, ahead);
    entry.announceTimer = this.deps.timers.after(this.options.announceIntervalMs, () => this.announce(entry));
  }

  /** Asked before 就绪: true while the agent's softphone is busy outside the queue (a lead monitoring a call). */
  setOccupiedElsewhere(check: ((agentId: number) => boolean) | undefined): void {
    this.occupiedElsewhere = check;
  }

  /** The center may require something (a wrap-up code) before an agent leaves after-call work. */
  setAcwGuard(guard: ((agentId: number, callId: string) => boolean) | undefined): void {
    this.acwGuard = guard;
  }

  /** What the guard waited for was given: an agent past the ACW limit goes on at once. */
  acwRequirementMet(agentId: number, callId: string): void {
    const agent = this.agentsById.get(agentId);
    if (agent?.state === 'after_call_work' && agent.callId === callId && agent.acwTimer === null) this.acwToReady(agent);
  }

  private mayLeaveAcw(agent: Agent): boolean {
    return !agent.callId || !this.acwGuard || this.acwGuard(agent.info.id, agent.callId);
  }

  private assertMayLeaveAcw(agent: Agent): void {
    if (!this.mayLeaveAcw(agent))
      throw new AcdError('wrap_up_required', `agent ${agent.info.workNumber} must give a wrap-up code before leaving after-call work`);
  }

  private acwToReady(agent: Agent): void {
    if (agent.state !== 'after_call_work') return;
    this.finishAcw(agent);
    this.resumeAfterCall(agent);
  }

  /** Ready, or back to the 示忙 a follow-up call was dialled from. */
  private resumeAfterCall(agent: Agent): void {
    if (agent.pendingForce) {
      agent.resume = null;
      return this.applyForce(agent, agent.pendingForce);
    }
    const resume = agent.resume ?? { state: 'ready', reason: null };
    agent.resume = null;
    if (resume.state === 'ready') agent.idleSince = this.now();
    this.enter(agent, resume.state, resume.reason, null);
    if (resume.state === 'ready') this.dispatch();
  }

  private applyForce(agent: Agent, force: PendingForce): void {
    agent.pendingForce = null;
    // From a call that was never answered (talking → signed_out is not legal) a sign-out is 示忙 first.
    const state = force.state === 'signed_out' && !canTransition(agent.state, 'signed_out') ? 'not_ready' : force.state;
    this.enter(agent, state, state === 'not_ready' ? (force.reason ?? '其他') : null, null, force.by);
  }

  private finishAcw(agent: Agent): void {
    agent.acwTimer?.cancel();
    agent.acwTimer = null;
    if (agent.callId) this.delegate?.acwEnded?.(agent.callId, agent.info.id);
  }

  private enter(agent: Agent, state: AgentState, reason: string | null, callId: string | null, forcedBy?: ForcedBy): void {
    assertTransition(agent.state, state);
    agent.state = state;
    agent.reason = reason;
    agent.since = this.now();
    agent.callId = callId;
    agent.forcedBy = forcedBy ?? null;
    if (state === 'signed_out') agent.pendingForce = null;
    this.deps.stateLog.write(agent.info.id, state, reason, callId);
    this.publishState(agent);
  }

  private publishState(agent: Agent): void {
    const { info, state, reason, since, callId, forcedBy } = agent;
    this.publish({
      type: 'acd.agent_state',
      agentId: info.id,
      workNumber: info.workNumber,
      state,
      reason,
      since: iso(since),
      callId,
      ...(forcedBy ? { forcedBy } : {}),
    });
  }

  private agent(agentId: number): Agent {
    const agent = this.agentsById.get(agentId);
    if (!agent) throw new AcdError('unknown_agent', `agent ${agentId} is not known to the ACD`);
    return agent;
  }

  private snapshot(a: Agent): AgentSnapshot {
    return {
      agentId: a.info.id,
      workNumber: a.info.workNumber,
      displayName: a.info.displayName,
      state: a.state,
      reason: a.reason,
      since: iso(a.since),
      registered: a.registered,
      callId: a.callId,
      idleSince: a.idleSince === null ? null : iso(a.idleSince),
      missedRingsInRow: a.missedInRow,
      forcedBy: a.forcedBy,
      pendingForce: a.pendingForce && { state: a.pendingForce.state, by: a.pendingForce.by },
    };
  }

  private publishQueue(): void {
    const q = this.queueSnapshot();
    this.publish({ type: 'acd.queue', length: q.length, ringing: q.ringing, oldestQueuedAt: q.oldestQueuedAt });
  }

  private publish(event: ServerEvent): void {
    this.deps.events.publish(event);
  }

  private now(): number {
    return this.deps.clock.now();
  }
}

const iso = (ms: number): string => new Date(ms).toISOString();
