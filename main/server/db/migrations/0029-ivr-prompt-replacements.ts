import type { Migration } from '../migrate.js';
// Owner: ivr-admin (docs/admin-console.md). A center's replacements of shipped prompts kept in the
// database, so that a backup (which copies the database only) and its restore carry them: the
// files in <data>/prompts/zh are written from these rows at start (ivr-admin/prompt-replacements.ts).
export const m0029IvrPromptReplacements: Migration = {
  version: 29,
  name: 'ivr-prompt-replacements',
  up(db) {
    db.exec(`
      CREATE TABLE ivr_prompt_replacements (
        id TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),
        -- The 8 kHz mono 16-bit WAV the IVR plays, header included.
        wav BLOB NOT NULL CHECK (length(wav) > 44 AND substr(wav, 1, 4) = X'52494646'),
        source TEXT NOT NULL CHECK (source IN ('upload', 'text')),
        text TEXT NOT NULL,
        file_name TEXT,
        updated_at INTEGER NOT NULL,
        updated_by TEXT
      ) STRICT;
    `);
  },
};
