import type { Clock } from '../clock.js';

export const MAX_FAILURES = 10;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

/**
 * Failed logins per work number in a sliding 15-minute window. In memory: one server per center,
 * and a restart costs an attacker a restart, not a bypass.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly clock: Clock) {}

  isBlocked(workNumber: string): boolean {
    return this.recent(workNumber).length >= MAX_FAILURES;
  }

  recordFailure(workNumber: string): void {
    const list = this.recent(workNumber);
    list.push(this.clock.now());
    this.failures.set(workNumber, list);
    if (this.failures.size > 10_000) this.prune();
  }

  reset(workNumber: string): void {
    this.failures.delete(workNumber);
  }

  private recent(workNumber: string): number[] {
    const since = this.clock.now() - FAILURE_WINDOW_MS;
    return (this.failures.get(workNumber) ?? []).filter((at) => at > since);
  }

  private prune(): void {
    for (const key of [...this.failures.keys()]) {
      if (this.recent(key).length === 0) this.failures.delete(key);
    }
  }
}
