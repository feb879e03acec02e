// A team lead's monitor leg on a call: listen, whisper or barge from the lead's own softphone.
// The call's owner (CallSession) holds it like its other legs and ends it when the call ends, is
// transferred, or goes to the survey; the lead may switch modes (only the mixer's speaksTo of the
// lead's leg changes: no redial) or hang up. Nothing here touches the call's record: monitoring
// changes no figure of the call. Every start, switch and stop goes to the audit trail.
import type { MediaLeg, MediaMixer, SpeaksTo } from '../media/media-engine.js';
import type { OutgoingCall } from '../sip/sip-service.js';
import type { AuditRecord } from '../audit/audit-service.js';
import type { Logger } from '../logger.js';
import type { Clock } from '../clock.js';
import type { MonitorEndReason, MonitorMode } from '../../../shared/api/calls.js';
import type { CallMonitorEvent } from '../../../shared/api/events/calls.js';
import type { RingOutcome } from './ring-call.js';

/**
 * Who hears the lead, by mode (the rest of the call speaks to all, so the lead always hears it):
 *
 * | mode    | caller hears lead | agent hears lead | lead hears caller + agent |
 * | listen  | no                | no               | yes                       |
 * | whisper | no                | yes              | yes                       |
 * | barge   | yes               | yes              | yes                       |
 */
export function leadSpeaksTo(mode: MonitorMode, agentLegs: readonly MediaLeg[]): SpeaksTo {
  if (mode === 'listen') return 'none';
  if (mode === 'whisper') return [...agentLegs];
  return 'all';
}

/** ringing → active → ended, or ringing → ended (not answered, or the call moved on first). */
export type MonitorState = 'ringing' | 'active' | 'ended';
const MONITOR_TRANSITIONS: Readonly<Record<MonitorState, readonly MonitorState[]>> = { ringing: ['active', 'ended'], active: ['ended'], ended: [] };

/** What the call's owner lends its monitor leg. */
export interface MonitorHost {
  readonly callId: string;
  /** The agent who has the call (when the monitoring starts). */
  agentId(): number | undefined;
  /** The agents' legs now (whom a whisper reaches). */
  agentLegs(): MediaLeg[];
  /** The mixer the call's audio runs through (a two-party bridge becomes one), or undefined if the call cannot take a monitor now. */
  mixer(): Promise<MediaMixer | undefined>;
  /** Rings the lead's softphone with X-12329-Monitor. */
  dialLead(workNumber: string, mode: MonitorMode, signal: AbortSignal): Promise<RingOutcome>;
  /** The monitor is over: the owner lets go of it. */
  released(monitor: CallMonitor): void;
}

export interface MonitorDeps {
  audit(entry: AuditRecord): void;
  publish(event: CallMonitorEvent): void;
  /** Config monitorIndicator: the agent's desk shows 班长监听中. */
  agentNotified: boolean;
  logger: Logger;
  clock: Clock;
}

export class CallMonitor {
  private stateNow: MonitorState = 'ringing';
  private modeNow: MonitorMode;
  private readonly ring = new AbortController();
  private party: { call: OutgoingCall; leg: MediaLeg } | undefined;
  private mixer: MediaMixer | undefined;
  private activeSince: number | undefined;
  private ending: Promise<void> | undefined;
  /** The agent monitored: a monitoring ends before the call changes hands, so it stays the same. */
  private readonly agentId: number | undefined;

  constructor(
    readonly lead: { id: number; workNumber: string },
    mode: MonitorMode,
    private readonly host: MonitorHost,
    private readonly deps: MonitorDeps,
  ) {
    this.modeNow = mode;
    this.agentId = host.agentId();
  }

  get state(): MonitorState {
    return this.stateNow;
  }

  get mode(): MonitorMode {
    return this.modeNow;
  }

  private move(to: MonitorState): void {
    if (!MONITOR_TRANSITIONS[this.stateNow].includes(to)) throw new Error(`monitor cannot go from ${this.stateNow} to ${to}`);
    this.stateNow = to;
  }

  /** Audits the start, rings the lead, and joins their leg to the call's mixer as they answer. */
  async start(): Promise<void> {
    this.audit('call.monitor_start', { mode: this.modeNow });
    this.publish('ringing');
    const result = await this.host.dialLead(this.lead.workNumber, this.modeNow, this.ring.signal);
    if (result.outcome !== 'answered') {
      if (this.stateNow === 'ringing') await this.end('no_answer');
      return;
    }
    const mixer = this.stateNow === 'ringing' ? await this.host.mixer() : undefined;
    if (!mixer || this.stateNow !== 'ringing') {
      // Answered as the call ended or moved on: the lead's softphone is hung up at once.
      await result.sipCall.bye();
      await result.leg.close();
      if (this.stateNow === 'ringing') await this.end('agents_changed');
      return;
    }
    const party = { call: result.sipCall, leg: result.leg };
    this.party = party;
    party.call.delegate = {
      ...party.call.delegate,
      onBye: () => void this.end('lead_hangup', true),
      onTerminated: () => void this.end('lead_hangup', true),
      onReinvite: (sdp) => party.leg.updateRemote(sdp),
    };
    this.mixer = mixer;
    mixer.add(party.leg, { speaksTo: leadSpeaksTo(this.modeNow, this.host.agentLegs()) });
    this.move('active');
    this.activeSince = this.deps.clock.now();
    this.deps.logger.info({ event: 'monitor_started', callId: this.host.callId, lead: this.lead.workNumber, mode: this.modeNow }, 'team lead monitoring');
    this.publish('started');
  }

  /** Another mode on the same leg: only whom the lead's audio reaches changes. */
  switchTo(mode: MonitorMode): void {
    if (this.stateNow === 'ended') throw new Error('the monitoring has ended');
    const from = this.modeNow;
    if (from === mode) return;
    this.modeNow = mode;
    if (this.party && this.mixer) this.mixer.setSpeaksTo(this.party.leg, leadSpeaksTo(mode, this.host.agentLegs()));
    this.audit('call.monitor_switch', { from, mode });
    this.publish('switched');
  }

  /**
   * Ends the monitoring (idempotent): the lead's leg leaves the mixer (the call's audio goes on
   * between the others) and their softphone is hung up unless they hung up themselves.
   */
  end(reason: MonitorEndReason, leadHungUp = false): Promise<void> {
    if (this.ending) return this.ending;
    const wasRinging = this.stateNow === 'ringing';
    this.move('ended');
    this.ring.abort();
    const seconds = this.activeSince === undefined ? 0 : Math.round((this.deps.clock.now() - this.activeSince) / 1000);
    this.audit('call.monitor_stop', { mode: this.modeNow, reason, seconds, answered: !wasRinging });
    this.publish('ended', reason);
    this.host.released(this);
    const party = this.party;
    this.party = undefined;
    if (party) this.mixer?.remove(party.leg);
    this.ending = (async () => {
      if (!party) return;
      if (!leadHungUp) await party.call.bye().catch(() => undefined);
      await party.leg.close();
    })();
    return this.ending;
  }

  private audit(action: string, detail: Record<string, unknown>): void {
    this.deps.audit({
      actorUserId: this.lead.id,
      action,
      entityType: 'call',
      entityId: this.host.callId,
      callId: this.host.callId,
      detail: { ...detail, agentId: this.agentId ?? null },
    });
  }

  private publish(stage: CallMonitorEvent['stage'], reason?: MonitorEndReason): void {
    const agentId = this.agentId;
    if (agentId === undefined) return;
    this.deps.publish({
      type: 'call.monitor',
      callId: this.host.callId,
      agentId,
      lead: { userId: this.lead.id, workNumber: this.lead.workNumber },
      mode: this.modeNow,
      stage,
      ...(reason ? { reason } : {}),
      agentNotified: this.deps.agentNotified,
    });
  }
}
