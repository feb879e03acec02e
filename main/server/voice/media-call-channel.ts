import type { MediaLeg } from '../media/media-engine.js';
import type { CallChannel, CollectOptions, CollectResult, PlayOutcome } from '../ivr/call-channel.js';
import type { PromptLibrary } from './prompt-library.js';

/**
 * The IVR's view of a caller: a MediaLeg with a type-ahead buffer, so that a digit pressed during
 * a prompt (barge-in) or between two steps is never lost.
 */
export class MediaCallChannel implements CallChannel {
  private readonly buffer: string[] = [];
  private wake: (() => void) | undefined;
  private readonly unsubscribe: () => void;
  readonly closed: Promise<void>;

  constructor(
    private readonly leg: MediaLeg,
    private readonly prompts: PromptLibrary,
    private readonly onHangup: () => void | Promise<void>,
  ) {
    this.unsubscribe = leg.onDtmf((digit) => {
      this.buffer.push(digit);
      this.wake?.();
    });
    this.closed = leg.closed;
    void leg.closed.then(() => {
      this.unsubscribe();
      this.wake?.();
    });
  }

  async play(prompts: readonly string[], options: { interruptOnDtmf: boolean }): Promise<PlayOutcome> {
    // Type-ahead: a caller who already pressed a key does not have to hear the menu again.
    if (options.interruptOnDtmf && this.buffer.length > 0) return 'interrupted';
    return this.leg.play(this.prompts.files(prompts), { interruptOnDtmf: options.interruptOnDtmf });
  }

  async collectDigits(options: CollectOptions): Promise<CollectResult> {
    let digits = '';
    let isClosed = false;
    void this.leg.closed.then(() => (isClosed = true));
    for (;;) {
      while (this.buffer.length > 0) {
        const digit = this.buffer.shift()!;
        if (options.terminators.includes(digit)) return { digits, reason: 'terminator' };
        digits += digit;
        if (digits.length >= options.maxDigits) return { digits, reason: 'max' };
      }
      if (isClosed) return { digits, reason: 'closed' };
      const waited = await this.waitForDigit(digits ? options.interDigitTimeoutMs : options.timeoutMs);
      if (!waited) return { digits, reason: isClosed ? 'closed' : 'timeout' };
    }
  }

  hangup(): void | Promise<void> {
    return this.onHangup();
  }

  private waitForDigit(timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = undefined;
        resolve(false);
      }, timeoutMs);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve(this.buffer.length > 0);
      };
    });
  }
}
