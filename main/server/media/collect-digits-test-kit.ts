import type { DtmfDigit, MediaLeg } from './media-engine.js';

export interface CollectDigitsOptions {
  /** Stop after this many digits (terminators not counted). */
  maxDigits: number;
  /** Time for the first digit. */
  timeoutMs: number;
  /** Time between digits once one came; defaults to timeoutMs. */
  interDigitTimeoutMs?: number;
  /** Digits that end input early and are not part of the result, e.g. ['#']. */
  terminators?: readonly DtmfDigit[];
  /** Abort = resolve now with what was collected, reason 'timeout'. */
  signal?: AbortSignal;
  /** Digits already received (e.g. the barge-in digit that interrupted a prompt). */
  initialDigits?: string;
}

export type CollectReason = 'max' | 'terminator' | 'timeout' | 'closed';

export interface CollectResult {
  digits: string;
  reason: CollectReason;
  /** The terminator that ended input, if any. */
  terminator?: DtmfDigit;
}

/**
 * Plays prompts with barge-in and collects digits, without losing the digit that interrupted the
 * prompt (the listener is in place before the prompt starts). The IVR's "menu" step.
 */
export async function playAndCollect(leg: MediaLeg, files: readonly string[], options: CollectDigitsOptions): Promise<CollectResult> {
  let early = options.initialDigits ?? '';
  const unsubscribe = leg.onDtmf((digit) => (early += digit));
  let result;
  try {
    result = await leg.play(files, { interruptOnDtmf: true, signal: options.signal });
  } finally {
    unsubscribe();
  }
  if (result === 'closed') return { digits: '', reason: 'closed' };
  return collectDigits(leg, { ...options, initialDigits: early });
}

/**
 * Collects digits from a leg, RFC 4733 and SIP INFO alike (both arrive through onDtmf).
 * Only the MediaLeg interface is used, so it works with any engine.
 */
export function collectDigits(leg: MediaLeg, options: CollectDigitsOptions): Promise<CollectResult> {
  const terminators = new Set(options.terminators ?? []);
  const interDigit = options.interDigitTimeoutMs ?? options.timeoutMs;
  let digits = '';
  for (const d of options.initialDigits ?? '') {
    if (terminators.has(d)) return Promise.resolve({ digits, reason: 'terminator', terminator: d });
    digits += d;
  }
  if (digits.length >= options.maxDigits) return Promise.resolve({ digits: digits.slice(0, options.maxDigits), reason: 'max' });

  return new Promise<CollectResult>((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    let done = false;
    const finish = (result: CollectResult): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      unsubscribe();
      options.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const arm = (ms: number): void => {
      clearTimeout(timer);
      timer = setTimeout(() => finish({ digits, reason: 'timeout' }), ms);
    };
    const onAbort = (): void => finish({ digits, reason: 'timeout' });
    const unsubscribe = leg.onDtmf((digit) => {
      if (terminators.has(digit)) return finish({ digits, reason: 'terminator', terminator: digit });
      digits += digit;
      if (digits.length >= options.maxDigits) return finish({ digits, reason: 'max' });
      arm(interDigit);
    });
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort);
    void leg.closed.then(() => finish({ digits, reason: 'closed' }));
    arm(digits.length > 0 ? interDigit : options.timeoutMs);
  });
}
