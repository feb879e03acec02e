import type { CallChannel } from '../ivr/call-channel.js';
import { CallerHungUp } from '../ivr/ivr-engine.js';
import { readInteger } from '../../../shared/number-reading/number-reading.js';

/** Thrown when the caller hangs up inside an action; the engine then ends the run as caller-hangup. */
export class CallerGone extends CallerHungUp {
  constructor() {
    super('caller hung up');
  }
}

/** Plays prompts; a digit keyed meanwhile interrupts them and waits in the type-ahead buffer. */
export async function say(channel: CallChannel, prompts: readonly string[]): Promise<void> {
  if (prompts.length === 0) return;
  if ((await channel.play(prompts, { interruptOnDtmf: true })) === 'closed') throw new CallerGone();
}

export interface AskOptions {
  maxDigits?: number;
  timeoutMs?: number;
  terminators?: readonly string[];
}

/** Plays a question and collects the answer ('' on a timeout). */
export async function ask(channel: CallChannel, prompts: readonly string[], options: AskOptions = {}): Promise<string> {
  await say(channel, prompts);
  const timeoutMs = options.timeoutMs ?? 6_000;
  const r = await channel.collectDigits({
    maxDigits: options.maxDigits ?? 1,
    timeoutMs,
    interDigitTimeoutMs: Math.min(timeoutMs, 3_000),
    terminators: options.terminators ?? [],
  });
  if (r.reason === 'closed') throw new CallerGone();
  return r.digits;
}

/** How a readout ends: back to the menu that led here, or on to 人工. */
export type ReadoutExit = 'back' | 'agent';

/** Tries before a silent or mistyping caller is sent back (the guideline's replay-twice rule). */
export const MAX_TRIES = 3;

/**
 * Reads information, then offers 重听 (#), 返回 (*), 人工 (0). # replays the information itself,
 * not only the offer, which a flow menu could not do.
 */
export async function readout(channel: CallChannel, info: readonly string[], timeoutMs = 5_000): Promise<ReadoutExit> {
  let before: string[] = [];
  for (let tries = 0, replay = true; tries < MAX_TRIES;) {
    const digit = await ask(channel, [...before, ...(replay ? info : []), 'menu-after-query'], { timeoutMs });
    before = [];
    if (digit === '#') {
      replay = true;
      continue;
    }
    if (digit === '*') return 'back';
    if (digit === '0') return 'agent';
    tries++;
    replay = false;
    before = digit ? ['invalid'] : ['timeout'];
  }
  return 'back';
}

/**
 * A numbered list read as 「<item> 请按 <n>」; answers the chosen index (0-based), or undefined
 * after MAX_TRIES wrong or missing answers, or 'back' on *. Lists longer than 9 end with #.
 */
export async function choose(
  channel: CallChannel,
  intro: readonly string[],
  items: ReadonlyArray<readonly string[]>,
  timeoutMs = 6_000,
): Promise<number | 'back' | undefined> {
  const long = items.length > 9;
  const list = items.flatMap((item, i) => [...item, 'press', ...readInteger(i + 1)]);
  let before: string[] = [];
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    const answer = await ask(channel, [...before, ...intro, ...list], { maxDigits: long ? 2 : 1, timeoutMs, terminators: long ? ['#'] : [] });
    if (answer === '*') return 'back';
    const n = /^\d+$/.test(answer) ? Number(answer) : NaN;
    if (n >= 1 && n <= items.length) return n - 1;
    before = answer ? ['invalid'] : ['timeout'];
  }
  return undefined;
}
