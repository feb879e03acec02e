import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PromptDirs } from '../ivr/prompt-dirs.js';
import { isSpokenId } from '../ivr/spoken-prompts.js';

/**
 * Recorded prompts by id: the shipped resources/prompts/zh/<id>.wav, unless the center replaced it
 * (the data folder's prompts/zh/<id>.wav, looked up on every play so that a replacement is heard on
 * the next call), and speech made from the center's texts (`spoken-…`, spoken-prompts.ts).
 */
export class PromptLibrary {
  private readonly ids: Set<string>;
  private readonly dirs: Partial<PromptDirs> & { shipped: string };

  constructor(dirs: string | (Partial<PromptDirs> & { shipped: string })) {
    this.dirs = typeof dirs === 'string' ? { shipped: dirs } : dirs;
    if (!existsSync(this.dirs.shipped)) throw new Error(`prompt folder ${this.dirs.shipped} does not exist`);
    this.ids = new Set(
      readdirSync(this.dirs.shipped)
        .filter((f) => f.endsWith('.wav'))
        .map((f) => f.slice(0, -4)),
    );
  }

  has(id: string): boolean {
    return this.ids.has(id) || (this.dirs.spoken !== undefined && isSpokenId(id) && existsSync(join(this.dirs.spoken, `${id}.wav`)));
  }

  /** The file played for one id now; an unknown id is a programming error, so it throws. */
  file(id: string): string {
    if (this.ids.has(id)) {
      const replaced = this.dirs.replaced && join(this.dirs.replaced, `${id}.wav`);
      return replaced && existsSync(replaced) ? replaced : join(this.dirs.shipped, `${id}.wav`);
    }
    if (this.dirs.spoken && isSpokenId(id)) {
      const spoken = join(this.dirs.spoken, `${id}.wav`);
      if (existsSync(spoken)) return spoken;
    }
    throw new Error(`no recorded prompt "${id}" in ${this.dirs.shipped}`);
  }

  /** Files for a sequence of ids. */
  files(ids: readonly string[]): string[] {
    return ids.map((id) => this.file(id));
  }
}

/** Where prompts made at run time are written: <data dir>/prompts/zh (they outlive an upgrade of resources/). */
export function madePromptsDir(dataDir: string): string {
  return join(dataDir, 'prompts', 'zh');
}
