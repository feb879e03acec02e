// One 20 ms clock for every leg of the engine: prompt frames, DTMF packets, hold silence and
// recording frames are all produced on its ticks. Drift-free: tick n is due at start + n × 20 ms,
// so timer lateness never accumulates; a few missed ticks are caught up, a long stall resyncs.

export const FRAME_MS = 20;
export const FRAME_SAMPLES = 160;
const MAX_CATCH_UP = 5;

export type TickListener = () => void;

export class MediaClock {
  private readonly listeners = new Set<TickListener>();
  private timer: NodeJS.Timeout | undefined;
  private start = 0;
  private tick = 0;

  /** Runs `listener` every 20 ms until the returned function is called. */
  subscribe(listener: TickListener): () => void {
    this.listeners.add(listener);
    if (!this.timer) {
      this.start = performance.now();
      this.tick = 0;
      this.schedule();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.timer) {
        clearTimeout(this.timer);
        this.timer = undefined;
      }
    };
  }

  stop(): void {
    this.listeners.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    const due = this.start + (this.tick + 1) * FRAME_MS;
    this.timer = setTimeout(() => this.run(), Math.max(0, due - performance.now()));
  }

  private run(): void {
    const now = performance.now();
    let due = Math.floor((now - this.start) / FRAME_MS) - this.tick;
    if (due > MAX_CATCH_UP) {
      // The event loop stalled: skip the lost time instead of bursting packets.
      this.tick += due - 1;
      due = 1;
    }
    for (let i = 0; i < Math.max(1, due); i++) {
      this.tick++;
      for (const listener of [...this.listeners]) {
        try {
          listener();
        } catch (error) {
          // A failing leg must not stop the clock for the others.
          console.error('media clock listener failed', error);
        }
      }
    }
    if (this.listeners.size > 0) this.schedule();
    else this.timer = undefined;
  }
}
