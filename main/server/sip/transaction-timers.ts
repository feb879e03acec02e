/** RFC 3261 §17 timer base values; tests may shorten them. */
export interface SipTimerValues {
  T1: number;
  T2: number;
  T4: number;
}

export const DEFAULT_TIMERS: SipTimerValues = { T1: 500, T2: 4000, T4: 5000 };

/** Named one-shot timers of one transaction or dialog, all cleared together. */
export class TimerSet {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  set(name: string, ms: number, fire: () => void): void {
    this.clear(name);
    const timer = setTimeout(() => {
      this.timers.delete(name);
      fire();
    }, ms);
    timer.unref();
    this.timers.set(name, timer);
  }

  clear(name: string): void {
    const timer = this.timers.get(name);
    if (timer) clearTimeout(timer);
    this.timers.delete(name);
  }

  has(name: string): boolean {
    return this.timers.has(name);
  }

  clearAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

/**
 * Work due after one fixed delay (Timer J of every completed non-INVITE server transaction over
 * UDP, 64·T1): a first-in first-out list under one timer. A timer per transaction kept ~100 k
 * timers alive at 2,000 REGISTERs a second (issue 17). Date.now, so that fake timers drive it.
 */
export class FixedDelayQueue {
  private items: Array<{ at: number; fire: () => void }> = [];
  private head = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly delayMs: number) {}

  add(fire: () => void): void {
    this.items.push({ at: Date.now() + this.delayMs, fire });
    if (!this.timer) this.arm();
  }

  get size(): number {
    return this.items.length - this.head;
  }

  /** Drops everything unfired (the stack closes). */
  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.items = [];
    this.head = 0;
  }

  private arm(): void {
    const next = this.items[this.head];
    if (!next) return;
    this.timer = setTimeout(() => this.run(), Math.max(0, next.at - Date.now()));
    this.timer.unref();
  }

  private run(): void {
    this.timer = undefined;
    const now = Date.now();
    while (this.head < this.items.length && this.items[this.head]!.at <= now) {
      const item = this.items[this.head]!;
      this.items[this.head++] = undefined as never; // let it be collected before the list is compacted
      item.fire();
    }
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    this.arm();
  }
}
