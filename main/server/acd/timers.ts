import type { ManualClock } from '../clock.js';

export interface TimerHandle {
  cancel(): void;
}

/** Timers behind an interface, so that tests drive ring timeouts and ACW limits without sleeping. */
export interface Timers {
  after(ms: number, fn: () => void): TimerHandle;
}

export const systemTimers: Timers = {
  after(ms, fn) {
    const t = setTimeout(fn, ms);
    // A pending ring or ACW timer must not keep a stopping server alive.
    t.unref();
    return { cancel: () => clearTimeout(t) };
  },
};

interface Pending {
  due: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

/** Tests: timers on a ManualClock; advance() fires them in due order and lets promises settle between. */
export class ManualTimers implements Timers {
  private pending: Pending[] = [];
  private seq = 0;

  constructor(readonly clock: ManualClock) {}

  after(ms: number, fn: () => void): TimerHandle {
    const p: Pending = { due: this.clock.now() + ms, seq: this.seq++, fn, cancelled: false };
    this.pending.push(p);
    return { cancel: () => (p.cancelled = true) };
  }

  get size(): number {
    return this.pending.filter((p) => !p.cancelled).length;
  }

  async advance(ms: number): Promise<void> {
    const target = this.clock.now() + ms;
    await flushPromises();
    for (;;) {
      this.pending = this.pending.filter((p) => !p.cancelled);
      const next = this.pending.filter((p) => p.due <= target).sort((a, b) => a.due - b.due || a.seq - b.seq)[0];
      if (!next) break;
      next.cancelled = true;
      this.clock.set(Math.max(this.clock.now(), next.due));
      next.fn();
      await flushPromises();
    }
    this.clock.set(target);
  }
}

/** Lets every already-resolved promise chain run (a macrotask turn). */
export function flushPromises(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
