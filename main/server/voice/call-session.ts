import type { MediaEngine, MediaLeg, MediaLegStats } from '../media/media-engine.js';
import type { IncomingCall, SipService } from '../sip/sip-service.js';
import type { Acd, RingResult } from '../acd/acd.js';
import type { CallRecord, HangupSide } from '../calls/call-record.js';
import type { Logger } from '../logger.js';
import type { Clock } from '../clock.js';
import type { CallTransferEvent } from '../../../shared/api/events/calls.js';
import { digitFromSipInfo } from './sip-info-dtmf.js';
import { ringAgent } from './agent-ringer.js';
import type { RingOutcome } from './ring-call.js';
import { MediaCallChannel } from './media-call-channel.js';
import type { PromptLibrary } from './prompt-library.js';
import { CallOwner } from './call-owner.js';
import type { TrunkDialer } from './trunk-dialer.js';
import { ConsultTransfer, type AgentLeaveReason, type AgentParty, type TransferTarget } from './consult-transfer.js';
import { CallMonitor, type MonitorDeps, type MonitorHost } from './call-monitor.js';
import { MONITOR_HEADER } from '../../../shared/sip/desk-headers.js';
import type { MonitorEndReason, MonitorMode } from '../../../shared/api/calls.js';

export type { AgentParty } from './consult-transfer.js';

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
  /** The center's trunk: a department's extension is rung through it. */
  dialer?: TrunkDialer | undefined;
  /** Written at the end: RTP counters of both legs (call quality, and proof audio flowed). */
  onMediaStats(callId: string, stats: { caller: MediaLegStats; agent?: MediaLegStats }): void;
  /** The call is over and every agent who had it has finished their after-call work. */
  onEnded(session: CallSession): void;
  /** A team lead's monitor leg: its audit trail and call.monitor events. */
  monitoring: Pick<MonitorDeps, 'audit' | 'publish' | 'agentNotified'>;
}

/** Why a team lead cannot monitor this call now (the route turns it into a 409). */
export class MonitorRefused extends Error {
  constructor(readonly code: 'not_talking' | 'already_monitored' | 'own_call') {
    super(`monitoring refused: ${code}`);
  }
}

/**
 * One inbound call end to end, and its only owner: the caller's SIP dialog and media leg, the
 * IVR, the queue, the agents' legs, the bridge or conference mixer, the recording, the teardown,
 * and every write of its record. Its phase moves only along shared/calls/call-phases.ts. The ACD
 * keeps agent states and the queue; the session asks it and writes what happened.
 */
export class CallSession extends CallOwner {
  ivrPath: string[] = [];
  private callerGone = false;
  private answeredOnce = false;
  private ringSeq = 0;
  private readonly ended = new AbortController();
  /** The teardown in progress once the call has ended. */
  private ending: Promise<void> | undefined;
  private queueMusic: AbortController | undefined;
  /** The agents, the caller's audio with them, hold, consult transfer and conference. */
  private readonly links: ConsultTransfer;
  /** A team lead's listen / whisper / barge leg: at most one at a time. */
  private monitorLeg: CallMonitor | undefined;
  /** §2.1 isolation is on: kept when the bridge becomes a mixer for a monitor. */
  private callerIsolated = false;
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
    this.links = new ConsultTransfer(
      callerLeg,
      {
        callId,
        record: deps.record,
        citizenNumber: () => this.callerNumber,
        ivrPath: () => this.ivrPath,
        signal: this.ended.signal,
        phase: () => this.phase,
        isOver: () => this.isOver(),
        move: (to) => this.move(to),
        releaseToAcw: (agentId, reason, side) => this.releaseToAcw(agentId, reason, side),
        agentLeftTalking: (party, reason) => this.agentLeftTalking(party, reason),
        nobodyAnswered: async () => {
          // The agent left while the colleague rang, and nobody answered: the caller waits for the next agent.
          this.record.talkEnded();
          this.requeue();
        },
        end: (side, reason) => this.end(side, reason),
        // A monitoring lead leaves when the agents on the call change under them.
        beforeRelink: (why) => this.endMonitor(why),
      },
      deps,
    );
  }

  /** The agent who has the call. */
  get agent(): AgentParty | undefined {
    return this.links.agent;
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
    return this.links.agentsOnCall();
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
    this.links.connect({ id: agentId, workNumber, call: result.sipCall, leg: result.leg });
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

  /**
   * §2.1: while the caller keys account and PIN, nothing of theirs (audio or digits) reaches the
   * agents, and the recording gets silence for them.
   */
  isolateCaller(on: boolean): void {
    this.callerIsolated = on;
    this.links.isolateCitizen(on);
  }

  protected disposeOwner(): void {
    this.deps.onEnded(this);
  }

  /** The agent who has the caller left while talking one to one. */
  private agentLeftTalking(party: AgentParty, reason: AgentLeaveReason): Promise<void> {
    if (reason === 'agent_connection_lost') return this.deskLost(party);
    // §2.4-9: the agent should wait for the caller to hang up; this call is counted as agent-first.
    return this.end('agent', reason, party);
  }

  /**
   * The talking agent's desk is gone (its WebSocket closed, or the desk phone stopped answering
   * the probe): nobody hung up, so the caller is not cut off but goes back to the front of the
   * queue with 请稍候 and the next ready agent rings. Their talk so far is kept (it ends now, and
   * again when a next agent's talk ends); the lost agent's turn ends and their ACW counts once.
   */
  private async deskLost(party: AgentParty): Promise<void> {
    await this.links.unlink();
    this.record.talkEnded();
    this.record.note('desk_lost', { agentId: party.id });
    await this.links.release(party, 'agent_connection_lost', 'system', true);
    if (this.isOver()) return;
    this.requeue();
  }

  /** An answered caller without an agent waits again, first in line. */
  private requeue(): void {
    this.links.stopHold();
    this.move('queued');
    this.startQueueMusic();
    this.deps.acd.enqueue({ callId: this.callId, caller: this.callerNumber }, { front: true });
  }

  // ---- transfers, consult and conference (consult-transfer.ts) -------------------------------

  /**
   * The agent hands the caller on. To the IVR: the agent leaves at once. To a colleague: see
   * ConsultTransfer.transfer (refused before anything changes, or the caller holds while they ring).
   */
  async transfer(target: TransferTarget | 'ivr'): Promise<'ringing' | 'completed'> {
    const agent = this.agent;
    if (this.phase !== 'talking' || !agent) throw new Error('the call is not connected to an agent');
    if (target !== 'ivr') return this.links.transfer(target);
    await this.endMonitor('transferred');
    await this.links.unlink();
    this.record.talkEnded();
    this.record.note('transferred', { to: 'ivr', from: agent.id });
    this.move('ivr');
    await this.links.release(agent, 'transferred_to_ivr', 'system', false);
    if (!this.isOver()) void this.runMenu().catch((error: unknown) => this.deps.logger.warn({ err: error, callId: this.callId }, 'menu after transfer failed'));
    return 'completed';
  }

  /** While consulting: hand over, join all three, or go back to the caller. */
  consultAction(action: 'complete' | 'conference' | 'return'): Promise<'talking' | 'conference'> {
    return this.links.consultAction(action);
  }

  // ---- a team lead's monitor leg -------------------------------------------------------------

  /** The lead monitoring this call (their softphone ringing, or on), if any. */
  get monitor(): CallMonitor | undefined {
    return this.monitorLeg;
  }

  /**
   * A team lead listens, whispers or barges: their softphone rings (X-12329-Monitor) and joins the
   * call's mixer as they answer. Throws MonitorRefused unless an agent is talking with the caller
   * and nobody monitors the call yet.
   */
  startMonitor(lead: { id: number; workNumber: string }, mode: MonitorMode): CallMonitor {
    if ((this.phase !== 'talking' && this.phase !== 'conference') || !this.agent) throw new MonitorRefused('not_talking');
    if (this.monitorLeg) throw new MonitorRefused('already_monitored');
    if (this.agentsOnCall().some((p) => p.id === lead.id)) throw new MonitorRefused('own_call');
    const monitor = new CallMonitor(lead, mode, this.monitorHost(), { ...this.deps.monitoring, logger: this.deps.logger, clock: this.deps.clock });
    this.monitorLeg = monitor;
    void monitor.start().catch((error: unknown) => {
      this.deps.logger.warn({ err: error, callId: this.callId }, 'monitor leg failed');
      void monitor.end('agents_changed');
    });
    return monitor;
  }

  private endMonitor(reason: MonitorEndReason): Promise<void> {
    return this.monitorLeg?.end(reason) ?? Promise.resolve();
  }

  private monitorHost(): MonitorHost {
    return {
      callId: this.callId,
      agentId: () => this.agent?.id,
      agentLegs: () => this.agentsOnCall().map((p) => p.leg),
      // A two-party bridge becomes a mixer (the recording goes on in its next segment).
      mixer: () => (this.phase === 'talking' || this.phase === 'conference' ? this.links.toMixer(!this.callerIsolated) : Promise.resolve(undefined)),
      dialLead: (workNumber, mode, signal) =>
        ringAgent(this.deps.sip, this.deps.media, {
          callId: this.callId,
          workNumber,
          callerNumber: this.callerNumber,
          ivrPath: [],
          ringTimeoutMs: this.deps.ringTimeoutMs,
          signal: AbortSignal.any([signal, this.ended.signal]),
          headers: { [MONITOR_HEADER]: mode },
        }),
      released: (monitor) => {
        if (this.monitorLeg === monitor) this.monitorLeg = undefined;
      },
    };
  }

  // ---- survey and the end --------------------------------------------------------------------

  /** §2.4-11: the agents leave; the caller is asked for satisfaction; the agents go to ACW. */
  async handOffToSurvey(): Promise<void> {
    if ((this.phase !== 'talking' && this.phase !== 'conference') || !this.agent) throw new Error('the call is not connected to an agent');
    await this.endMonitor('survey');
    await this.links.unlink();
    this.record.talkEnded();
    this.move('survey');
    for (const party of this.agentsOnCall()) await this.links.release(party, 'survey_handoff', 'system', false);
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
    this.links.stopHold();
    await this.links.unlink();
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
    this.ended.abort();
    const record = this.record;
    let teardowns: Array<() => Promise<void>> = [];
    let monitorEnded: Promise<void> | undefined;
    // The ending's rows in one commit (not five): the record is whole or not written at all.
    record.together(() => {
      if (from === 'queued' || from === 'ringing') {
        // A caller answered once and queued again (lost desk, failed transfer) is not an abandon.
        if (!this.answeredOnce) record.abandoned(from === 'queued' ? 'queue' : 'ringing');
        this.deps.acd.remove(this.callId, side);
      } else if (from === 'ivr' && side === 'caller') {
        record.abandoned('ivr');
      }
      // Talk is the agents': with only a department left on the call, it ended as the last agent left.
      if (this.answeredOnce && (from === 'talking' || from === 'consulting' || from === 'conference') && this.links.hasAgent()) record.talkEnded();
      monitorEnded = this.monitorLeg?.end('call_ended');
      teardowns = this.links.endAll(reason, side, agentWhoHungUp);
      record.hungUp(side);
      const agentStats = this.links.agentStats;
      this.deps.onMediaStats(this.callId, { caller: this.callerLeg.stats(), ...(agentStats ? { agent: agentStats } : {}) });
      record.ended(reason);
    });
    this.ending = (async () => {
      await this.links.unlink();
      await Promise.all([...teardowns.map((teardown) => teardown()), monitorEnded]);
      if (!this.callerGone) await this.incoming.bye();
      await this.callerLeg.close();
      this.tornDownNow();
    })();
    return this.ending;
  }
}
