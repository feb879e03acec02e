import { join } from 'node:path';

/**
 * Where prompts live: the shipped ones (resources/prompts/zh, made at build time), the center's
 * replacements of them, and speech made from the center's texts (policies, outlets). The last two
 * are in the data folder: an upgrade replaces resources/ and must not lose a center's prompts.
 */
export interface PromptDirs {
  shipped: string;
  /** <id>.wav played instead of the shipped <id>.wav, with <id>.json saying who made it and how. */
  replaced: string;
  /** spoken-<hash>.wav: one per text (spoken-prompts.ts). */
  spoken: string;
}

export function promptDirs(config: { resourcesDir: string; dataDir: string }): PromptDirs {
  return {
    shipped: join(config.resourcesDir, 'prompts', 'zh'),
    replaced: join(config.dataDir, 'prompts', 'zh'),
    spoken: join(config.dataDir, 'prompts', 'spoken'),
  };
}
