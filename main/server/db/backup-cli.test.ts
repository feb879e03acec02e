import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_FILE, closeDatabase, openDatabase } from './database.js';
import { MIGRATIONS } from './migrations/index.js';
import { APP_ROOT } from '../app-root.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'agent-desk-backup-cli-'));
  dirs.push(dir);
  return dir;
}
function dataDirWithDatabase(): string {
  const dataDir = tempDir();
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  db.exec("CREATE TABLE probe (id INTEGER PRIMARY KEY, note TEXT); INSERT INTO probe (note) VALUES ('kept')");
  closeDatabase(db);
  return dataDir;
}

/** The command as `npm run backup` runs it (tsx), with a clean environment for the data folder. */
function backup(...args: string[]) {
  const env = { ...process.env };
  delete env.AGENT_DESK_DATA_DIR;
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(APP_ROOT, 'main/server/db/backup-cli.ts'), ...args], {
    cwd: APP_ROOT,
    env,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

// Each case spawns tsx (about a second): generous time on a busy CI machine.
describe('backup command', { timeout: 60_000 }, () => {
  it('writes a verified timestamped backup into a folder and prints a JSON summary', () => {
    const dataDir = dataDirWithDatabase();
    const out = join(tempDir(), 'nightly');
    const run = backup('--data-dir', dataDir, '--out', out, '--keep', '3');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({ ok: true, schemaVersion: MIGRATIONS.length, removed: [] });
    expect(summary.file).toMatch(/[\\/]nightly[\\/]agent-desk-\d{8}-\d{6}\.sqlite$/);
    expect(summary.bytes).toBe((summary.pages as number) * 4096);
    expect(typeof summary.ms).toBe('number');
    const copy = new Database(summary.file as string, { readonly: true });
    expect(copy.prepare('SELECT note FROM probe').pluck().get()).toBe('kept');
    copy.close();
  });

  it('writes to a named file, and defaults to DATA_DIR/backups', () => {
    const dataDir = dataDirWithDatabase();
    const file = join(tempDir(), 'latest.sqlite');
    expect(backup('--data-dir', dataDir, '--out', file).code).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(backup('--data-dir', dataDir).code).toBe(0);
    expect(readdirSync(join(dataDir, 'backups'))).toEqual([expect.stringMatching(/^agent-desk-\d{8}-\d{6}\.sqlite$/)]);
  });

  it('exits 3 for a missing data folder or a folder without a database', () => {
    const missing = backup('--data-dir', join(tempDir(), 'nope'), '--out', tempDir());
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/data folder .*nope does not exist/);
    const empty = backup('--data-dir', tempDir(), '--out', tempDir());
    expect(empty.code).toBe(3);
    expect(empty.stderr).toMatch(/no database in .*agent-desk\.sqlite/);
    expect(missing.stdout + empty.stdout).toBe('');
  });

  it('exits 4 when the output cannot be written', () => {
    const dataDir = dataDirWithDatabase();
    const aFile = join(tempDir(), 'plain-file');
    writeFileSync(aFile, 'x');
    // A folder below a regular file cannot be created, whoever runs the test (even root).
    const folder = backup('--data-dir', dataDir, '--out', join(aFile, 'backups'));
    expect(folder.code).toBe(4);
    expect(folder.stderr).toMatch(/cannot create the output folder/);
    const file = backup('--data-dir', dataDir, '--out', join(tempDir(), 'missing', 'x.sqlite'));
    expect(file.code).toBe(4);
    expect(file.stderr).toMatch(/output folder .*missing does not exist/);
  });

  it('exits 2 with the usage for bad arguments', () => {
    const dataDir = dataDirWithDatabase();
    for (const args of [
      ['--bogus'],
      ['--data-dir', dataDir, '--keep', '0'],
      ['--data-dir', dataDir, '--keep', 'many'],
      ['--data-dir', dataDir, '--out', join(tempDir(), 'one.sqlite'), '--keep', '2'],
      ['--data-dir', dataDir, '--out', join(dataDir, DATABASE_FILE)],
    ]) {
      const run = backup(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^agent-desk backup: .+\nusage: agent-desk backup/);
    }
    expect(backup('--help').code).toBe(0);
  });
});
