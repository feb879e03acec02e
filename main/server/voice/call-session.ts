import type { MediaBridge, MediaEngine, MediaLeg, MediaLegStats } from '../media/media-engine.js';
import type { IncomingCall, OutgoingCall, SipService } from '../sip/sip-service.js';
import type { Acd, RingResult } from '../acd/acd.js';
import type { CallRecords } from '../calls/call-records.js';
import type { Logger } from '../logger.js';
import type { Clock } from '../clock.js';
import { digitFromSipInfo } from './sip-info-dtmf.js';
import { recordingPath } from './recording-path.js';
import { ringAgent } from './agent-ringer.js';
import { MediaCallChannel } from './media-call-channel.js';
import type { PromptLibrary } from './prompt-library.js';

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
  /** Played to the caller while waiting in the queue, until aborted. */
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
  records: CallRecords;
  dialogues: CallDialogues;
  logger: Logger;
  clock: Clock;
  prompts: PromptLibrary;
  recordingsDir: string;
  ringTimeoutMs: number;
  timeZone: string;
  /** Written at the end: RTP counters of both legs (call quality, and proof audio flowed). */
  onMediaStats(callId: string, stats: { caller: MediaLegStats; agent?: MediaLegStats }): void;
  onEnded(session: CallSession): void;
}

type Phase = 'ivr' | 'queued' | 'ringing' | 'talking' | 'survey' | 'ended';

/**
 * One inbound call end to end: the caller's SIP dialog and media leg, the IVR, the queue, the
 * agent's leg and the bridge, the recording, and every step of the call record.
 */
export class CallSession {
  phase: Phase = 'ivr';
  ivrPath: string[] = [];
  agent: { id: number; workNumber: string; call: OutgoingCall; leg: MediaLeg } | undefined;
  bridge: MediaBridge | undefined;
  private callerHungUp = false;
  private agentStats: MediaLegStats | undefined;
  private readonly ended = new AbortController();
  /** The caller as the IVR and every dialogue hear them: one type-ahead buffer for the whole call. */
  readonly channel: MediaCallChannel;

  constructor(
    readonly callId: string,
    readonly incoming: IncomingCall,
    readonly callerLeg: MediaLeg,
    private readonly deps: CallSessionDeps,
  ) {
    this.channel = new MediaCallChannel(callerLeg, deps.prompts, () => this.hangUpCaller());
  }

  get callerNumber(): string {
    return this.incoming.from;
  }

  /** Aborted when the call is over, whoever ended it. */
  get signal(): AbortSignal {
    return this.ended.signal;
  }

  async run(): Promise<void> {
    this.incoming.delegate = {
      onBye: () => void this.onCallerGone(),
      onCancel: () => void this.onCallerGone(),
      onTerminated: () => void this.onCallerGone(),
      onInfo: (type, body) => {
        const digit = digitFromSipInfo(type, body);
        if (digit) this.callerLeg.injectDtmf(digit);
      },
      onReinvite: (sdp) => this.callerLeg.updateRemote(sdp),
    };
    void this.callerLeg.closed.then(() => this.onCallerGone());
    await this.runMenu();
  }

  /** The self-service menu, then the queue if the caller asks for 人工 (also after a transfer back). */
  private async runMenu(): Promise<void> {
    const { records, dialogues } = this.deps;
    this.phase = 'ivr';
    const outcome = await dialogues.mainMenu(this).catch((error: unknown) => {
      this.deps.logger.error({ err: error, callId: this.callId }, 'ivr failed');
      return { exit: 'hangup' as const, path: this.ivrPath };
    });
    this.ivrPath = outcome.path;
    this.deps.logger.info({ event: 'ivr_exit', callId: this.callId, exit: outcome.exit, path: outcome.path }, 'caller left the IVR');
    if (this.isOver()) return;
    records.ivrExit(this.callId, outcome.exit);
    if (outcome.exit !== 'queue') {
      if (outcome.exit === 'caller-hangup') return this.onCallerGone();
      return this.finish('system', 'ivr_hangup');
    }
    records.offeredToAgent(this.callId);
    this.queueFor(undefined);
  }

  private queueFor(targetAgentId: number | undefined): void {
    this.phase = 'queued';
    this.startQueueMusic();
    this.deps.acd.enqueue({ callId: this.callId, caller: this.callerNumber, ...(targetAgentId ? { targetAgentId } : {}) });
  }

  /**
   * The agent hands the caller on: to a colleague (rung first, any ready agent if they miss) or back
   * to the self-service menu. The first agent goes to after-call work; the record keeps the first
   * answer and names the last agent.
   */
  async transfer(target: { agentId: number } | 'ivr'): Promise<void> {
    if (this.phase !== 'talking' || !this.agent) throw new Error('the call is not connected to an agent');
    await this.releaseAgent('system');
    if (this.isOver()) return;
    if (target === 'ivr') void this.runMenu().catch((error: unknown) => this.deps.logger.warn({ err: error, callId: this.callId }, 'menu after transfer failed'));
    else this.queueFor(target.agentId);
  }

  private queueMusic: AbortController | undefined;

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

  /** The ACD rings an agent for this call (AcdDelegate.ringAgent). */
  async ring(agentId: number, workNumber: string, signal: AbortSignal): Promise<RingResult> {
    this.phase = 'ringing';
    const combined = AbortSignal.any([signal, this.ended.signal]);
    const result = await ringAgent(this.deps.sip, this.deps.media, {
      callId: this.callId,
      workNumber,
      callerNumber: this.callerNumber,
      ivrPath: this.ivrPath,
      ringTimeoutMs: this.deps.ringTimeoutMs + 5_000, // the ACD's own timer decides; this is a backstop
      signal: combined,
    });
    this.deps.logger.info({ event: 'ring_result', callId: this.callId, workNumber, outcome: result.outcome }, 'agent ring ended');
    if (result.outcome !== 'answered') {
      if (this.phase === 'ringing') this.phase = 'queued';
      return result.outcome === 'rejected' ? 'rejected' : 'missed';
    }
    if (signal.aborted || this.isOver()) {
      // An answer that raced the ACD giving up: the agent gets a BYE.
      await result.sipCall.bye();
      await result.leg.close();
      return 'missed';
    }
    await this.connectAgent(agentId, workNumber, result.sipCall, result.leg);
    return 'answered';
  }

  private async connectAgent(agentId: number, workNumber: string, call: OutgoingCall, leg: MediaLeg): Promise<void> {
    this.queueMusic?.abort();
    this.callerLeg.stopPlayback();
    this.phase = 'talking';
    this.agent = { id: agentId, workNumber, call, leg };
    call.delegate = {
      ...call.delegate,
      onBye: () => void this.onAgentGone('agent_hangup'),
      // The desk's WebSocket went away mid-call (reload, crash, network): the call is lost, and says so.
      onTerminated: (reason) => void this.onAgentGone(reason === 'flow-closed' || reason === 'timeout' ? 'agent_connection_lost' : 'agent_hangup'),
      onReinvite: (sdp) => leg.updateRemote(sdp),
      onInfo: (type, body) => {
        const digit = digitFromSipInfo(type, body);
        if (digit) leg.injectDtmf(digit);
      },
    };
    this.bridge = this.deps.media.bridge(this.callerLeg, leg);
    const file = recordingPath(this.deps.recordingsDir, this.callId, this.deps.clock.now(), this.deps.timeZone);
    try {
      this.bridge.startRecording(file);
      this.deps.records.recordingFile(this.callId, file);
    } catch (error) {
      this.deps.logger.warn({ err: error, callId: this.callId }, 'recording did not start');
    }
    // Not awaited: the ACD must learn of the answer now. While the greeting plays on the caller's
    // leg, the agent's audio towards the caller is muted.
    void this.deps.dialogues.greeting(this, workNumber).catch(() => undefined);
  }

  /** §2.4-11: the agent leaves; the caller is asked for satisfaction; the agent goes to ACW. */
  async handOffToSurvey(): Promise<void> {
    if (this.phase !== 'talking' || !this.agent) throw new Error('the call is not connected to an agent');
    this.phase = 'survey';
    await this.releaseAgent('system');
    const result = await this.deps.dialogues.survey(this).catch(() => undefined);
    if (result) this.deps.records.surveyResult(this.callId, result);
    if (!this.isOver()) await this.finish('system', 'survey_done');
  }

  private async releaseAgent(side: 'agent' | 'system'): Promise<void> {
    const agent = this.agent;
    if (!agent) return;
    this.agent = undefined;
    await this.stopRecording();
    this.bridge?.unbridge();
    this.bridge = undefined;
    this.deps.acd.callEnded(this.callId, side);
    this.agentStats = agent.leg.stats();
    await agent.call.bye();
    await agent.leg.close();
  }

  private async stopRecording(): Promise<void> {
    const bridge = this.bridge;
    if (!bridge) return;
    await bridge.stopRecording().catch(() => undefined);
  }

  private async onAgentGone(reason: 'agent_hangup' | 'agent_connection_lost'): Promise<void> {
    if (this.phase !== 'talking' || !this.agent) return;
    const agent = this.agent;
    this.agent = undefined;
    await this.stopRecording();
    this.bridge?.unbridge();
    this.bridge = undefined;
    this.agentStats = agent.leg.stats();
    await agent.leg.close();
    // §2.4-9: the agent should wait for the caller to hang up; this call is counted as agent-first.
    this.deps.acd.callEnded(this.callId, 'agent');
    await this.finish('agent', reason, true);
  }

  /** The IVR ends the call (goodbye after too many errors, or a self-service action). */
  async hangUpCaller(): Promise<void> {
    await this.finish('system', 'ivr_hangup');
  }

  /** Phase changes while awaiting; a method keeps TypeScript from narrowing it away. */
  isOver(): boolean {
    return this.phase === 'ended';
  }

  private async onCallerGone(): Promise<void> {
    if (this.callerHungUp || this.phase === 'ended') return;
    this.callerHungUp = true;
    const { records, acd } = this.deps;
    switch (this.phase) {
      case 'ivr':
        records.abandoned(this.callId, 'ivr');
        records.hungUp(this.callId, 'caller');
        break;
      case 'queued':
      case 'ringing':
        // The ACD records the abandon (queue or ringing) and the hang-up.
        acd.callEnded(this.callId, 'caller');
        break;
      case 'talking': {
        const agent = this.agent;
        this.agent = undefined;
        await this.stopRecording();
        this.bridge?.unbridge();
        acd.callEnded(this.callId, 'caller');
        if (agent) {
          this.agentStats = agent.leg.stats();
          await agent.call.bye();
          await agent.leg.close();
        }
        break;
      }
      case 'survey':
        records.hungUp(this.callId, 'caller');
        break;
    }
    await this.finish('caller', 'caller_hangup', true);
  }

  private async finish(side: 'caller' | 'agent' | 'system', reason: string, alreadyRecorded = false): Promise<void> {
    if (this.phase === 'ended') return;
    this.deps.logger.info({ event: 'call_ended', callId: this.callId, phase: this.phase, side, reason }, 'call ended');
    const wasIvr = this.phase === 'ivr';
    this.phase = 'ended';
    this.queueMusic?.abort();
    this.ended.abort();
    if (!alreadyRecorded && wasIvr) this.deps.records.hungUp(this.callId, 'system');
    if (!this.callerHungUp) await this.incoming.bye();
    this.deps.onMediaStats(this.callId, { caller: this.callerLeg.stats(), ...(this.agentStats ? { agent: this.agentStats } : {}) });
    await this.callerLeg.close();
    this.deps.records.ended(this.callId, reason);
    this.deps.onEnded(this);
  }
}
