import type { MediaEngine, MediaLeg } from '../media/media-engine.js';
import type { OutgoingCall, SipService } from '../sip/sip-service.js';
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

export type RingOutcome =
  | { outcome: 'answered'; sipCall: OutgoingCall; leg: MediaLeg }
  /** No answer within the ring time. */
  | { outcome: 'missed' }
  /** The agent declined (486/603). */
  | { outcome: 'rejected'; status: number }
  /** The caller hung up while it rang. */
  | { outcome: 'abandoned' }
  /** Not reachable (not registered, 480/408/5xx). */
  | { outcome: 'unreachable'; status: number };

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

  let cause: 'timeout' | 'abandoned' | undefined;
  const stop = (why: 'timeout' | 'abandoned') => {
    cause ??= why;
    call.cancel();
  };
  const timer = setTimeout(() => stop('timeout'), request.ringTimeoutMs);
  const onAbort = () => stop('abandoned');
  request.signal?.addEventListener('abort', onAbort, { once: true });
  if (request.signal?.aborted) onAbort();

  const result = await call.result;
  clearTimeout(timer);
  request.signal?.removeEventListener('abort', onAbort);

  if (result.answered) {
    if (cause === 'abandoned') {
      // The 200 crossed our CANCEL: the agent picked up a call whose caller is gone.
      await call.bye();
      await leg.close();
      return { outcome: 'abandoned' };
    }
    await leg.setRemoteAnswer(result.sdp);
    return { outcome: 'answered', sipCall: call, leg };
  }
  await leg.close();
  if (cause === 'abandoned') return { outcome: 'abandoned' };
  if (cause === 'timeout' || result.status === 408 || result.status === 487) return { outcome: 'missed' };
  if (result.status === 486 || result.status === 603 || result.status === 600) return { outcome: 'rejected', status: result.status };
  return { outcome: 'unreachable', status: result.status };
}
