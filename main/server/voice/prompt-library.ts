import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Recorded prompts by id (resources/prompts/zh/<id>.wav): no speech synthesis at run time. */
export class PromptLibrary {
  private readonly ids: Set<string>;

  constructor(private readonly dir: string) {
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
      return join(this.dir, `${id}.wav`);
    });
  }
}
