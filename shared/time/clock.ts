/**
 * Time comes from here, injected (ServerContext.clock on the server), so that tests can run a
 * day, a week or a holiday in milliseconds. Portable: no Node or DOM.
 */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export class ManualClock implements Clock {
  constructor(private current: number) {}
  now(): number {
    return this.current;
  }
  set(ms: number): void {
    this.current = ms;
  }
  advance(ms: number): void {
    this.current += ms;
  }
}
