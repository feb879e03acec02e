// The center's replacements of shipped prompts. The database holds them (migration 29: the WAV and
// how it was made, by whom, what it says), so a backup and its restore carry them; the IVR plays
// the copy in the data folder, <id>.wav (voice/prompt-library.ts looks on every play), which
// `restoreFiles` writes from the rows at start. <id>.json beside it is the note people read.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Db } from '../db/database.js';
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

/** The closed-hours prompt spoken from the saved schedule (voice/service-schedule.ts) is that module's file, not a replacement. */
export const MADE_BY_SERVICE_HOURS = 'service-hours';

/** In a note: the file is a copy of a database row (a file without its row was reverted by a restore). */
interface FileNote extends ReplacementMeta {
  kept?: 'database';
}

type Row = { id: string; source: 'upload' | 'text'; text: string; fileName: string | null; updatedAt: number; updatedBy: string | null };

export interface RestoredFiles {
  written: string[];
  /** Files from before migration 29 (no row yet, no database note): taken into the database. */
  adopted: string[];
  /** Copies whose row is gone (a restored backup from before they were made): removed. */
  removed: string[];
}

export class PromptReplacements {
  private readonly q;

  constructor(
    private readonly db: Db,
    private readonly dir: string,
    private readonly now: () => number,
  ) {
    const meta = 'id, source, text, file_name AS fileName, updated_at AS updatedAt, updated_by AS updatedBy';
    this.q = {
      meta: db.prepare<[string], Row>(`SELECT ${meta} FROM ivr_prompt_replacements WHERE id = ?`),
      all: db.prepare<[], Row & { wav: Buffer }>(`SELECT ${meta}, wav FROM ivr_prompt_replacements ORDER BY id`),
      put: db.prepare<[Row & { wav: Buffer }]>(
        `INSERT OR REPLACE INTO ivr_prompt_replacements (id, wav, source, text, file_name, updated_at, updated_by)
         VALUES (@id, @wav, @source, @text, @fileName, @updatedAt, @updatedBy)`,
      ),
      remove: db.prepare<[string]>('DELETE FROM ivr_prompt_replacements WHERE id = ?'),
    };
  }

  wavOf(id: string): string {
    return join(this.dir, `${id}.wav`);
  }

  private noteOf(id: string): string {
    return join(this.dir, `${id}.json`);
  }

  /** How a prompt was replaced, or undefined while the shipped one plays. */
  get(id: string): ReplacementMeta | undefined {
    const row = this.q.meta.get(id);
    if (!row) return undefined;
    const { id: _id, ...meta } = row;
    return meta;
  }

  async fromText(id: string, text: string, by: string): Promise<ReplacementMeta> {
    await synthesizePrompt(text, this.wavOf(id));
    return this.keep(id, { source: 'text', text: text.trim(), fileName: null, updatedBy: by });
  }

  async fromUpload(id: string, bytes: Buffer, fileName: string, text: string, by: string): Promise<ReplacementMeta & { durationMs: number }> {
    const { durationMs } = await convertUpload(bytes, this.wavOf(id));
    return { ...(await this.keep(id, { source: 'upload', text, fileName, updatedBy: by })), durationMs };
  }

  /** Back to the shipped prompt; false when it was not replaced. */
  async revert(id: string): Promise<boolean> {
    const was = this.q.remove.run(id).changes > 0;
    // The WAV first: from then on the shipped prompt plays, whatever happens to the note.
    await rm(this.wavOf(id), { force: true });
    await rm(this.noteOf(id), { force: true });
    return was;
  }

  /**
   * At start: the data folder's copies made to match the database — after a restore, a new data
   * folder, or an upgrade from files-only replacements (adopted once). The closed-hours prompt of
   * the service schedule is left to its owner.
   */
  restoreFiles(): RestoredFiles {
    const result: RestoredFiles = { written: [], adopted: [], removed: [] };
    const rows = new Map(this.q.all.all().map((r) => [r.id, r]));
    const onDisk = existsSync(this.dir) ? readdirSync(this.dir).filter((f) => f.endsWith('.wav')) : [];
    for (const file of onDisk) {
      const id = file.slice(0, -4);
      if (rows.has(id)) continue;
      const note = this.readNote(id);
      if (note?.updatedBy === MADE_BY_SERVICE_HOURS) continue;
      if (note?.kept === 'database') {
        rmSync(this.wavOf(id), { force: true });
        rmSync(this.noteOf(id), { force: true });
        result.removed.push(id);
        continue;
      }
      // A WAV from before migration 29, or one put there by hand: it plays, so it is kept.
      const meta: ReplacementMeta = note ?? { source: 'upload', text: '', fileName: file, updatedAt: this.now(), updatedBy: null };
      const wav = readFileSync(this.wavOf(id));
      if (wav.length <= 44 || wav.subarray(0, 4).toString('latin1') !== 'RIFF') continue;
      this.q.put.run({ id, wav, ...meta });
      this.writeNoteSync(id, meta);
      result.adopted.push(id);
    }
    for (const [id, row] of rows) {
      const current = existsSync(this.wavOf(id)) ? readFileSync(this.wavOf(id)) : undefined;
      if (current?.equals(row.wav)) continue;
      const { wav, id: _id, ...meta } = row;
      writeFileAtomicallySync(this.wavOf(id), wav);
      this.writeNoteSync(id, meta);
      result.written.push(id);
    }
    return result;
  }

  private async keep(id: string, meta: Omit<ReplacementMeta, 'updatedAt'>): Promise<ReplacementMeta> {
    const full: ReplacementMeta = { ...meta, updatedAt: this.now() };
    try {
      this.q.put.run({ id, wav: await readFile(this.wavOf(id)), ...full });
    } catch (error) {
      // Never a played file the database does not know (a restart would take it away unannounced):
      // back to the kept replacement, or the shipped prompt.
      const before = this.q.all.all().find((r) => r.id === id);
      if (before) writeFileAtomicallySync(this.wavOf(id), before.wav);
      else await rm(this.wavOf(id), { force: true });
      throw error;
    }
    await writeAtomically(this.noteOf(id), (tmp) => writeFile(tmp, noteText(full)));
    return full;
  }

  private readNote(id: string): FileNote | undefined {
    try {
      return JSON.parse(readFileSync(this.noteOf(id), 'utf8')) as FileNote;
    } catch {
      return undefined;
    }
  }

  private writeNoteSync(id: string, meta: ReplacementMeta): void {
    writeFileAtomicallySync(this.noteOf(id), Buffer.from(noteText(meta)));
  }
}

const noteText = (meta: ReplacementMeta): string => JSON.stringify({ ...meta, kept: 'database' } satisfies FileNote, null, 2);

function writeFileAtomicallySync(file: string, bytes: Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
}
