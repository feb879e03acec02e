import type { MediaEngine } from '../media/media-engine.js';
import type { SipService } from '../sip/sip-service.js';
import { commonRefusal, ringCall, type RingOutcome } from './ring-call.js';
import { CALL_ID_HEADER, IVR_PATH_HEADER } from '../../../shared/sip/desk-headers.js';

export interface RingAgentRequest {
  callId: string;
  workNumber: string;
  callerNumber: string;
  /** Shown on the desk: the menu labels the caller went through. */
  ivrPath: readonly string[];
  ringTimeoutMs: number;
  /** Aborted when the caller hangs up while the agent rings. */
  signal?: AbortSignal;
  /** More desk headers on the INVITE (X-12329-Monitor when a team lead is rung to monitor). */
  headers?: Record<string, string>;
}

/**
 * Rings one agent's phone and returns the answered SIP call and its media leg, or why not: a
 * softphone in the desk (SIP over WebSocket) gets a WebRTC offer, a desk phone registered over
 * UDP plain RTP. The leg is closed on every outcome but 'answered'.
 */
export async function ringAgent(sip: SipService, media: MediaEngine, request: RingAgentRequest): Promise<RingOutcome> {
  const deskPhone = sip.registrations(request.workNumber)[0]?.transport === 'udp';
  const leg = await media.offer({ callId: request.callId, kind: deskPhone ? 'rtp' : 'webrtc' });
  const call = sip.inviteAgent(request.workNumber, leg.localSdp, {
    callerNumber: request.callerNumber,
    headers: {
      [CALL_ID_HEADER]: request.callId,
      // Percent-encoded UTF-8: SIP headers are ASCII-safe this way.
      [IVR_PATH_HEADER]: encodeURIComponent(request.ivrPath.join('>')),
      ...request.headers,
    },
  });

  return ringCall(call, leg, request, agentRefusal);
}

/** Our registrar's 480 or 404 means the agent's phone is not there: unreachable, not a missed ring. */
function agentRefusal(status: number): 'missed' | 'rejected' | 'unreachable' {
  return commonRefusal(status) ?? 'unreachable';
}
