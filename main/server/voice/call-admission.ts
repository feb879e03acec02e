import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/** Why a new call was turned away: each is counted for the operations metrics. */
export type ShedReason = 'calls_limit' | 'call_rate' | 'event_loop_lag';

export interface AdmissionLimits {
  /** Inbound calls held at once (IVR, queue, with an agent). */
  maxCalls: number;
  /** New inbound calls per second, sustained; bursts up to one second's worth. */
  maxCallsPerSecond: number;
  /** Event-loop delay (p99 over the last second, ms) past which RTP timing suffers: new calls wait. Unset: not watched. */
  maxEventLoopDelayMs?: number | undefined;
}

export interface AdmissionRefusal {
  reason: ShedReason;
  /** Seconds a trunk should wait before offering calls again (Retry-After). */
  retryAfterSeconds: number;
}

/**
 * Overload control for new inbound calls (RFC 7339's simplest form: 503 + Retry-After, which a
 * trunk answers by rerouting). Calls in progress are never touched; what would overload the server
 * is refused at the door, before it holds a media socket, a record or a timer.
 */
export class CallAdmission {
  private tokens: number;
  private refilledAt: number;
  private readonly shed: Record<ShedReason, number> = { calls_limit: 0, call_rate: 0, event_loop_lag: 0 };
  private readonly loop: IntervalHistogram | undefined;
  private loopWindowStart: number;
  private loopP99Ms = 0;

  constructor(
    private readonly limits: AdmissionLimits,
    private readonly now: () => number = () => performance.now(),
    /** Tests give a fixed reading; the server measures its own loop. */
    private readonly eventLoopDelayMs?: () => number,
  ) {
    this.tokens = limits.maxCallsPerSecond;
    this.refilledAt = now();
    this.loopWindowStart = this.refilledAt;
    if (!eventLoopDelayMs && limits.maxEventLoopDelayMs !== undefined) {
      this.loop = monitorEventLoopDelay({ resolution: 10 });
      this.loop.enable();
    }
  }

  /** Undefined when the call may come in (and it is counted against the rate), else why not. */
  admit(liveCalls: number): AdmissionRefusal | undefined {
    const refusal = this.check(liveCalls);
    if (refusal) this.shed[refusal.reason]++;
    else this.tokens -= 1;
    return refusal;
  }

  /** Calls refused so far, by reason. */
  shedCounts(): Readonly<Record<ShedReason, number>> {
    return { ...this.shed };
  }

  close(): void {
    this.loop?.disable();
  }

  private check(liveCalls: number): AdmissionRefusal | undefined {
    if (liveCalls >= this.limits.maxCalls) return { reason: 'calls_limit', retryAfterSeconds: 10 };
    if (this.limits.maxEventLoopDelayMs !== undefined && this.loopDelayMs() > this.limits.maxEventLoopDelayMs)
      return { reason: 'event_loop_lag', retryAfterSeconds: 5 };
    this.refill();
    if (this.tokens < 1) return { reason: 'call_rate', retryAfterSeconds: Math.max(1, Math.ceil((1 - this.tokens) / this.limits.maxCallsPerSecond)) };
    return undefined;
  }

  private refill(): void {
    const now = this.now();
    const rate = this.limits.maxCallsPerSecond;
    this.tokens = Math.min(rate, this.tokens + ((now - this.refilledAt) / 1000) * rate);
    this.refilledAt = now;
  }

  /** p99 of the loop's delay over the last full second: one slow tick does not shed calls. */
  private loopDelayMs(): number {
    if (this.eventLoopDelayMs) return this.eventLoopDelayMs();
    const now = this.now();
    if (now - this.loopWindowStart >= 1000 && this.loop) {
      this.loopP99Ms = this.loop.percentile(99) / 1e6;
      this.loop.reset();
      this.loopWindowStart = now;
    }
    return this.loopP99Ms;
  }
}
