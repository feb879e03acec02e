import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupError } from './backup-error.js';
import { copyInWorker } from './backup-copy.js';
import { closeDatabase, openDatabase } from './database.js';
import { schemaVersion } from './migrate.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function liveDatabase(): { source: string; out: string; version: number } {
  const dir = mkdtempSync(join(tmpdir(), 'agent-desk-copy-'));
  dirs.push(dir);
  const source = join(dir, 'live.sqlite');
  const db = openDatabase(source);
  const version = schemaVersion(db);
  closeDatabase(db);
  return { source, out: join(dir, 'copy.sqlite'), version };
}

describe('backup copy on a worker thread', () => {
  it('copies and checks off the server thread, through a connection of its own', async () => {
    const { source, out, version } = liveDatabase();
    const result = await copyInWorker({ source, file: out, expectedVersion: version, pagesPerStep: 8 });
    expect(result.version).toBe(version);
    expect(result.pages).toBeGreaterThan(10);
    expect(result.threadId).not.toBe(threadId);
  });

  it('brings failures back as the same BackupError kinds', async () => {
    const { source, out, version } = liveDatabase();
    const wrongVersion = await copyInWorker({ source, file: out, expectedVersion: version + 1, pagesPerStep: 64 }).catch((e: unknown) => e);
    expect(wrongVersion).toBeInstanceOf(BackupError);
    expect(wrongVersion).toMatchObject({ kind: 'verify', message: `the copy has schema version ${version}, the database ${version + 1}` });
    const noSource = await copyInWorker({ source: `${source}.missing`, file: out, expectedVersion: version, pagesPerStep: 64 }).catch((e: unknown) => e);
    expect(noSource).toMatchObject({ kind: 'source', message: expect.stringMatching(/^cannot open the database to copy it/) });
  });
});
