import type { Acd } from '../acd/acd.js';
import type { CallRecord } from '../calls/call-record.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { MediaBridge, MediaEngine, MediaLeg, MediaLegStats } from '../media/media-engine.js';
import type { TerminationReason } from '../sip/call-states.js';
import type { IncomingCall, OutgoingCall, SipService } from '../sip/sip-service.js';
import type { HangupSide } from '../calls/call-record.js';
import type { CallTransferEvent } from '../../../shared/api/events/calls.js';
import { CALL_ID_HEADER } from '../../../shared/sip/desk-headers.js';
import { digitFromSipInfo } from './sip-info-dtmf.js';
import type { Listener } from './call-session.js';
import { MediaCallChannel } from './media-call-channel.js';
import { CallOwner } from './call-owner.js';
import type { PromptLibrary } from './prompt-library.js';
import { ConsultTransfer, type AgentParty, type TransferTarget } from './consult-transfer.js';
import type { TrunkDialer } from './trunk-dialer.js';

export interface FollowUpCallDeps {
  sip: SipService;
  media: MediaEngine;
  acd: Acd;
  logger: Logger;
  clock: Clock;
  recordingsDir: string;
  timeZone: string;
  /** The center's carrier trunk: the citizen is called through it. */
  dialer: TrunkDialer;
  /** Unanswered after this long: given up, the agent hears 480. */
  ringLimitMs: number;
  prompts: PromptLibrary;
  /** What the citizen hears while the agent consults a colleague. */
  holdMusicFile: string;
  /** How long a colleague's phone rings for a consult or transfer. */
  ringTimeoutMs: number;
  /** Pushes call.transfer to the agent's desk (and team leads). */
  publish(event: CallTransferEvent): void;
  /** The satisfaction question (回访调查, §1.1): the same dialogue as after an inbound call. */
  survey(listener: Listener): Promise<1 | 2 | 3 | undefined>;
  onMediaStats(callId: string, stats: { caller: MediaLegStats; agent?: MediaLegStats }): void;
  /** Both sides are hung up and the record closed (the work order shows the attempt now). */
  onCallEnded(call: FollowUpCall): void;
  /** …and the agent's after-call work for it is over too: the object can go. */
  onEnded(call: FollowUpCall): void;
}

export interface FollowUpRequest {
  callId: string;
  agent: { id: number; workNumber: string };
  /** Digits only, already checked. */
  number: string;
  workOrderId?: number | undefined;
}

/** Why an attempt ended before anyone talked; the call record's end_reason. */
export type UnansweredReason = 'callee_busy' | 'callee_rejected' | 'no_answer' | 'number_invalid' | 'trunk_failed' | 'agent_cancelled' | 'media_refused';

/**
 * One follow-up call (回访) end to end, the B2BUA turned around: the agent's INVITE (WebRTC) is
 * held while the trunk leg (plain RTP) rings the citizen; their answer answers the agent, the two
 * legs are bridged and recorded, and either hang-up ends both. The ACD keeps the agent off the
 * queue meanwhile; the call record says outbound and names the work order.
 */
export class FollowUpCall extends CallOwner {
  private agentLeg: MediaLeg | undefined;
  private trunkLeg: MediaLeg | undefined;
  private trunkCall: OutgoingCall | undefined;
  /** Early media only (a 183 before the answer); from the ACK on, the citizen's audio is `links`'. */
  private bridge: MediaBridge | undefined;
  /** From the ACK on: the agents, the citizen's audio with them, hold, consult transfer and conference. */
  private links: ConsultTransfer | undefined;
  private readonly ended = new AbortController();
  private cancelledByAgent = false;
  private agentStats: MediaLegStats | undefined;
  /** The trunk sent 183 with SDP: the legs are bridged before the answer (carrier tones, 已关机 announcements). */
  private earlyMedia = false;

  constructor(
    readonly request: FollowUpRequest,
    readonly incoming: IncomingCall,
    record: CallRecord,
    private readonly deps: FollowUpCallDeps,
  ) {
    super(request.callId, record, 'dialing', deps);
    // The desk learns which call record its call is, for the survey handoff.
    incoming.responseHeaders.push([CALL_ID_HEADER, request.callId]);
  }

  /** The agent placing the call. */
  get agentId(): number {
    return this.request.agent.id;
  }

  /** The agent who has the citizen now (the one who placed the call, or a colleague it was transferred to). */
  get agent(): AgentParty | undefined {
    return this.links?.agent;
  }

  /** Consult a colleague by work number, exactly as on an inbound call (ConsultTransfer.transfer). */
  transfer(target: TransferTarget): Promise<'ringing'> {
    if (!this.links) throw new Error('the follow-up call is not connected');
    return this.links.transfer(target);
  }

  consultAction(action: 'complete' | 'conference' | 'return'): Promise<'talking' | 'conference'> {
    if (!this.links) throw new Error('no consult in progress');
    return this.links.consultAction(action);
  }

  /**
   * 回访调查 (§1.1): the agent leaves and the citizen is asked for satisfaction with how the matter
   * was handled; the answer lands on this call's record, the agent goes to after-call work.
   */
  async handOffToSurvey(): Promise<void> {
    const links = this.links;
    if (this.phase !== 'talking' || !this.trunkLeg || !links) throw new Error('the follow-up call is not connected');
    this.move('survey');
    await links.unlink();
    this.record.talkEnded();
    for (const party of links.agentsOnCall()) await links.release(party, 'survey_handoff', 'system', false);
    this.agentStats = links.agentStats;
    // Made now, not at the answer: digits keyed while talking to the agent are not survey answers.
    const listener: Listener = { callerLeg: this.trunkLeg, channel: new MediaCallChannel(this.trunkLeg, this.deps.prompts, () => undefined) };
    const result = await this.deps.survey(listener).catch(() => undefined);
    if (result) this.record.surveyResult(result);
    if (!this.isIn('survey')) return;
    this.move('ended');
    this.ended.abort();
    await this.trunkCall?.bye();
    this.record.hungUp('system');
    await this.finish('survey_done');
  }

  /** Arrival is already recorded and the agent already talking in the ACD (startOutbound). */
  async run(): Promise<void> {
    const { media, logger } = this.deps;
    this.incoming.delegate = {
      onCancel: () => this.agentGaveUp(),
      onBye: () => void this.hangUp('agent', 'agent_hangup'),
      onTerminated: (reason) => this.agentTerminated(reason),
      onReinvite: (sdp) => this.agentLeg!.updateRemote(sdp),
      onInfo: (type, body) => {
        const digit = digitFromSipInfo(type, body);
        if (digit) this.agentLeg?.injectDtmf(digit);
      },
    };
    try {
      this.agentLeg = await media.answer({ callId: this.callId, remoteSdp: this.incoming.remoteSdp });
      this.trunkLeg = await media.offer({ callId: this.callId, kind: 'rtp' });
    } catch (error) {
      logger.warn({ err: error, callId: this.callId }, 'follow-up call: media refused');
      this.incoming.reject(488);
      return this.unanswered('media_refused');
    }
    if (this.cancelledByAgent) return this.unanswered('agent_cancelled');

    let sendTo: { address: string; port: number };
    try {
      sendTo = await this.deps.dialer.route();
    } catch (error) {
      logger.warn({ err: error, callId: this.callId, trunk: this.deps.dialer.settings.trunk }, 'follow-up call: the trunk name does not resolve');
      this.incoming.reject(503, 'Service Unavailable (the trunk cannot be reached)');
      return this.unanswered('trunk_failed');
    }
    if (this.cancelledByAgent) return this.unanswered('agent_cancelled');
    const call = this.deps.dialer.invite(this.request.number, this.trunkLeg.localSdp, sendTo);
    this.trunkCall = call;
    call.delegate = { onProgress: (status, _reason, sdp) => this.trunkProgress(status, sdp) };
    const limit = setTimeout(() => call.cancel(), this.deps.ringLimitMs);
    const result = await call.result;
    clearTimeout(limit);

    if (!result.answered) {
      // Decided before reject(), whose onTerminated would look like the agent giving up.
      const why = this.cancelledByAgent ? 'agent_cancelled' : reasonOf(result.status);
      const { status, reason } = toAgent(result.status, this.cancelledByAgent);
      logger.info({ event: 'follow_up_unanswered', callId: this.callId, trunkStatus: result.status, reason: why }, 'follow-up call not answered');
      this.incoming.reject(status, reason);
      return this.unanswered(why);
    }
    if (this.cancelledByAgent || this.isOver()) {
      // The citizen picked up as the agent gave up: they hear a hang-up, not silence.
      await call.bye();
      return this.unanswered('agent_cancelled');
    }
    await this.connect(call, result.sdp);
  }

  /**
   * 180 rings the desk (which plays its own ringback). A 183 with SDP opens early media: the agent
   * hears what the carrier plays (its ringback, or 您拨打的电话已关机) through the bridge; nothing is
   * recorded before the answer.
   */
  private trunkProgress(status: number, sdp: string): void {
    if (this.phase !== 'dialing' || this.cancelledByAgent) return;
    if (status === 183 && sdp.trim() && !this.earlyMedia) {
      // Set at once: an answer arriving meanwhile must not apply a second remote answer.
      this.earlyMedia = true;
      this.trunkLeg!.setRemoteAnswer(sdp).then(
        () => {
          if (this.phase !== 'dialing' || this.cancelledByAgent) return;
          this.incoming.progress(this.agentLeg!.localSdp);
          this.bridge = this.deps.media.bridge(this.trunkLeg!, this.agentLeg!);
        },
        (error: unknown) => {
          this.earlyMedia = false;
          this.deps.logger.warn({ err: error, callId: this.callId }, 'follow-up call: early media refused');
          this.incoming.ring();
        },
      );
    } else if (status === 180 || status === 183) {
      this.incoming.ring();
    }
  }

  private async connect(call: OutgoingCall, answerSdp: string): Promise<void> {
    const { media, logger } = this.deps;
    const record = this.record;
    const agentLeg = this.agentLeg!;
    const trunkLeg = this.trunkLeg!;
    // After early media the 200 normally repeats the 183's SDP; a new address re-targets the leg.
    if (!this.earlyMedia) await trunkLeg.setRemoteAnswer(answerSdp);
    else if (answerSdp.trim()) await trunkLeg.updateRemote(answerSdp).catch(() => undefined);
    call.delegate = {
      onBye: () => void this.hangUp('caller', 'callee_hangup'),
      onTerminated: () => void this.hangUp('caller', 'callee_hangup'),
      onReinvite: (sdp) => trunkLeg.updateRemote(sdp),
      onInfo: (type, body) => {
        const digit = digitFromSipInfo(type, body);
        if (digit) trunkLeg.injectDtmf(digit);
      },
    };
    this.move('talking');
    this.incoming.answer(agentLeg.localSdp);
    record.answered(this.request.agent.id, 'outbound');
    logger.info({ event: 'follow_up_answered', callId: this.callId }, 'follow-up call answered');
    if (!(await this.incoming.acked)) return;
    if (this.isOver()) return;
    // From here the agent is a party like any other: a colleague can be consulted, joined or handed the call.
    const links = new ConsultTransfer(
      trunkLeg,
      {
        callId: this.callId,
        record,
        citizenNumber: () => this.request.number,
        ivrPath: () => ['回访'],
        signal: this.ended.signal,
        phase: () => this.phase,
        isOver: () => this.isOver(),
        move: (to) => this.move(to),
        releaseToAcw: (agentId, reason, side) => this.releaseToAcw(agentId, reason, side),
        agentLeftTalking: (party, reason) => this.endConnected('agent', reason, party),
        // The placing agent left while a colleague rang in vain: nobody is there for the citizen.
        nobodyAnswered: () => this.endConnected('system', 'transfer_failed'),
        end: (side, reason) => this.endConnected(side, reason),
      },
      { ...this.deps, media },
    );
    this.links = links;
    // Recordings put the citizen left and the agent right, as for inbound calls; an early-media bridge is kept.
    links.connect({ id: this.request.agent.id, workNumber: this.request.agent.workNumber, call: this.incoming, leg: agentLeg }, this.bridge);
    this.bridge = undefined;
  }

  private agentGaveUp(): void {
    this.cancelledByAgent = true;
    this.trunkCall?.cancel();
  }

  private agentTerminated(reason: TerminationReason): void {
    if (this.phase === 'dialing') return this.agentGaveUp();
    // The desk's WebSocket went away mid-call (reload, crash, network), or its ACK never came.
    const lost = reason === 'flow-closed' || reason === 'timeout' || reason === 'ack-timeout';
    void this.hangUp('agent', lost ? 'agent_connection_lost' : 'agent_hangup');
  }

  /** Either side hung up a connected call: the other is hung up, the agent goes to ACW. */
  private async hangUp(side: 'agent' | 'caller', reason: string): Promise<void> {
    if (this.phase === 'survey' && side === 'caller') {
      // The citizen hung up on the survey question: the agent left already.
      this.move('ended');
      this.ended.abort();
      this.record.hungUp('caller');
      return this.finish(reason);
    }
    return this.endConnected(side, reason);
  }

  /**
   * A connected call ends (talking, consulting or in a conference): talk ends now, every agent on it
   * goes to ACW (the one who hung up with `reason`, the others `call_ended_<reason>`), both sides are
   * hung up.
   */
  private async endConnected(side: HangupSide, reason: string, agentWhoHungUp?: AgentParty): Promise<void> {
    if (this.phase !== 'talking' && this.phase !== 'consulting' && this.phase !== 'conference') return;
    this.move('ended');
    this.ended.abort();
    const links = this.links;
    if (!links || links.hasAgent()) this.record.talkEnded();
    let teardowns: Array<() => Promise<void>> = [];
    if (links) {
      teardowns = links.endAll(reason, side, agentWhoHungUp);
      this.agentStats = links.agentStats;
      await links.unlink();
    } else {
      // Answered, the agent's ACK not yet in: only the placing agent is on it.
      this.bridge?.unbridge();
      this.releaseToAcw(this.request.agent.id, reason, side);
      if (side !== 'agent') teardowns = [() => this.incoming.bye()];
    }
    this.record.hungUp(side);
    await Promise.all([side === 'caller' ? undefined : this.trunkCall?.bye(), ...teardowns.map((teardown) => teardown())]);
    await this.finish(reason);
  }

  protected disposeOwner(): void {
    this.deps.onEnded(this);
  }

  /** Server stop: a connected follow-up call ends with both sides hung up, side 'system'. */
  async shutdown(): Promise<void> {
    if (this.phase === 'dialing') {
      this.agentGaveUp();
      return;
    }
    if (this.phase === 'survey') {
      this.move('ended');
      this.ended.abort();
      this.record.hungUp('system');
      this.record.ended('shutdown');
      await this.trunkCall?.bye();
      return this.finish('shutdown');
    }
    return this.endConnected('system', 'shutdown');
  }

  private async unanswered(reason: UnansweredReason): Promise<void> {
    if (this.phase === 'ended') return;
    this.move('ended');
    this.ended.abort();
    this.bridge?.unbridge();
    this.record.hungUp(reason === 'agent_cancelled' ? 'agent' : 'system');
    this.deps.acd.outboundUnanswered(this.callId);
    await this.finish(reason);
  }

  private async finish(reason: string): Promise<void> {
    const { logger } = this.deps;
    const trunk = this.trunkLeg?.stats();
    const agent = this.agentStats ?? this.agentLeg?.stats();
    if (trunk) this.deps.onMediaStats(this.callId, { caller: trunk, ...(agent ? { agent } : {}) });
    this.record.ended(reason);
    await Promise.all([this.trunkLeg?.close(), this.agentLeg?.close()]);
    logger.info({ event: 'call_ended', callId: this.callId, direction: 'outbound', reason }, 'follow-up call ended');
    this.deps.onCallEnded(this);
    this.tornDownNow();
  }
}

/** What the agent's softphone is told when the trunk did not connect. */
function toAgent(status: number, cancelledByAgent: boolean): { status: number; reason: string } {
  if (cancelledByAgent) return { status: 487, reason: 'Request Terminated' };
  switch (reasonOf(status)) {
    case 'callee_busy':
      return { status: 486, reason: 'Busy Here (the number is busy)' };
    case 'callee_rejected':
      return { status: 603, reason: 'Decline (the called party declined)' };
    case 'number_invalid':
      return { status: 404, reason: 'Not Found (the trunk does not know this number)' };
    case 'no_answer':
      return { status: 480, reason: 'Temporarily Unavailable (no answer)' };
    default:
      return { status: 503, reason: `Service Unavailable (trunk answered ${status})` };
  }
}

function reasonOf(status: number): UnansweredReason {
  if (status === 486 || status === 600) return 'callee_busy';
  if (status === 603) return 'callee_rejected';
  if (status === 404 || status === 484 || status === 410 || status === 604) return 'number_invalid';
  if (status === 408 || status === 480 || status === 487) return 'no_answer';
  return 'trunk_failed';
}
