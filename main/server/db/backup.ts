import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Db } from './database.js';
import { schemaVersion } from './migrate.js';
import { BackupError } from './backup-error.js';
import { copyInWorker, copyPages, verifyCopy } from './backup-copy.js';

export { BackupError, type BackupErrorKind } from './backup-error.js';

export interface BackupResult {
  /** Absolute path of the finished, verified copy. */
  file: string;
  bytes: number;
  pages: number;
  ms: number;
  schemaVersion: number;
  /** Older backups deleted by rotation (file names in the same folder). */
  removed: string[];
}

export interface BackupOptions {
  /**
   * Pages copied per step; between steps the event loop runs (the server keeps answering).
   * Infinity copies everything in one step, under one read transaction.
   */
  pagesPerStep?: number;
  /** A better-sqlite3 binary for another Node ABI (Electron), to open the copy for verification. */
  nativeBinding?: string | undefined;
}

export interface FolderBackupOptions extends BackupOptions {
  /** Keep this many agent-desk-*.sqlite backups in the folder, the newest; unset: keep all. */
  keep?: number | undefined;
  now?: Date;
  /** Zone of the time stamp in the file name. */
  timeZone?: string;
}

export const BACKUP_NAME = /^agent-desk-(\d{8})-(\d{6})(?:-(\d+))?\.sqlite$/;
const ALL_PAGES = 0x7fffffff;

/**
 * Copies a live database with SQLite's online backup API into `file`, verified, without ever
 * leaving a half-written file under that name: the copy is written to a hidden temp name next to
 * it, checked (integrity_check, user_version), switched out of WAL so it is one self-contained
 * file, synced, then renamed.
 */
export async function backupToFile(source: Db, file: string, options: BackupOptions = {}): Promise<BackupResult> {
  const started = performance.now();
  const dir = dirname(file);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new BackupError('output', `output folder ${dir} does not exist`);
  const expectedVersion = schemaVersion(source);
  const temp = join(dir, `.${basename(file)}.partial-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const pagesPerStep = options.pagesPerStep ?? ALL_PAGES;
    let copied;
    if (source.memory || !source.name) {
      // An in-memory database has no file another connection could read: copied here.
      await copyPages(source, temp, pagesPerStep);
      copied = verifyCopy(temp, expectedVersion, options.nativeBinding);
    } else {
      // The copy's steps and commit and the integrity_check (about 1 s per 100 MB) all run on a
      // worker with its own connection, so that a backup in working hours never stalls the calls
      // this process carries.
      copied = await copyInWorker({ source: source.name, file: temp, expectedVersion, pagesPerStep, nativeBinding: options.nativeBinding });
    }
    const { pages, version } = copied;
    // fsync through libuv's thread pool: a synchronous one of a large file stalls the event loop.
    await syncFile(temp);
    renameSync(temp, file);
    await syncDir(dir);
    return { file, bytes: statSync(file).size, pages, ms: Math.round(performance.now() - started), schemaVersion: version, removed: [] };
  } catch (error) {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(temp + suffix, { force: true });
    if (error instanceof BackupError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (
      code === 'EACCES' ||
      code === 'EPERM' ||
      code === 'EROFS' ||
      code === 'ENOSPC' ||
      /directory does not exist|unable to open|readonly/i.test((error as Error).message)
    ) {
      throw new BackupError('output', `cannot write the backup in ${dir}: ${(error as Error).message}`);
    }
    throw new BackupError('source', `backup failed: ${(error as Error).message}`);
  }
}

/** A timestamped backup (agent-desk-YYYYMMDD-HHMMSS.sqlite) in `dir`, then rotation to `keep`. */
export async function backupToFolder(source: Db, dir: string, options: FolderBackupOptions = {}): Promise<BackupResult> {
  if (options.keep !== undefined && (!Number.isInteger(options.keep) || options.keep < 1)) throw new RangeError('keep must be a whole number of at least 1');
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new BackupError('output', `cannot create the output folder ${dir}: ${(error as Error).message}`);
  }
  const stamp = backupStamp(options.now ?? new Date(), options.timeZone);
  let name = `agent-desk-${stamp}.sqlite`;
  // Two backups in the same second (an admin's click during the scheduled run) get -2, -3, …
  for (let n = 2; existsSync(join(dir, name)); n++) name = `agent-desk-${stamp}-${n}.sqlite`;
  const result = await backupToFile(source, join(dir, name), options);
  // Only after a good copy: a failing backup never costs the old ones.
  return options.keep === undefined ? result : { ...result, removed: rotateBackups(dir, options.keep) };
}

/** Deletes all but the newest `keep` agent-desk-*.sqlite files in `dir`; other files are left alone. */
export function rotateBackups(dir: string, keep: number): string[] {
  const backups = readdirSync(dir)
    .map((name) => ({ name, match: BACKUP_NAME.exec(name) }))
    .filter((b): b is { name: string; match: RegExpExecArray } => b.match !== null)
    .map(({ name, match }) => ({ name, key: `${match[1]}${match[2]}`, seq: Number(match[3] ?? 1) }))
    .sort((a, b) => (a.key === b.key ? b.seq - a.seq : a.key < b.key ? 1 : -1));
  const removed = backups.slice(keep).map((b) => b.name);
  for (const name of removed) rmSync(join(dir, name), { force: true });
  return removed;
}

/** YYYYMMDD-HHMMSS of `date` in `timeZone` (default: the machine's). */
export function backupStamp(date: Date, timeZone?: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}${parts.month}${parts.day}-${parts.hour}${parts.minute}${parts.second}`;
}

async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes the rename durable; folders cannot be opened for fsync on Windows, where it is skipped. */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
