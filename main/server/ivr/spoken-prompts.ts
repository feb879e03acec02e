import { createHash } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { TTS_VOICE, synthesizePrompt } from './tts/synthesize.js';

/** Prompt ids of speech made from a text: `spoken-` and a hash of the voice and the text. */
export const SPOKEN_PREFIX = 'spoken-';
const SPOKEN_ID = /^spoken-[0-9a-f]{24}$/;

export function isSpokenId(id: string): boolean {
  return SPOKEN_ID.test(id);
}

/**
 * Texts of the center's data (policy summaries, outlet addresses, districts) as prompts, made by
 * the TTS once and cached under the data folder by a hash of the text: a changed text is a new
 * prompt, so a call never hears a stale one. Made when an admin saves; a text read from a core
 * system is made in the background the first time a caller needs it.
 */
/** espeak-ng and sox runs at once: a first caller of a core system's outlet list must not start dozens. */
const MAX_AT_ONCE = 2;

export class SpokenPrompts {
  private readonly making = new Map<string, Promise<string>>();
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly dir: string) {}

  idFor(text: string): string {
    const hash = createHash('sha256')
      .update(`${TTS_VOICE.join(' ')}\n${text.trim()}`)
      .digest('hex');
    return `${SPOKEN_PREFIX}${hash.slice(0, 24)}`;
  }

  fileOf(id: string): string {
    return join(this.dir, `${id}.wav`);
  }

  /** The prompt id of a text whose speech is ready, else undefined. */
  ready(text: string): string | undefined {
    const id = this.idFor(text);
    return existsSync(this.fileOf(id)) ? id : undefined;
  }

  /** Makes the speech of a text unless it is ready; concurrent asks for one text share the work. */
  prepare(text: string): Promise<string> {
    const id = this.idFor(text);
    if (existsSync(this.fileOf(id))) return Promise.resolve(id);
    let pending = this.making.get(id);
    if (!pending) {
      pending = this.inTurn(() => synthesizePrompt(text, this.fileOf(id)))
        .then(() => id)
        .finally(() => this.making.delete(id));
      this.making.set(id, pending);
    }
    return pending;
  }

  /** Runs at most MAX_AT_ONCE at a time; a finished run hands its place to the next in line. */
  private async inTurn<T>(run: () => Promise<T>): Promise<T> {
    if (this.running >= MAX_AT_ONCE) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await run();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** Removes speech no text uses any more (after an admin's edit); returns how many files. */
  prune(keep: ReadonlySet<string>): number {
    if (!existsSync(this.dir)) return 0;
    let removed = 0;
    for (const file of readdirSync(this.dir)) {
      const id = file.replace(/\.wav$/, '');
      if (file.endsWith('.wav') && isSpokenId(id) && !keep.has(id) && !this.making.has(id)) {
        rmSync(join(this.dir, file), { force: true });
        removed++;
      }
    }
    return removed;
  }
}
