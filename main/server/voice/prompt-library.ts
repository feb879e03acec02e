import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Recorded prompts by id (resources/prompts/zh/<id>.wav). A prompt made at run time (the closed-hours
 * prompt from the admin's schedule) lies in `madeDir` (<data dir>/prompts/zh) and wins over the
 * shipped one of the same id from the next time it is played.
 */
export class PromptLibrary {
  private readonly ids: Set<string>;

  constructor(
    private readonly dir: string,
    private readonly madeDir?: string,
  ) {
    if (!existsSync(dir)) throw new Error(`prompt folder ${dir} does not exist`);
    this.ids = new Set(
      readdirSync(dir)
        .filter((f) => f.endsWith('.wav'))
        .map((f) => f.slice(0, -4)),
    );
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** Files for a sequence of ids; an unknown id is a programming error, so it throws. */
  files(ids: readonly string[]): string[] {
    return ids.map((id) => {
      if (!this.ids.has(id)) throw new Error(`no recorded prompt "${id}" in ${this.dir}`);
      const made = this.madeDir && join(this.madeDir, `${id}.wav`);
      return made && existsSync(made) ? made : join(this.dir, `${id}.wav`);
    });
  }
}

/** Where prompts made at run time are written: <data dir>/prompts/zh (they outlive an upgrade of resources/). */
export function madePromptsDir(dataDir: string): string {
  return join(dataDir, 'prompts', 'zh');
}
