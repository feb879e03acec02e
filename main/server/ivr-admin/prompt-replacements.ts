// The center's replacements of shipped prompts, in the data folder: <id>.wav, played instead of
// the shipped one (voice/prompt-library.ts looks on every play), and <id>.json saying how it was
// made, by whom and what it says. Files only: nothing to migrate, and a backup of the data folder
// keeps them.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomically } from '../ivr/tts/prompt-format.js';
import { synthesizePrompt } from '../ivr/tts/synthesize.js';
import { convertUpload } from './prompt-upload.js';

export interface ReplacementMeta {
  source: 'upload' | 'text';
  /** What the prompt says now (the admin's text, or for an upload the text it replaces unless told). */
  text: string;
  fileName: string | null;
  updatedAt: number;
  updatedBy: string | null;
}

export class PromptReplacements {
  constructor(
    private readonly dir: string,
    private readonly now: () => number,
  ) {}

  wavOf(id: string): string {
    return join(this.dir, `${id}.wav`);
  }

  private metaOf(id: string): string {
    return join(this.dir, `${id}.json`);
  }

  /** How a prompt was replaced, or undefined while the shipped one plays. */
  get(id: string): ReplacementMeta | undefined {
    if (!existsSync(this.wavOf(id))) return undefined;
    try {
      return JSON.parse(readFileSync(this.metaOf(id), 'utf8')) as ReplacementMeta;
    } catch {
      // A WAV put there by hand: it plays, so it is listed as an upload nobody described.
      return { source: 'upload', text: '', fileName: `${id}.wav`, updatedAt: statSync(this.wavOf(id)).mtimeMs, updatedBy: null };
    }
  }

  async fromText(id: string, text: string, by: string): Promise<ReplacementMeta> {
    await synthesizePrompt(text, this.wavOf(id));
    return this.describe(id, { source: 'text', text: text.trim(), fileName: null, updatedBy: by });
  }

  async fromUpload(id: string, bytes: Buffer, fileName: string, text: string, by: string): Promise<ReplacementMeta & { durationMs: number }> {
    const { durationMs } = await convertUpload(bytes, this.wavOf(id));
    return { ...(await this.describe(id, { source: 'upload', text, fileName, updatedBy: by })), durationMs };
  }

  /** Back to the shipped prompt; false when it was not replaced. */
  async revert(id: string): Promise<boolean> {
    const was = existsSync(this.wavOf(id));
    // The WAV first: from then on the shipped prompt plays, whatever happens to the note.
    await rm(this.wavOf(id), { force: true });
    await rm(this.metaOf(id), { force: true });
    return was;
  }

  private async describe(id: string, meta: Omit<ReplacementMeta, 'updatedAt'>): Promise<ReplacementMeta> {
    const full: ReplacementMeta = { ...meta, updatedAt: this.now() };
    await writeAtomically(this.metaOf(id), (tmp) => writeFile(tmp, JSON.stringify(full, null, 2)));
    return full;
  }
}
