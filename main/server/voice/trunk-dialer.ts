import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { MediaEngine } from '../media/media-engine.js';
import type { OutgoingCall, SipService } from '../sip/sip-service.js';
import { commonRefusal, ringCall, type RingOutcome } from './ring-call.js';

export interface TrunkSettings {
  /** sip:host[:port] of the carrier's trunk; the dialled number becomes its user part. */
  trunk: string;
  /** The server listens on IPv6: a trunk name is resolved to an IPv6 address. */
  ipv6: boolean;
  /** The From user the called party sees. */
  callerId: string;
  /** The center's account with the carrier, for trunks that challenge our INVITEs. */
  credentials?: { username: string; password: string } | undefined;
}

/**
 * Every call the center places through its carrier: agents' follow-up calls (回访) and transfers
 * to a department's extension. One place knows how the trunk is addressed and authenticated.
 */
export class TrunkDialer {
  constructor(
    private readonly sip: SipService,
    readonly settings: TrunkSettings,
  ) {}

  /** Where this call's INVITE goes (a name is looked up now); throws when it does not resolve. */
  route(): Promise<{ address: string; port: number }> {
    return resolveTrunk(this.settings.trunk, this.settings.ipv6);
  }

  /** INVITE sip:<number>@<trunk> from the center's caller id, answering one digest challenge. */
  invite(number: string, localSdp: string, sendTo: { address: string; port: number }): OutgoingCall {
    const credentials = this.settings.credentials;
    return this.sip.inviteUri(this.settings.trunk.replace(/^sip:/, `sip:${number}@`), localSdp, {
      callerNumber: this.settings.callerId,
      sendTo,
      ...(credentials ? { credentials } : {}),
    });
  }
}

export interface RingNumberRequest {
  callId: string;
  number: string;
  ringTimeoutMs: number;
  signal: AbortSignal;
}

/**
 * Rings a number through the trunk with a plain RTP leg, as ringAgent rings a softphone: the
 * answered call and its leg, or why not (busy or declined → rejected; no answer → missed; a trunk
 * that cannot be reached or refuses → unreachable). The leg is closed on every outcome but 'answered'.
 */
export async function ringThroughTrunk(dialer: TrunkDialer, media: MediaEngine, request: RingNumberRequest): Promise<RingOutcome> {
  let sendTo: { address: string; port: number };
  try {
    sendTo = await dialer.route();
  } catch {
    return { outcome: 'unreachable', status: 503 };
  }
  if (request.signal.aborted) return { outcome: 'abandoned' };
  const leg = await media.offer({ callId: request.callId, kind: 'rtp' });
  const call = dialer.invite(request.number, leg.localSdp, sendTo);
  return ringCall(call, leg, request, trunkRefusal);
}

/** The carrier's 480 is a phone switched off or out of coverage: a missed ring the agent may try again. */
function trunkRefusal(status: number): 'missed' | 'rejected' | 'unreachable' {
  return status === 480 ? 'missed' : (commonRefusal(status) ?? 'unreachable');
}

/**
 * The trunk's address for this call: its IP, or its name looked up now (the OS caches; a carrier
 * that moves its SBC is followed without a restart). The Request-URI keeps the name.
 */
export async function resolveTrunk(trunk: string, ipv6: boolean): Promise<{ address: string; port: number }> {
  const m = /^sip:(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(trunk);
  if (!m) throw new Error(`not a trunk address: ${trunk}`);
  const host = m[1]!.replace(/^\[|\]$/g, '');
  const port = m[2] ? Number(m[2]) : 5060;
  if (isIP(host)) return { address: host, port };
  const { address } = await lookup(host, { family: ipv6 ? 6 : 4 });
  return { address, port };
}
