import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupError } from './backup-error.js';
import { verifyCopyInWorker } from './backup-verify.js';
import { closeDatabase, openDatabase } from './database.js';
import { schemaVersion } from './migrate.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function copyOnDisk(): { file: string; version: number } {
  const dir = mkdtempSync(join(tmpdir(), 'agent-desk-verify-'));
  dirs.push(dir);
  const file = join(dir, 'copy.sqlite');
  const db = openDatabase(file);
  const version = schemaVersion(db);
  closeDatabase(db);
  return { file, version };
}

describe('backup verification on a worker thread', () => {
  it('checks the copy off the server thread and reports its pages and version', async () => {
    const { file, version } = copyOnDisk();
    const result = await verifyCopyInWorker({ file, expectedVersion: version });
    expect(result.version).toBe(version);
    expect(result.pages).toBeGreaterThan(10);
    expect(result.threadId).not.toBe(threadId);
  });

  it('brings a failed check back as the same BackupError kind', async () => {
    const { file, version } = copyOnDisk();
    const error = await verifyCopyInWorker({ file, expectedVersion: version + 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect(error).toMatchObject({ kind: 'verify', message: `the copy has schema version ${version}, the database ${version + 1}` });
    const missing = await verifyCopyInWorker({ file: `${file}.missing`, expectedVersion: version }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ kind: 'verify', message: expect.stringMatching(/^cannot open the copy/) });
  });
});
