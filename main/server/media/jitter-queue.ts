// One mixer member's received audio, between packet arrival (whenever the network delivers it)
// and the mixer's 20 ms tick. At most MAX_QUEUED_FRAMES frames are kept: older audio is dropped,
// so a far end whose clock runs fast, or a burst after a stall, never adds lasting delay. After
// running dry (a talkspurt starts, or a late packet), one frame is held back for one tick, so that
// packets arriving just after the tick, then just before the next one, still play smoothly.
import { FRAME_SAMPLES } from './media-clock.js';

export const MAX_QUEUED_FRAMES = 3;
const CAPACITY = MAX_QUEUED_FRAMES * FRAME_SAMPLES;

export class JitterQueue {
  private readonly ring = new Int16Array(CAPACITY);
  private readonly frame = new Int16Array(FRAME_SAMPLES);
  private head = 0;
  private size = 0;
  private primed = false;
  private waited = 0;
  /** Samples thrown away because the queue was full. */
  dropped = 0;

  get queuedSamples(): number {
    return this.size;
  }

  push(samples: Int16Array): void {
    const input = samples.length > CAPACITY ? samples.subarray(samples.length - CAPACITY) : samples;
    const overflow = this.size + input.length - CAPACITY;
    if (overflow > 0) {
      this.head = (this.head + overflow) % CAPACITY;
      this.size -= overflow;
      this.dropped += overflow;
    }
    const tail = (this.head + this.size) % CAPACITY;
    const first = Math.min(input.length, CAPACITY - tail);
    this.ring.set(input.subarray(0, first), tail);
    if (first < input.length) this.ring.set(input.subarray(first), 0);
    this.size += input.length;
  }

  /** This tick's frame, or undefined (silence). The frame is reused by the next call. */
  take(): Int16Array | undefined {
    if (this.size < FRAME_SAMPLES) {
      this.primed = false;
      this.waited = 0;
      return undefined;
    }
    if (!this.primed) {
      if (this.size < 2 * FRAME_SAMPLES && this.waited < 1) {
        this.waited++;
        return undefined;
      }
      this.primed = true;
    }
    const first = Math.min(FRAME_SAMPLES, CAPACITY - this.head);
    this.frame.set(this.ring.subarray(this.head, this.head + first), 0);
    if (first < FRAME_SAMPLES) this.frame.set(this.ring.subarray(0, FRAME_SAMPLES - first), first);
    this.head = (this.head + FRAME_SAMPLES) % CAPACITY;
    this.size -= FRAME_SAMPLES;
    return this.frame;
  }

  clear(): void {
    this.head = 0;
    this.size = 0;
    this.primed = false;
    this.waited = 0;
  }
}
