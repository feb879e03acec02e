import type { Acd } from '../acd/acd.js';
import type { CallRecord, HangupSide } from '../calls/call-record.js';
import type { Logger } from '../logger.js';
import { assertCallTransition, type CallPhase } from '../../../shared/calls/call-phases.js';

export interface CallOwnerDeps {
  acd: Acd;
  logger: Logger;
}

/**
 * What every call's owner is, inbound (CallSession) or a follow-up call (FollowUpCall): the one
 * writer of its record, moving only along the shared phase table, releasing agents into their
 * after-call work (each period counted once), and letting go of the call only when it is over and
 * every agent who had it has finished that work. The two kinds differ only in how the citizen and
 * the agent are reached; how a call is held, counted and ended is here.
 */
export abstract class CallOwner {
  private phaseNow: CallPhase;
  private readonly acwPending = new Set<number>();
  private tornDown = false;
  private disposed = false;

  protected constructor(
    readonly callId: string,
    /** This call's record: its owner is the only writer. */
    readonly record: CallRecord,
    initial: CallPhase,
    private readonly ownerDeps: CallOwnerDeps,
  ) {
    this.phaseNow = initial;
  }

  get phase(): CallPhase {
    return this.phaseNow;
  }

  /** Phase checks after an await: a method keeps TypeScript from narrowing the phase away. */
  isOver(): boolean {
    return this.phaseNow === 'ended';
  }

  protected isIn(phase: CallPhase): boolean {
    return this.phaseNow === phase;
  }

  protected move(to: CallPhase): void {
    assertCallTransition(this.phaseNow, to);
    this.ownerDeps.logger.debug({ event: 'call_phase', callId: this.callId, from: this.phaseNow, to }, 'call phase');
    this.phaseNow = to;
  }

  /** An agent stops talking to the caller on this call: their turn ends now, their ACW starts. */
  protected releaseToAcw(agentId: number, reason: string, side: HangupSide): void {
    this.record.agentLeft(agentId, reason);
    if (this.ownerDeps.acd.agentReleased(agentId, this.callId, side)) {
      this.record.acwStarted(agentId);
      this.acwPending.add(agentId);
    }
  }

  /** The ACD says an agent finished their after-call work for this call (AcdDelegate.acwEnded). */
  acwEnded(agentId: number): void {
    this.record.acwEnded(agentId);
    this.acwPending.delete(agentId);
    this.letGoIfDone();
  }

  /** Server stop: after-call work still running ends now. */
  closeAcw(): void {
    for (const agentId of [...this.acwPending]) this.acwEnded(agentId);
  }

  /** The legs are hung up and closed: the call is over on the wire. */
  protected tornDownNow(): void {
    this.tornDown = true;
    this.letGoIfDone();
  }

  private letGoIfDone(): void {
    if (this.disposed || !this.tornDown || this.acwPending.size > 0) return;
    this.disposed = true;
    this.disposeOwner();
  }

  /** Over, and no agent in after-call work for it: the object can go. */
  protected abstract disposeOwner(): void;
}
