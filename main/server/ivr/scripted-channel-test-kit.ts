// Tests only: an in-memory CallChannel that answers collectDigits() from a script and records
// what was played. The real media leg is tested in main/server/media; the voice glue runs the
// same flows over SIPp.
import type { CallChannel, CollectOptions, CollectResult, PlayOutcome } from './call-channel.js';

/** What the caller does at each prompt: key digits ('2', '12345#'), stay silent, or hang up. */
export type CallerMove = string | 'timeout' | 'hangup';

export class ScriptedChannel implements CallChannel {
  readonly played: string[][] = [];
  /** Whether a key could stop each play (barge-in), in the order played. */
  readonly interruptible: boolean[] = [];
  readonly collects: CollectOptions[] = [];
  hungUp = false;
  private isClosed = false;
  private resolveClosed!: () => void;
  readonly closed = new Promise<void>((resolve) => (this.resolveClosed = resolve));

  constructor(private readonly moves: CallerMove[]) {}

  async play(prompts: readonly string[], options: { interruptOnDtmf: boolean }): Promise<PlayOutcome> {
    if (this.isClosed) return 'closed';
    this.played.push([...prompts]);
    this.interruptible.push(options.interruptOnDtmf);
    return 'completed';
  }

  async collectDigits(options: CollectOptions): Promise<CollectResult> {
    this.collects.push(options);
    if (this.isClosed) return { digits: '', reason: 'closed' };
    // A caller who runs out of script hangs up, so a looping flow ends the test.
    const move = this.moves.shift() ?? 'hangup';
    if (move === 'hangup') {
      this.close();
      return { digits: '', reason: 'closed' };
    }
    if (move === 'timeout') return { digits: '', reason: 'timeout' };
    let digits = '';
    for (const d of move) {
      if (options.terminators.includes(d)) return { digits, reason: 'terminator' };
      digits += d;
      if (digits.length >= options.maxDigits) return { digits, reason: 'max' };
    }
    return { digits, reason: 'timeout' };
  }

  hangup(): void {
    this.hungUp = true;
    this.close();
  }

  /** Every prompt id played, in order. */
  get prompts(): string[] {
    return this.played.flat();
  }

  get remainingMoves(): number {
    return this.moves.length;
  }

  private close(): void {
    this.isClosed = true;
    this.resolveClosed();
  }
}
