import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from './database.js';
import { createLogger } from '../logger.js';
import { WalCheckpointer } from './wal-checkpointer.js';

const dir = mkdtempSync(join(tmpdir(), 'wal-checkpointer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const until = async (check: () => boolean | Promise<boolean>, ms = 10_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (await check()) return;
  throw new Error('timed out');
};

describe('WAL checkpoints on a worker thread (not in the commits that carry calls)', () => {
  it('the server connection stops checkpointing; the worker moves the WAL into the database file', async () => {
    const file = join(dir, 'a.sqlite');
    const db = openDatabase(file);
    const lines: string[] = [];
    const checkpointer = WalCheckpointer.start(db, createLogger('debug', { write: (l: string) => void lines.push(l) }), { intervalMs: 100 })!;
    await until(() => db.pragma('wal_autocheckpoint', { simple: true }) === 0);
    db.exec('CREATE TABLE t (x TEXT)');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    // The migrations' frames are moved by the worker's first turns; then the file stands still.
    await until(async () => (await checkpointer.stats()).checkpoints >= 2);
    const before = statSync(file).size;
    // About 2,500 pages: past SQLite's own 1,000-page checkpoint, which no longer runs here.
    db.transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run('x'.repeat(400));
    })();
    expect(statSync(file).size).toBeLessThan(before + 1_000_000);
    await until(() => statSync(file).size > before + 5_000_000);
    expect((await checkpointer.stats()).checkpoints).toBeGreaterThan(0);
    await checkpointer.stop();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(lines.join('')).not.toContain('wal_checkpointer_failed');
    closeDatabase(db);
  });

  it('hands checkpoints back to SQLite when the worker cannot open the database', async () => {
    const file = join(dir, 'b.sqlite');
    const db = openDatabase(file);
    const lines: string[] = [];
    const checkpointer = WalCheckpointer.start(db, createLogger('debug', { write: (l: string) => void lines.push(l) }), {
      intervalMs: 100,
      nativeBinding: join(dir, 'no-such-binding.node'),
    })!;
    await until(() => lines.join('').includes('wal_checkpointer_failed'));
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await checkpointer.stop();
    closeDatabase(db);
  });

  it('has nothing to do for a database in memory', () => {
    const db = openDatabase(':memory:');
    expect(WalCheckpointer.start(db, createLogger('silent'))).toBeUndefined();
    db.close();
  });
});
