import type { Acd } from '../acd/acd.js';
import type { CallRecord, HangupSide } from '../calls/call-record.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { MediaBridge, MediaEngine, MediaLeg, MediaLegStats, MediaMixer } from '../media/media-engine.js';
import type { SipCall, SipService } from '../sip/sip-service.js';
import type { CallPhase } from '../../../shared/calls/call-phases.js';
import type { CallTransferEvent, TransferFailure } from '../../../shared/api/events/calls.js';
import { ringAgent } from './agent-ringer.js';
import type { RingOutcome } from './ring-call.js';
import { ringThroughTrunk, type TrunkDialer } from './trunk-dialer.js';
import { HoldMusic } from './hold-music.js';
import { recordingPath } from './recording-path.js';
import { digitFromSipInfo } from './sip-info-dtmf.js';

/** An agent on the call: their softphone's SIP dialog (the server rang them, or they placed the call) and media leg. */
export interface AgentParty {
  id: number;
  workNumber: string;
  call: SipCall;
  leg: MediaLeg;
  /** Set the moment they start leaving: their BYE and the dialog's end both report it, once counts. */
  leaving?: boolean;
  /**
   * Not an agent but a department reached at its extension through the trunk: no ACD state, no
   * turn, no ACW; talk ends when the last agent leaves, its hang-up is side 'system'.
   */
  department?: { id: number; name: string };
}

/** Whom a transfer rings: a colleague by work number, or a department's extension. */
export type TransferTarget =
  | { kind?: 'agent'; agentId: number; workNumber: string; mode: 'blind' | 'consult' }
  | { kind: 'department'; departmentId: number; name: string; phone: string; mode: 'blind' | 'consult' };

/** Why an agent's softphone left the call. */
export type AgentLeaveReason = 'agent_hangup' | 'agent_connection_lost';

export interface ConsultTransferDeps {
  sip: SipService;
  media: MediaEngine;
  acd: Acd;
  logger: Logger;
  clock: Clock;
  /** resources/prompts/music/hold.wav: what a held citizen hears. */
  holdMusicFile: string;
  recordingsDir: string;
  timeZone: string;
  ringTimeoutMs: number;
  /** Pushes call.transfer to the agent's desk (and team leads). */
  publish(event: CallTransferEvent): void;
  /** The center's trunk, for departments' extensions; none configured: departments cannot be rung. */
  dialer?: TrunkDialer | undefined;
}

/** What the call's owner lends: its record, its phase, and what only it can decide. */
export interface ConsultTransferHost {
  readonly callId: string;
  readonly record: CallRecord;
  /** Shown on a colleague's phone as the caller. */
  citizenNumber(): string;
  /** Shown on a colleague's desk: the menu labels the caller went through (none on a follow-up call). */
  ivrPath(): readonly string[];
  /** Aborted when the call is over. */
  readonly signal: AbortSignal;
  phase(): CallPhase;
  isOver(): boolean;
  move(to: CallPhase): void;
  releaseToAcw(agentId: number, reason: string, side: HangupSide): void;
  /** The agent who has the call left while talking one to one (a hang-up, or a lost desk). */
  agentLeftTalking(party: AgentParty, reason: AgentLeaveReason): Promise<void>;
  /** The agent left while a colleague rang, and nobody answered: no agent has the citizen now. */
  nobodyAnswered(): Promise<void>;
  /** The last agent left a conference. */
  end(side: HangupSide, reason: string): Promise<void>;
  /** The agents on the call are about to change (a transfer starts, one leaves a conference): a monitoring lead leaves first. */
  beforeRelink?(why: 'transferred' | 'agents_changed'): Promise<void>;
}

interface Consult {
  /** The agent who started it: the one told of every step. */
  from: number;
  colleague:
    | { id: number; workNumber: string; department?: undefined }
    | { id: number; workNumber?: undefined; department: { id: number; name: string; phone: string } };
  mode: 'blind' | 'consult';
  /** Until they answer. */
  party: AgentParty | undefined;
  ring: AbortController;
}

const FAILURE_OF: Record<Exclude<RingOutcome['outcome'], 'answered'>, TransferFailure> = {
  missed: 'no_answer',
  rejected: 'rejected',
  abandoned: 'no_answer',
  unreachable: 'unreachable',
};

/**
 * The agents on a call and the citizen's audio with them, the same for an inbound call and a
 * follow-up call: the bridge (or the conference mixer), the recording in numbered segments, hold
 * music, and consult transfer: ring a colleague by work number while the citizen holds, then hand
 * over, join all three, or go back. Phases move only through the owner (its phase table); every
 * write goes to the owner's record.
 */
export class ConsultTransfer {
  /** The agent who has the call. */
  agent: AgentParty | undefined;
  private consult: Consult | undefined;
  private link: { bridge: MediaBridge } | { mixer: MediaMixer } | undefined;
  private recordingSegments = 0;
  private readonly hold: HoldMusic;
  /** The first agent leg's counters, kept for the call's media-stats event. */
  agentStats: MediaLegStats | undefined;

  constructor(
    readonly citizenLeg: MediaLeg,
    private readonly host: ConsultTransferHost,
    private readonly deps: ConsultTransferDeps,
  ) {
    this.hold = new HoldMusic(citizenLeg, deps.holdMusicFile);
  }

  /** The agents on the call now (one, or two while consulting or in a conference). */
  agentsOnCall(): AgentParty[] {
    return [this.agent, this.consult?.party].filter((p): p is AgentParty => p !== undefined);
  }

  get consulting(): boolean {
    return this.consult !== undefined;
  }

  /** Some agent (not only a department) is still on the call: its talk goes on. */
  hasAgent(): boolean {
    return this.agentsOnCall().some((p) => !p.department);
  }

  /** The first agent is on: the citizen is bridged with them (a bridge made for early media is kept). */
  connect(party: AgentParty, existing?: MediaBridge): void {
    this.agent = this.watch(party);
    this.bridgeWith(party, existing);
  }

  stopHold(): void {
    this.hold.stop();
  }

  /** Hangs up and closes what the call's end leaves: the link; returns each agent's SIP and media teardown. */
  endAll(reason: string, side: HangupSide, agentWhoHungUp?: AgentParty): Array<() => Promise<void>> {
    this.hold.stop();
    this.consult?.ring.abort();
    const teardowns = this.agentsOnCall().map((party) =>
      this.leave(party, party === agentWhoHungUp ? reason : `call_ended_${reason}`, side, party === agentWhoHungUp),
    );
    this.consult = undefined;
    return teardowns;
  }

  private watch(party: AgentParty): AgentParty {
    party.call.delegate = {
      ...party.call.delegate,
      onBye: () => void this.agentLeft(party, 'agent_hangup'),
      // The desk's WebSocket went away mid-call (reload, crash, network), or its phone stopped answering.
      onTerminated: (reason) =>
        void this.agentLeft(party, reason === 'flow-closed' || reason === 'timeout' || reason === 'ack-timeout' ? 'agent_connection_lost' : 'agent_hangup'),
      onReinvite: (sdp) => party.leg.updateRemote(sdp),
      onInfo: (type, body) => {
        const digit = digitFromSipInfo(type, body);
        if (digit) party.leg.injectDtmf(digit);
      },
    };
    return party;
  }

  // ---- audio links and recording -------------------------------------------------------------

  private bridgeWith(party: AgentParty, existing?: MediaBridge): void {
    this.hold.stop();
    const bridge = existing ?? this.deps.media.bridge(this.citizenLeg, party.leg);
    this.link = { bridge };
    this.startRecording((file) => bridge.startRecording(file));
  }

  /** The call's recording goes on in numbered segments as its audio is re-linked (transfer, conference). */
  private startRecording(start: (file: string) => void): void {
    const base = recordingPath(this.deps.recordingsDir, this.host.callId, this.deps.clock.now(), this.deps.timeZone);
    const n = ++this.recordingSegments;
    const file = n === 1 ? base : base.replace(/\.wav$/, `-${n}.wav`);
    try {
      start(file);
      if (n === 1) this.host.record.recordingFile(file);
      else this.host.record.note('recording_segment', { file, segment: n });
    } catch (error) {
      this.deps.logger.warn({ err: error, callId: this.host.callId }, 'recording did not start');
    }
  }

  async unlink(): Promise<void> {
    const link = this.link;
    this.link = undefined;
    if (!link) return;
    if ('bridge' in link) {
      await link.bridge.stopRecording().catch(() => undefined);
      link.bridge.unbridge();
    } else {
      await link.mixer.stopRecording().catch(() => undefined);
      link.mixer.close();
    }
  }

  /** The call's audio as a mixer (a two-party bridge becomes one, recording in its next segment), for a monitor leg. */
  async toMixer(citizenSpeaks: boolean): Promise<MediaMixer | undefined> {
    const link = this.link;
    if (link && 'mixer' in link) return link.mixer;
    await this.unlink();
    // The call may have moved on while the bridge's recording closed.
    if (this.host.phase() !== 'talking' || this.link || !this.agent) return undefined;
    const mixer = this.deps.media.mixer();
    mixer.add(this.citizenLeg, { speaksTo: citizenSpeaks ? 'all' : 'none' });
    for (const party of this.agentsOnCall()) mixer.add(party.leg, { speaksTo: 'all' });
    this.link = { mixer };
    this.startRecording((file) => mixer.startRecording(file));
    return mixer;
  }

  /** §2.1: nothing of the citizen's (audio or digits) reaches the agents; the recording gets silence for them. */
  isolateCitizen(on: boolean): void {
    const link = this.link;
    if (!link) return;
    if ('bridge' in link) link.bridge.isolate(this.citizenLeg, on);
    else link.mixer.setSpeaksTo(this.citizenLeg, on ? 'none' : 'all');
  }

  // ---- agents leaving ------------------------------------------------------------------------

  /** An agent leaves the call: their turn ends, after-call work starts, their softphone is hung up unless they hung up. */
  async release(party: AgentParty, reason: string, side: HangupSide, theyHungUp: boolean): Promise<void> {
    await this.leave(party, reason, side, theyHungUp)();
  }

  /** Written at once (a stopping server or a crash finds it recorded); returns the SIP and media teardown. */
  private leave(party: AgentParty, reason: string, side: HangupSide, theyHungUp: boolean): () => Promise<void> {
    if (this.agent === party) this.agent = undefined;
    if (this.consult?.party === party) this.consult.party = undefined;
    if (party.department) this.host.record.note('department_left', { departmentId: party.department.id, reason });
    else {
      this.host.releaseToAcw(party.id, reason, side);
      this.agentStats ??= party.leg.stats();
    }
    return async () => {
      if (!theyHungUp) await party.call.bye();
      await party.leg.close();
    };
  }

  private async agentLeft(party: AgentParty, reason: AgentLeaveReason): Promise<void> {
    if (party.leaving || !this.agentsOnCall().includes(party)) return;
    party.leaving = true;
    const consult = this.consult;
    switch (this.host.phase()) {
      case 'talking':
        // The department hung up on the caller it was handed: nobody of the center hung up.
        if (party.department) return this.host.end('system', 'department_hangup');
        return this.host.agentLeftTalking(party, reason);
      case 'consulting':
        if (party !== this.agent) {
          // The colleague hung up on the consult: the citizen is back with the agent.
          await this.release(party, reason, 'agent', true);
          return this.backToCitizen('returned');
        }
        // The agent hung up while consulting: the colleague takes the call as soon as they can.
        await this.release(party, 'transferred', 'agent', true);
        if (consult?.party) return this.completeTransfer();
        if (consult) consult.mode = 'blind';
        return;
      case 'conference': {
        await this.host.beforeRelink?.('agents_changed');
        await this.unlink();
        await this.release(party, reason, 'agent', true);
        const remaining = this.agentsOnCall()[0];
        this.consult = undefined;
        if (!remaining) return this.host.end('agent', reason);
        this.agent = remaining;
        if (remaining.department) this.host.record.talkEnded();
        else this.host.record.handedTo(remaining.id);
        this.host.move('talking');
        this.bridgeWith(remaining);
        return;
      }
      default:
        return;
    }
  }

  // ---- transfer, consult and conference ------------------------------------------------------

  /**
   * To a colleague: refused (AcdError) before anything changes unless they are 就绪 with a
   * softphone; the citizen holds with music while they ring; 'blind' completes as they answer,
   * 'consult' lets the two talk first. A colleague who does not answer returns the citizen to the
   * agent, with the reason pushed to the desk.
   */
  transfer(target: TransferTarget): Promise<'ringing'> {
    const agent = this.agent;
    if (this.host.phase() !== 'talking' || !agent || agent.department) throw new Error('the call is not connected to an agent');
    let colleague: Consult['colleague'];
    if (target.kind === 'department') {
      if (!this.deps.dialer) throw new Error('no trunk: departments cannot be rung');
      colleague = { id: target.departmentId, department: { id: target.departmentId, name: target.name, phone: target.phone } };
    } else {
      // Throws before anything changes when the colleague cannot take it.
      this.deps.acd.ringDirect(target.agentId, this.host.callId, this.host.citizenNumber());
      colleague = { id: target.agentId, workNumber: target.workNumber };
    }
    void this.host.beforeRelink?.('transferred');
    const consult: Consult = { from: agent.id, colleague, mode: target.mode, party: undefined, ring: new AbortController() };
    this.consult = consult;
    this.host.move('consulting');
    return this.holdAndRing(consult, agent.id, colleague.department ? { departmentId: colleague.id } : colleague.id);
  }

  private async holdAndRing(consult: Consult, from: number, to: number | { departmentId: number }): Promise<'ringing'> {
    await this.unlink();
    this.hold.start();
    this.host.record.note('transfer_started', { from, to, mode: consult.mode });
    this.publish(consult, 'ringing');
    void this.ringColleague(consult);
    return 'ringing';
  }

  /** A colleague's softphone, or a department's extension through the trunk. */
  private ringOnce(consult: Consult): Promise<RingOutcome> {
    const { callId } = this.host;
    const signal = AbortSignal.any([consult.ring.signal, this.host.signal]);
    const department = consult.colleague.department;
    if (department)
      return ringThroughTrunk(this.deps.dialer!, this.deps.media, { callId, number: department.phone, ringTimeoutMs: this.deps.ringTimeoutMs, signal });
    return ringAgent(this.deps.sip, this.deps.media, {
      callId,
      workNumber: consult.colleague.workNumber!,
      callerNumber: this.host.citizenNumber(),
      ivrPath: this.host.ivrPath(),
      ringTimeoutMs: this.deps.ringTimeoutMs,
      signal,
    });
  }

  private async ringColleague(consult: Consult): Promise<void> {
    const { acd } = this.deps;
    const { record, callId } = this.host;
    const colleague = consult.colleague;
    const department = colleague.department;
    // Ring attempts are agents' (call_ring_attempts); a department's ring is a call event.
    if (department) record.note('department_ring', { departmentId: department.id });
    else record.ringStarted(colleague.id);
    const result = await this.ringOnce(consult);
    if (result.outcome !== 'answered' || this.consult !== consult || this.host.phase() !== 'consulting') {
      const outcome = result.outcome === 'rejected' ? 'rejected' : 'missed';
      if (department) record.note('department_ring_ended', { departmentId: department.id, outcome: result.outcome === 'answered' ? 'missed' : result.outcome });
      else {
        record.ringEnded(colleague.id, outcome);
        acd.directRingEnded(colleague.id, callId, false);
      }
      if (result.outcome === 'answered') {
        await result.sipCall.bye();
        await result.leg.close();
      }
      if (this.consult !== consult || this.host.isOver()) return;
      const reason = result.outcome === 'answered' ? 'no_answer' : FAILURE_OF[result.outcome];
      if (this.agent) return this.backToCitizen('failed', reason);
      this.consult = undefined;
      this.publish(consult, 'failed', reason);
      this.hold.stop();
      return this.host.nobodyAnswered();
    }
    let party: AgentParty;
    if (department) {
      record.note('department_joined', { departmentId: department.id, mode: consult.mode });
      party = this.watch({
        id: 0,
        workNumber: department.phone,
        call: result.sipCall,
        leg: result.leg,
        department: { id: department.id, name: department.name },
      });
    } else {
      record.ringEnded(colleague.id, 'answered');
      acd.directRingEnded(colleague.id, callId, true);
      party = this.watch({ id: colleague.id, workNumber: colleague.workNumber, call: result.sipCall, leg: result.leg });
      record.agentJoined(colleague.id, consult.mode === 'blind' ? 'transfer' : 'consult');
    }
    consult.party = party;
    if (consult.mode === 'blind' || !this.agent) return this.completeTransfer();
    // The agent and the colleague talk; the citizen keeps holding.
    this.link = { bridge: this.deps.media.bridge(this.agent.leg, party.leg) };
    this.publish(consult, 'consulting');
  }

  /** While consulting: hand over, join all three, or go back to the citizen. */
  async consultAction(action: 'complete' | 'conference' | 'return'): Promise<'talking' | 'conference'> {
    const consult = this.consult;
    if (this.host.phase() !== 'consulting' || !consult) throw new Error('no consult in progress');
    if (action === 'return') {
      consult.ring.abort();
      if (consult.party) await this.release(consult.party, 'consult_ended', 'agent', false);
      await this.backToCitizen('returned');
      return 'talking';
    }
    if (!consult.party) throw new Error('the colleague has not answered yet');
    if (action === 'complete') {
      await this.completeTransfer();
      return 'talking';
    }
    await this.unlink();
    this.hold.stop();
    this.host.move('conference');
    const mixer = this.deps.media.mixer();
    for (const leg of [this.citizenLeg, ...this.agentsOnCall().map((p) => p.leg)]) mixer.add(leg, { speaksTo: 'all' });
    this.link = { mixer };
    this.startRecording((file) => mixer.startRecording(file));
    this.host.record.note('conference', { agents: this.agentsOnCall().map((p) => p.id) });
    this.publish(consult, 'conference');
    return 'conference';
  }

  private async completeTransfer(): Promise<void> {
    const consult = this.consult;
    const colleague = consult?.party;
    if (!consult || !colleague) return;
    const from = this.agent;
    await this.unlink();
    this.consult = undefined;
    this.agent = colleague;
    // Handed to a department, the call's agent stays the last one who had it; their talk ends now.
    if (!colleague.department) this.host.record.handedTo(colleague.id);
    this.host.move('talking');
    this.bridgeWith(colleague);
    this.publish(consult, 'completed');
    if (from) await this.release(from, 'transferred', 'system', false);
    if (colleague.department && !this.hasAgent()) this.host.record.talkEnded();
  }

  private async backToCitizen(stage: 'returned' | 'failed', reason?: TransferFailure): Promise<void> {
    const consult = this.consult;
    this.consult = undefined;
    await this.unlink();
    this.host.move('talking');
    if (this.agent) this.bridgeWith(this.agent);
    if (consult) this.publish(consult, stage, reason);
  }

  private publish(consult: Consult, stage: CallTransferEvent['stage'], reason?: TransferFailure): void {
    const c = consult.colleague;
    const to = c.department
      ? { department: { departmentId: c.department.id, name: c.department.name } }
      : { colleague: { agentId: c.id, workNumber: c.workNumber } };
    this.deps.publish({
      type: 'call.transfer',
      callId: this.host.callId,
      agentId: consult.from,
      ...to,
      mode: consult.mode,
      stage,
      ...(reason ? { reason } : {}),
    });
  }
}
