import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_FILE, closeDatabase, openDatabase, type Db } from './database.js';
import { MIGRATIONS } from './migrations/index.js';
import { BackupError, backupStamp, backupToFile, backupToFolder, rotateBackups } from './backup.js';
import { APP_ROOT } from '../app-root.js';

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'agent-desk-backup-'));
  dirs.push(dir);
  return dir;
}

/** A migrated database with a probe table of `rows` 2 KiB rows, so a copy takes many pages. */
function liveDatabase(rows: number): { dataDir: string; file: string; db: Db } {
  const dataDir = tempDir();
  const file = join(dataDir, DATABASE_FILE);
  const db = openDatabase(file);
  db.exec('CREATE TABLE probe (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO probe (body) VALUES (randomblob(2048))');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run();
  })();
  return { dataDir, file, db };
}

function readCopy(file: string): { ok: string; version: number; count: number; maxId: number; journal: string } {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const { count, maxId } = copy.prepare('SELECT count(*) AS count, max(id) AS maxId FROM probe').get() as { count: number; maxId: number };
    return {
      ok: copy.pragma('integrity_check', { simple: true }) as string,
      version: copy.pragma('user_version', { simple: true }) as number,
      count,
      maxId,
      journal: copy.pragma('journal_mode', { simple: true }) as string,
    };
  } finally {
    copy.close();
  }
}

describe('online backup', () => {
  it('copies a database another process writes to in a loop: the copy is whole and has every row committed before it started', async () => {
    const { file, db } = liveDatabase(8000);
    closeDatabase(db);
    // The server stand-in: a separate process committing one row per transaction as fast as it can.
    const writer = spawn(
      process.execPath,
      [
        '-e',
        `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(file)}); db.pragma('journal_mode = WAL'); db.pragma('busy_timeout = 5000');
       const insert = db.prepare('INSERT INTO probe (body) VALUES (randomblob(2048))'); for (;;) insert.run();`,
      ],
      { cwd: APP_ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    children.push(writer);

    const source = new Database(file, { readonly: true });
    source.pragma('busy_timeout = 5000');
    const count = () => source.prepare('SELECT max(id) FROM probe').pluck().get() as number;
    const deadline = Date.now() + 10_000;
    while (count() < 8200 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const committedBefore = count();
    expect(committedBefore).toBeGreaterThanOrEqual(8200);

    // Small steps on purpose: the writer restarts the copy, which must still finish.
    const out = join(tempDir(), 'copy.sqlite');
    const result = await backupToFile(source, out, { pagesPerStep: 64 });
    const committedAfter = count();
    source.close();

    expect(committedAfter).toBeGreaterThan(committedBefore); // the writer really was writing
    const copy = readCopy(out);
    expect(copy.ok).toBe('ok');
    expect(copy.version).toBe(MIGRATIONS.length);
    expect(copy.maxId).toBeGreaterThanOrEqual(committedBefore);
    expect(copy.count).toBe(copy.maxId); // one snapshot: no gaps
    expect(copy.journal).toBe('delete'); // one self-contained file, no -wal needed
    expect(result).toMatchObject({ file: out, schemaVersion: MIGRATIONS.length });
    expect(result.pages).toBeGreaterThan(4000);
    expect(result.bytes).toBe(result.pages * 4096);
    expect(readdirSync(join(out, '..'))).toEqual(['copy.sqlite']);
  });

  it('copies in small steps on the server connection while that connection keeps writing', async () => {
    const { db } = liveDatabase(3000);
    const before = db.prepare('SELECT max(id) FROM probe').pluck().get() as number;
    let writing = true;
    let written = 0;
    const insert = db.prepare('INSERT INTO probe (body) VALUES (randomblob(2048))');
    const loop = () => {
      if (!writing) return;
      insert.run();
      written++;
      setImmediate(loop);
    };
    setImmediate(loop);
    const out = join(tempDir(), 'server-copy.sqlite');
    await backupToFile(db, out, { pagesPerStep: 16 });
    writing = false;
    closeDatabase(db);
    expect(written).toBeGreaterThan(0);
    const copy = readCopy(out);
    expect(copy.ok).toBe('ok');
    expect(copy.maxId).toBeGreaterThanOrEqual(before);
    expect(copy.count).toBe(copy.maxId);
  });

  it('never leaves a half file under the final name when the copy fails', async () => {
    const { db } = liveDatabase(10);
    const dir = tempDir();
    // A SQLite binary that does not exist: the worker cannot open the database to copy it.
    const error = await backupToFile(db, join(dir, 'x.sqlite'), { nativeBinding: join(dir, 'missing.node') }).catch((e: unknown) => e);
    closeDatabase(db);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).kind).toBe('source');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('copies an in-memory database on its own connection, verified the same way', async () => {
    const db = openDatabase(':memory:');
    db.exec('CREATE TABLE probe (id INTEGER PRIMARY KEY, body BLOB NOT NULL); INSERT INTO probe (body) VALUES (randomblob(64))');
    const out = join(tempDir(), 'memory.sqlite');
    const result = await backupToFile(db, out);
    closeDatabase(db);
    expect(result).toMatchObject({ file: out, schemaVersion: MIGRATIONS.length });
    expect(readCopy(out).ok).toBe('ok');
  });

  it('refuses an output folder that does not exist', async () => {
    const { db } = liveDatabase(1);
    const error = await backupToFile(db, join(tempDir(), 'no', 'such', 'x.sqlite')).catch((e: unknown) => e);
    closeDatabase(db);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).kind).toBe('output');
    expect((error as Error).message).toMatch(/does not exist/);
  });
});

describe('backup folder and rotation', () => {
  it('names backups by local time and keeps the newest N', async () => {
    const { db } = liveDatabase(5);
    const dir = join(tempDir(), 'backups');
    const now = new Date('2025-06-11T02:03:04Z');
    expect(backupStamp(now, 'Asia/Shanghai')).toBe('20250611-100304');
    const names: string[] = [];
    for (let i = 0; i < 3; i++) names.push((await backupToFolder(db, dir, { now, timeZone: 'Asia/Shanghai' })).file.split(/[\\/]/).pop()!);
    expect(names).toEqual(['agent-desk-20250611-100304.sqlite', 'agent-desk-20250611-100304-2.sqlite', 'agent-desk-20250611-100304-3.sqlite']);
    writeFileSync(join(dir, 'notes.txt'), 'not a backup');
    const later = await backupToFolder(db, dir, { now: new Date('2025-06-12T02:00:00Z'), timeZone: 'Asia/Shanghai', keep: 2 });
    closeDatabase(db);
    expect(later.removed.sort()).toEqual(['agent-desk-20250611-100304-2.sqlite', 'agent-desk-20250611-100304.sqlite']);
    expect(readdirSync(dir).sort()).toEqual(['agent-desk-20250611-100304-3.sqlite', 'agent-desk-20250612-100000.sqlite', 'notes.txt']);
  });

  it('rotates by the time in the name, not by the order of file names', () => {
    const dir = tempDir();
    for (const name of [
      'agent-desk-20250101-000000.sqlite',
      'agent-desk-20250301-000000.sqlite',
      'agent-desk-20250201-000000-2.sqlite',
      'agent-desk-20250201-000000.sqlite',
      'other.sqlite',
    ])
      writeFileSync(join(dir, name), '');
    expect(rotateBackups(dir, 2).sort()).toEqual(['agent-desk-20250101-000000.sqlite', 'agent-desk-20250201-000000.sqlite']);
    expect(readdirSync(dir).sort()).toEqual(['agent-desk-20250201-000000-2.sqlite', 'agent-desk-20250301-000000.sqlite', 'other.sqlite']);
  });

  it('refuses keep below 1', async () => {
    const { db } = liveDatabase(1);
    await expect(backupToFolder(db, tempDir(), { keep: 0 })).rejects.toThrow(/keep/);
    closeDatabase(db);
  });
});
