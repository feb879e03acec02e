export class IllegalTransitionError extends Error {
  override name = 'IllegalTransitionError';
}

/** A state with its legal transitions listed in one table; anything else throws. */
export class StateMachine<S extends string> {
  constructor(
    private readonly what: string,
    private readonly table: Readonly<Record<S, readonly S[]>>,
    private current: S,
  ) {}

  get state(): S {
    return this.current;
  }

  can(next: S): boolean {
    return this.table[this.current].includes(next);
  }

  to(next: S): void {
    if (!this.can(next)) throw new IllegalTransitionError(`${this.what}: ${this.current} → ${next} is not a legal transition`);
    this.current = next;
  }

  is(...states: S[]): boolean {
    return states.includes(this.current);
  }
}
