/**
 * What the IVR needs of a call: play prompts, collect digits, hang up, know when the caller left.
 * The voice glue adapts a MediaLeg (main/server/media) to it; tests use a scripted channel.
 *
 * Contract: a digit that interrupts play() (barge-in) is not lost: the next collectDigits()
 * returns it first. Prompts are ids of resources/prompts/zh/prompts.json; the adapter plays
 * `<promptsDir>/<id>.wav` (see promptFile()).
 */
export type PlayOutcome = 'completed' | 'interrupted' | 'closed';

export interface CollectOptions {
  maxDigits: number;
  /** Time for the first digit. */
  timeoutMs: number;
  /** Time between digits once one came. */
  interDigitTimeoutMs: number;
  /** Digits that end input and are not part of it, e.g. ['#']. */
  terminators: readonly string[];
}

export interface CollectResult {
  digits: string;
  reason: 'max' | 'terminator' | 'timeout' | 'closed';
}

export interface CallChannel {
  play(prompts: readonly string[], options: { interruptOnDtmf: boolean }): Promise<PlayOutcome>;
  collectDigits(options: CollectOptions): Promise<CollectResult>;
  hangup(): void | Promise<void>;
  /** Resolves when the caller hung up (or the call ended otherwise). */
  readonly closed: Promise<void>;
}

/** The WAV file of a prompt id. */
export function promptFile(promptsDir: string, id: string): string {
  return `${promptsDir}/${id}.wav`;
}
