import type { MediaLeg } from '../media/media-engine.js';
import type { OutgoingCall } from '../sip/sip-service.js';

export type RingOutcome =
  | { outcome: 'answered'; sipCall: OutgoingCall; leg: MediaLeg }
  /** No answer within the ring time. */
  | { outcome: 'missed' }
  /** The callee declined (486/603). */
  | { outcome: 'rejected'; status: number }
  /** The caller hung up while it rang. */
  | { outcome: 'abandoned' }
  /** Not reachable (not registered, a trunk that refuses, 5xx). */
  | { outcome: 'unreachable'; status: number };

/**
 * What a final refusal means depends on who was rung: a 480 from the carrier is a phone that was
 * off or out of coverage (a missed ring, try later), from our registrar an agent who is not there.
 */
export type RefusalMeaning = (status: number) => 'missed' | 'rejected' | 'unreachable';

export interface RingTiming {
  ringTimeoutMs: number;
  /** Aborted when the caller hangs up while it rings. */
  signal?: AbortSignal | undefined;
}

/**
 * Rings an INVITE already sent until it is answered, refused, times out or the caller goes; CANCELs
 * on timeout or abort. The leg is closed on every outcome but 'answered'.
 */
export async function ringCall(call: OutgoingCall, leg: MediaLeg, timing: RingTiming, meaning: RefusalMeaning): Promise<RingOutcome> {
  let cause: 'timeout' | 'abandoned' | undefined;
  const stop = (why: 'timeout' | 'abandoned') => {
    cause ??= why;
    call.cancel();
  };
  const timer = setTimeout(() => stop('timeout'), timing.ringTimeoutMs);
  const onAbort = () => stop('abandoned');
  timing.signal?.addEventListener('abort', onAbort, { once: true });
  if (timing.signal?.aborted) onAbort();

  const result = await call.result;
  clearTimeout(timer);
  timing.signal?.removeEventListener('abort', onAbort);

  if (result.answered) {
    if (cause === 'abandoned') {
      // The 200 crossed our CANCEL: the callee picked up a call whose caller is gone.
      await call.bye();
      await leg.close();
      return { outcome: 'abandoned' };
    }
    await leg.setRemoteAnswer(result.sdp);
    return { outcome: 'answered', sipCall: call, leg };
  }
  await leg.close();
  if (cause === 'abandoned') return { outcome: 'abandoned' };
  if (cause === 'timeout') return { outcome: 'missed' };
  const meant = meaning(result.status);
  return meant === 'missed' ? { outcome: 'missed' } : { outcome: meant, status: result.status };
}

/** 408 and 487 are a ring nobody answered; 486, 600 and 603 a refusal, everywhere. */
export function commonRefusal(status: number): 'missed' | 'rejected' | undefined {
  if (status === 408 || status === 487) return 'missed';
  if (status === 486 || status === 600 || status === 603) return 'rejected';
  return undefined;
}
