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
