import type { MediaBridge, MediaEngine, MediaLeg, MediaLegStats, MediaMixer } from '../media/media-engine.js';
import type { IncomingCall, OutgoingCall, SipService } from '../sip/sip-service.js';
import type { Acd, RingResult } from '../acd/acd.js';
import type { CallRecord, HangupSide } from '../calls/call-record.js';
import type { Logger } from '../logger.js';
import type { Clock } from '../clock.js';
import type { CallTransferEvent, TransferFailure } from '../../../shared/api/events/calls.js';
import { digitFromSipInfo } from './sip-info-dtmf.js';
import { recordingPath } from './recording-path.js';
import { ringAgent, type RingOutcome } from './agent-ringer.js';
import { MediaCallChannel } from './media-call-channel.js';
import type { PromptLibrary } from './prompt-library.js';
import { HoldMusic } from './hold-music.js';
import { CallOwner } from './call-owner.js';

/** How the caller left the self-service menu. */
export interface IvrOutcome {
  exit: 'queue' | 'hangup' | 'caller-hangup';
  path: string[];
}

/** Whom a dialogue speaks to: the citizen's media leg and its type-ahead channel (an inbound caller, or the called party of a follow-up call). */
export interface Listener {
  readonly callerLeg: MediaLeg;
  readonly channel: MediaCallChannel;
}

/** The voice dialogues a call goes through, on the caller's media leg. */
export interface CallDialogues {
  /** The 12329 menu, until the caller asks for 人工 (queue) or leaves. */
  mainMenu(session: CallSession): Promise<IvrOutcome>;
  /** Played to the caller while waiting in the queue, until aborted: the announcement (请稍候) first. */
  queueMusic(session: CallSession, signal: AbortSignal): Promise<void>;
  /** 您前面还有 N 位用户在等待. */
  queuePosition(session: CallSession, ahead: number): Promise<void>;
  /** §2.4-3: 您好，12329住房公积金热线 N 号为您服务. */
  greeting(session: CallSession, workNumber: string): Promise<void>;
  /** §2.4-11: 1 满意 / 2 基本满意 / 3 不满意; undefined when the caller does not answer. */
  survey(listener: Listener): Promise<1 | 2 | 3 | undefined>;
}

export interface CallSessionDeps {
  sip: SipService;
  media: MediaEngine;
  acd: Acd;
  /** This call's record: the session is its only writer. */
  record: CallRecord;
  dialogues: CallDialogues;
  logger: Logger;
  clock: Clock;
  prompts: PromptLibrary;
  /** resources/prompts/music/hold.wav: what a held caller hears. */
  holdMusicFile: string;
  recordingsDir: string;
  ringTimeoutMs: number;
  timeZone: string;
  /** Pushes call.transfer to the agent's desk (and team leads). */
  publish(event: CallTransferEvent): void;
  /** Written at the end: RTP counters of both legs (call quality, and proof audio flowed). */
  onMediaStats(callId: string, stats: { caller: MediaLegStats; agent?: MediaLegStats }): void;
  /** The call is over and every agent who had it has finished their after-call work. */
  onEnded(session: CallSession): void;
}

/** An agent on the call: their softphone's SIP dialog and media leg. */
export interface AgentParty {
  id: number;
  workNumber: string;
  call: OutgoingCall;
  leg: MediaLeg;
  /** Set the moment they start leaving: their BYE and the dialog's end both report it, once counts. */
  leaving?: boolean;
}

interface Consult {
  /** The agent who started it: the one told of every step. */
  from: number;
  colleague: { id: number; workNumber: string };
  mode: 'blind' | 'consult';
  /** Until they answer. */
  party: AgentParty | undefined;
  ring: AbortController;
}

/** Why an agent's softphone left the call. */
type AgentLeaveReason = 'agent_hangup' | 'agent_connection_lost';

const FAILURE_OF: Record<Exclude<RingOutcome['outcome'], 'answered'>, TransferFailure> = { missed: 'no_answer', rejected: 'rejected', abandoned: 'no_answer', unreachable: 'unreachable' };

/**
 * One inbound call end to end, and its only owner: the caller's SIP dialog and media leg, the
 * IVR, the queue, the agents' legs, the bridge or conference mixer, the recording, the teardown,
 * and every write of its record. Its phase moves only along shared/calls/call-phases.ts. The ACD
 * keeps agent states and the queue; the session asks it and writes what happened.
 */
export class CallSession extends CallOwner {
  ivrPath: string[] = [];
  /** The agent who has the call. */
  agent: AgentParty | undefined;
  private consult: Consult | undefined;
  /** The caller's audio with the agent(s): a bridge for two, a mixer for a conference. */
  private link: { bridge: MediaBridge } | { mixer: MediaMixer } | undefined;
  private recordingSegments = 0;
  private callerGone = false;
  private answeredOnce = false;
  private ringSeq = 0;
  private agentStats: MediaLegStats | undefined;
  private readonly ended = new AbortController();
  /** The teardown in progress once the call has ended. */
  private ending: Promise<void> | undefined;
  private queueMusic: AbortController | undefined;
  private readonly hold: HoldMusic;
  /** The caller as the IVR and every dialogue hear them: one type-ahead buffer for the whole call. */
  readonly channel: MediaCallChannel;

  constructor(
    callId: string,
    readonly incoming: IncomingCall,
    readonly callerLeg: MediaLeg,
    private readonly deps: CallSessionDeps,
  ) {
    super(callId, deps.record, 'ivr', deps);
    this.channel = new MediaCallChannel(callerLeg, deps.prompts, () => this.end('system', 'ivr_hangup'));
    this.hold = new HoldMusic(callerLeg, deps.holdMusicFile);
  }

  get callerNumber(): string {
    return this.incoming.from;
  }

  /** Aborted when the call is over, whoever ended it. */
  get signal(): AbortSignal {
    return this.ended.signal;
  }

  /** The agents on the call now (one, or two while consulting or in a conference). */
  agentsOnCall(): AgentParty[] {
    return [this.agent, this.consult?.party].filter((p): p is AgentParty => p !== undefined);
  }

  /** The caller's 200 was sent; runs until the caller leaves the IVR for the queue or hangs up. */
  async run(): Promise<void> {
    this.incoming.delegate = {
      onBye: () => void this.end('caller', 'caller_hangup'),
      onCancel: () => void this.end('caller', 'caller_hangup'),
      onTerminated: () => void this.end('caller', 'caller_hangup'),
      onInfo: (type, body) => {
        const digit = digitFromSipInfo(type, body);
        if (digit) this.callerLeg.injectDtmf(digit);
      },
      onReinvite: (sdp) => this.callerLeg.updateRemote(sdp),
    };
    void this.callerLeg.closed.then(() => this.end('caller', 'caller_hangup'));
    await this.runMenu();
  }

  /** The self-service menu, then the queue if the caller asks for 人工 (also after a transfer back). */
  private async runMenu(): Promise<void> {
    const outcome = await this.deps.dialogues.mainMenu(this).catch((error: unknown) => {
      this.deps.logger.error({ err: error, callId: this.callId }, 'ivr failed');
      return { exit: 'hangup' as const, path: this.ivrPath };
    });
    this.ivrPath = outcome.path;
    this.deps.logger.info({ event: 'ivr_exit', callId: this.callId, exit: outcome.exit, path: outcome.path }, 'caller left the IVR');
    if (this.isOver()) return;
    this.record.ivrExit(outcome.exit);
    if (outcome.exit === 'caller-hangup') return this.end('caller', 'caller_hangup');
    if (outcome.exit !== 'queue') return this.end('system', 'ivr_hangup');
    // Offered now (人工 in service hours): the announcement plays while the agent already rings.
    this.record.offered();
    this.move('queued');
    this.startQueueMusic();
    this.deps.acd.enqueue({ callId: this.callId, caller: this.callerNumber });
  }

  private startQueueMusic(): void {
    this.queueMusic?.abort();
    const controller = new AbortController();
    this.queueMusic = controller;
    void this.deps.dialogues.queueMusic(this, controller.signal).catch(() => undefined);
  }

  /** The ACD's periodic announcement while the caller waits (AcdDelegate.announceQueuePosition). */
  announcePosition(ahead: number): void {
    if (this.phase !== 'queued') return;
    void this.deps.dialogues.queuePosition(this, ahead).catch(() => undefined);
  }

  /**
   * The ACD rings an agent for this call (AcdDelegate.ringAgent). When the ACD gives up (ring
   * timeout) it aborts `signal` and at once rings the next agent: this ring's end is written and
   * the call is queued again synchronously, before that next ring starts.
   */
  async ring(agentId: number, workNumber: string, signal: AbortSignal): Promise<RingResult> {
    if (this.phase !== 'queued') return 'missed';
    this.move('ringing');
    const token = ++this.ringSeq;
    this.record.ringStarted(agentId);
    let settled = false;
    const settle = (outcome: 'missed' | 'rejected') => {
      if (settled) return;
      settled = true;
      this.record.ringEnded(agentId, outcome);
      if (this.phase === 'ringing' && token === this.ringSeq) this.move('queued');
    };
    signal.addEventListener('abort', () => settle('missed'), { once: true });
    const result = await this.dialAgent(workNumber, AbortSignal.any([signal, this.ended.signal]));
    this.deps.logger.info({ event: 'ring_result', callId: this.callId, workNumber, outcome: result.outcome }, 'agent ring ended');
    if (result.outcome !== 'answered') {
      settle(result.outcome === 'rejected' ? 'rejected' : 'missed');
      return result.outcome === 'rejected' ? 'rejected' : 'missed';
    }
    if (signal.aborted || !this.isIn('ringing') || token !== this.ringSeq) {
      // An answer that raced the ACD giving up, or the caller leaving: the agent gets a BYE.
      settle('missed');
      await result.sipCall.bye();
      await result.leg.close();
      return 'missed';
    }
    settled = true;
    this.record.ringEnded(agentId, 'answered');
    this.record.answered(agentId);
    this.answeredOnce = true;
    this.move('talking');
    this.queueMusic?.abort();
    this.callerLeg.stopPlayback();
    this.agent = this.watchAgent({ id: agentId, workNumber, call: result.sipCall, leg: result.leg });
    this.bridgeCallerWith(this.agent);
    // Not awaited: the ACD must learn of the answer now. While the greeting plays on the caller's
    // leg, the agent's audio towards the caller is muted.
    void this.deps.dialogues.greeting(this, workNumber).catch(() => undefined);
    return 'answered';
  }

  private dialAgent(workNumber: string, signal: AbortSignal): Promise<RingOutcome> {
    return ringAgent(this.deps.sip, this.deps.media, {
      callId: this.callId,
      workNumber,
      callerNumber: this.callerNumber,
      ivrPath: this.ivrPath,
      ringTimeoutMs: this.deps.ringTimeoutMs + 5_000, // the ACD's own timer decides; this is a backstop
      signal,
    });
  }

  private watchAgent(party: AgentParty): AgentParty {
    party.call.delegate = {
      ...party.call.delegate,
      onBye: () => void this.agentLeft(party, 'agent_hangup'),
      // The desk's WebSocket went away mid-call (reload, crash, network): the call is lost, and says so.
      onTerminated: (reason) => void this.agentLeft(party, reason === 'flow-closed' || reason === 'timeout' ? 'agent_connection_lost' : 'agent_hangup'),
      onReinvite: (sdp) => party.leg.updateRemote(sdp),
      onInfo: (type, body) => {
        const digit = digitFromSipInfo(type, body);
        if (digit) party.leg.injectDtmf(digit);
      },
    };
    return party;
  }

  // ---- audio links and recording -------------------------------------------------------------

  private bridgeCallerWith(party: AgentParty): void {
    this.hold.stop();
    const bridge = this.deps.media.bridge(this.callerLeg, party.leg);
    this.link = { bridge };
    this.startRecording((file) => bridge.startRecording(file));
  }

  /** The call's recording goes on in numbered segments as its audio is re-linked (transfer, conference). */
  private startRecording(start: (file: string) => void): void {
    const base = recordingPath(this.deps.recordingsDir, this.callId, this.deps.clock.now(), this.deps.timeZone);
    const n = ++this.recordingSegments;
    const file = n === 1 ? base : base.replace(/\.wav$/, `-${n}.wav`);
    try {
      start(file);
      if (n === 1) this.record.recordingFile(file);
      else this.record.note('recording_segment', { file, segment: n });
    } catch (error) {
      this.deps.logger.warn({ err: error, callId: this.callId }, 'recording did not start');
    }
  }

  private async unlink(): Promise<void> {
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

  /**
   * §2.1: while the caller keys account and PIN, nothing of theirs (audio or digits) reaches the
   * agents, and the recording gets silence for them.
   */
  isolateCaller(on: boolean): void {
    const link = this.link;
    if (!link) return;
    if ('bridge' in link) link.bridge.isolate(this.callerLeg, on);
    else link.mixer.setSpeaksTo(this.callerLeg, on ? 'none' : 'all');
  }

  /** The caller's audio in a consult: hold music; the agent's desk shows 保持. */
  private holdCaller(): void {
    this.hold.start();
  }

  // ---- agents leaving ------------------------------------------------------------------------

  /**
   * An agent leaves the call (their BYE, a lost desk, or the call moving on without them): their
   * turn ends, they go to after-call work (counted once for them), and their softphone is hung up
   * unless they hung up themselves.
   */
  private async releaseAgent(party: AgentParty, reason: string, side: HangupSide, theyHungUp: boolean): Promise<void> {
    await this.leave(party, reason, side, theyHungUp)();
  }

  /**
   * What happens at once when an agent leaves (written now, so that a stopping server or a
   * crash finds it recorded); returns the SIP and media teardown to await.
   */
  private leave(party: AgentParty, reason: string, side: HangupSide, theyHungUp: boolean): () => Promise<void> {
    if (this.agent === party) this.agent = undefined;
    if (this.consult?.party === party) this.consult.party = undefined;
    this.releaseToAcw(party.id, reason, side);
    this.agentStats ??= party.leg.stats();
    return async () => {
      if (!theyHungUp) await party.call.bye();
      await party.leg.close();
    };
  }

  protected disposeOwner(): void {
    this.deps.onEnded(this);
  }

  private async agentLeft(party: AgentParty, reason: AgentLeaveReason): Promise<void> {
    if (party.leaving || !this.agentsOnCall().includes(party)) return;
    party.leaving = true;
    const consult = this.consult;
    switch (this.phase) {
      case 'talking':
        if (reason === 'agent_connection_lost') return this.deskLost(party);
        // §2.4-9: the agent should wait for the caller to hang up; this call is counted as agent-first.
        return this.end('agent', reason, party);
      case 'consulting':
        if (party !== this.agent) {
          // The colleague hung up on the consult: the caller is back with the agent.
          await this.releaseAgent(party, reason, 'agent', true);
          return this.backToCaller('returned');
        }
        // The agent hung up while consulting: the colleague takes the call as soon as they can.
        await this.releaseAgent(party, 'transferred', 'agent', true);
        if (consult?.party) return this.completeTransfer();
        if (consult) consult.mode = 'blind';
        return;
      case 'conference': {
        await this.unlink();
        await this.releaseAgent(party, reason, 'agent', true);
        const remaining = this.agentsOnCall()[0];
        this.consult = undefined;
        if (!remaining) return this.end('agent', reason);
        this.agent = remaining;
        this.record.handedTo(remaining.id);
        this.move('talking');
        this.bridgeCallerWith(remaining);
        return;
      }
      default:
        return;
    }
  }

  /**
   * The talking agent's desk is gone (its WebSocket closed, or the desk phone stopped answering
   * the probe): nobody hung up, so the caller is not cut off but goes back to the front of the
   * queue with 请稍候 and the next ready agent rings. Their talk so far is kept (it ends now, and
   * again when a next agent's talk ends); the lost agent's turn ends and their ACW counts once.
   */
  private async deskLost(party: AgentParty): Promise<void> {
    await this.unlink();
    this.record.talkEnded();
    this.record.note('desk_lost', { agentId: party.id });
    await this.releaseAgent(party, 'agent_connection_lost', 'system', true);
    if (this.isOver()) return;
    this.requeue();
  }

  /** An answered caller without an agent waits again, first in line. */
  private requeue(): void {
    this.hold.stop();
    this.move('queued');
    this.startQueueMusic();
    this.deps.acd.enqueue({ callId: this.callId, caller: this.callerNumber }, { front: true });
  }

  // ---- transfers, consult and conference -----------------------------------------------------

  /**
   * The agent hands the caller on. To the IVR: the agent leaves at once. To a colleague: refused
   * (AcdError) unless they are 就绪 with a softphone; the caller holds with music while they ring;
   * 'blind' completes as they answer, 'consult' lets the two talk first. A colleague who does not
   * answer returns the caller to the agent, with the reason pushed to the desk.
   */
  async transfer(target: { agentId: number; workNumber: string; mode: 'blind' | 'consult' } | 'ivr'): Promise<'ringing' | 'completed'> {
    const agent = this.agent;
    if (this.phase !== 'talking' || !agent) throw new Error('the call is not connected to an agent');
    if (target === 'ivr') {
      await this.unlink();
      this.record.talkEnded();
      this.record.note('transferred', { to: 'ivr', from: agent.id });
      this.move('ivr');
      await this.releaseAgent(agent, 'transferred_to_ivr', 'system', false);
      if (!this.isOver()) void this.runMenu().catch((error: unknown) => this.deps.logger.warn({ err: error, callId: this.callId }, 'menu after transfer failed'));
      return 'completed';
    }
    // Throws before anything changes when the colleague cannot take it.
    this.deps.acd.ringDirect(target.agentId, this.callId, this.callerNumber);
    const consult: Consult = { from: agent.id, colleague: { id: target.agentId, workNumber: target.workNumber }, mode: target.mode, party: undefined, ring: new AbortController() };
    this.consult = consult;
    this.move('consulting');
    await this.unlink();
    this.holdCaller();
    this.record.note('transfer_started', { from: agent.id, to: target.agentId, mode: target.mode });
    this.publishTransfer(consult, 'ringing');
    void this.ringColleague(consult);
    return 'ringing';
  }

  private async ringColleague(consult: Consult): Promise<void> {
    const { acd } = this.deps;
    const colleague = consult.colleague;
    this.record.ringStarted(colleague.id);
    const result = await this.dialAgent(colleague.workNumber, AbortSignal.any([consult.ring.signal, this.ended.signal]));
    if (result.outcome !== 'answered' || this.consult !== consult || this.phase !== 'consulting') {
      this.record.ringEnded(colleague.id, result.outcome === 'rejected' ? 'rejected' : 'missed');
      acd.directRingEnded(colleague.id, this.callId, false);
      if (result.outcome === 'answered') {
        await result.sipCall.bye();
        await result.leg.close();
      }
      if (this.consult !== consult || this.isOver()) return;
      const reason = result.outcome === 'answered' ? 'no_answer' : FAILURE_OF[result.outcome];
      if (this.agent) return this.backToCaller('failed', reason);
      // The agent left while the colleague rang, and nobody answered: the caller waits for the next agent.
      this.consult = undefined;
      this.publishTransfer(consult, 'failed', reason);
      this.record.talkEnded();
      return this.requeue();
    }
    this.record.ringEnded(colleague.id, 'answered');
    acd.directRingEnded(colleague.id, this.callId, true);
    const party = this.watchAgent({ id: colleague.id, workNumber: colleague.workNumber, call: result.sipCall, leg: result.leg });
    consult.party = party;
    this.record.agentJoined(colleague.id, consult.mode === 'blind' ? 'transfer' : 'consult');
    if (consult.mode === 'blind' || !this.agent) return this.completeTransfer();
    // The agent and the colleague talk; the caller keeps holding.
    this.link = { bridge: this.deps.media.bridge(this.agent.leg, party.leg) };
    this.publishTransfer(consult, 'consulting');
  }

  /** While consulting: hand over, join all three, or go back to the caller. */
  async consultAction(action: 'complete' | 'conference' | 'return'): Promise<'talking' | 'conference'> {
    const consult = this.consult;
    if (this.phase !== 'consulting' || !consult) throw new Error('no consult in progress');
    if (action === 'return') {
      consult.ring.abort();
      if (consult.party) await this.releaseAgent(consult.party, 'consult_ended', 'agent', false);
      await this.backToCaller('returned');
      return 'talking';
    }
    if (!consult.party) throw new Error('the colleague has not answered yet');
    if (action === 'complete') {
      await this.completeTransfer();
      return 'talking';
    }
    await this.unlink();
    this.hold.stop();
    this.move('conference');
    const mixer = this.deps.media.mixer();
    for (const leg of [this.callerLeg, ...this.agentsOnCall().map((p) => p.leg)]) mixer.add(leg, { speaksTo: 'all' });
    this.link = { mixer };
    this.startRecording((file) => mixer.startRecording(file));
    this.record.note('conference', { agents: this.agentsOnCall().map((p) => p.id) });
    this.publishTransfer(consult, 'conference');
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
    this.record.handedTo(colleague.id);
    this.move('talking');
    this.bridgeCallerWith(colleague);
    this.publishTransfer(consult, 'completed');
    if (from) await this.releaseAgent(from, 'transferred', 'system', false);
  }

  private async backToCaller(stage: 'returned' | 'failed', reason?: TransferFailure): Promise<void> {
    const consult = this.consult;
    this.consult = undefined;
    await this.unlink();
    this.move('talking');
    if (this.agent) this.bridgeCallerWith(this.agent);
    if (consult) this.publishTransfer(consult, stage, reason);
  }

  private publishTransfer(consult: Consult, stage: CallTransferEvent['stage'], reason?: TransferFailure): void {
    this.deps.publish({ type: 'call.transfer', callId: this.callId, agentId: consult.from, colleague: { agentId: consult.colleague.id, workNumber: consult.colleague.workNumber }, mode: consult.mode, stage, ...(reason ? { reason } : {}) });
  }

  // ---- survey and the end --------------------------------------------------------------------

  /** §2.4-11: the agents leave; the caller is asked for satisfaction; the agents go to ACW. */
  async handOffToSurvey(): Promise<void> {
    if ((this.phase !== 'talking' && this.phase !== 'conference') || !this.agent) throw new Error('the call is not connected to an agent');
    await this.unlink();
    this.record.talkEnded();
    this.move('survey');
    for (const party of this.agentsOnCall()) await this.releaseAgent(party, 'survey_handoff', 'system', false);
    const result = await this.deps.dialogues.survey(this).catch(() => undefined);
    if (result) this.record.surveyResult(result);
    if (!this.isOver()) await this.end('system', 'survey_done');
  }

  /** The 200 was never ACKed (RFC 3261 §13.3.1.4): the SIP layer sent BYE; the call ends here. */
  async notAcknowledged(): Promise<void> {
    this.callerGone = true;
    await this.end('system', 'no_ack');
  }

  /** Server stop: the caller hears 系统维护 (up to `promptMs`), then every leg is hung up. */
  async shutdown(promptMs: number): Promise<void> {
    if (this.isOver()) return this.ending;
    this.queueMusic?.abort();
    this.hold.stop();
    await this.unlink();
    const played = this.callerLeg.play(this.deps.prompts.files(['system-maintenance']), { signal: AbortSignal.timeout(promptMs) }).catch(() => 'closed');
    await played;
    await this.end('system', 'shutdown');
  }

  /**
   * The one way a call ends, from any phase. Everything the record needs is written at once, as
   * the phase says (an abandon in the queue or while ringing, talk up to now for a talking call,
   * every agent still on leaving to after-call work, hang-up side and reason); then both legs are
   * hung up and closed. Ending twice returns the first ending.
   */
  end(side: HangupSide, reason: string, agentWhoHungUp?: AgentParty): Promise<void> {
    if (this.phase === 'ended') return this.ending ?? Promise.resolve();
    const from = this.phase;
    this.deps.logger.info({ event: 'call_ended', callId: this.callId, phase: from, side, reason }, 'call ended');
    this.move('ended');
    if (side === 'caller') this.callerGone = true;
    this.queueMusic?.abort();
    this.hold.stop();
    this.ended.abort();
    const record = this.record;
    if (from === 'queued' || from === 'ringing') {
      // A caller answered once and queued again (lost desk, failed transfer) is not an abandon.
      if (!this.answeredOnce) record.abandoned(from === 'queued' ? 'queue' : 'ringing');
      this.deps.acd.remove(this.callId, side);
    } else if (from === 'ivr' && side === 'caller') {
      record.abandoned('ivr');
    }
    this.consult?.ring.abort();
    if (this.answeredOnce && (from === 'talking' || from === 'consulting' || from === 'conference')) record.talkEnded();
    const teardowns = this.agentsOnCall().map((party) => this.leave(party, party === agentWhoHungUp ? reason : `call_ended_${reason}`, side, party === agentWhoHungUp));
    this.consult = undefined;
    record.hungUp(side);
    this.deps.onMediaStats(this.callId, { caller: this.callerLeg.stats(), ...(this.agentStats ? { agent: this.agentStats } : {}) });
    record.ended(reason);
    this.ending = (async () => {
      await this.unlink();
      await Promise.all(teardowns.map((teardown) => teardown()));
      if (!this.callerGone) await this.incoming.bye();
      await this.callerLeg.close();
      this.tornDownNow();
    })();
    return this.ending;
  }
}
