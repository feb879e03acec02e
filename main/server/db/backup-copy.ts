import Database from 'better-sqlite3';
import { threadId, type Worker } from 'node:worker_threads';
import { startDbWorker } from './start-worker.js';
import { BackupError, type BackupErrorKind } from './backup-error.js';
import type { Db } from './database.js';
import { schemaVersion } from './migrate.js';

const ALL_PAGES = 0x7fffffff;

export interface CopyRequest {
  /** The live database file; the copy is made through a connection of its own. */
  source: string;
  /** Where the copy goes (a hidden temp name; the caller renames it once verified). */
  file: string;
  expectedVersion: number;
  /** Pages per backup step; Infinity copies everything in one step, under one read transaction. */
  pagesPerStep: number;
  nativeBinding?: string | undefined;
}

export interface VerifiedCopy {
  pages: number;
  version: number;
}

/** Checks a stored copy again, read-only (an admin's 验证 in the console). */
export interface StoredCheckRequest {
  task: 'check';
  file: string;
  nativeBinding?: string | undefined;
}

/** What a stored copy's check found: its integrity and schema version, or the problem. */
export interface StoredCheck {
  ok: boolean;
  schemaVersion: number | null;
  pages: number | null;
  problem: string | null;
}

/** The worker's jobs: a copy (the default, for the request shape older callers send) or a check. */
export type WorkerJob = (CopyRequest & { task?: 'copy' }) | StoredCheckRequest;

/** What the worker posts back: the result, or the error to rethrow on the calling side. */
export type CopyReply =
  | { ok: true; copy: VerifiedCopy; threadId: number }
  | { ok: true; check: StoredCheck; threadId: number }
  | { ok: false; kind: BackupErrorKind | 'other'; message: string };

/**
 * better-sqlite3's backup() in steps. A write by another connection between steps makes SQLite
 * restart the copy; under a steady writer (the server) that could go on forever, so after a
 * restart the rest is copied in one step.
 */
export async function copyPages(source: Db, temp: string, pagesPerStep: number): Promise<void> {
  const chunk = Math.max(1, Math.min(ALL_PAGES, pagesPerStep));
  let lastRemaining = Infinity;
  await source.backup(temp, {
    progress({ remainingPages }) {
      const restarted = remainingPages > lastRemaining;
      lastRemaining = remainingPages;
      return restarted ? ALL_PAGES : chunk;
    },
  });
}

/**
 * Opens the copy, switches it out of WAL (a backup should be one file that opens anywhere, even
 * read-only), runs integrity_check and compares the schema version. Synchronous: call it in a worker.
 */
export function verifyCopy(file: string, expectedVersion: number, nativeBinding?: string): VerifiedCopy {
  let copy: Db;
  try {
    copy = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (error) {
    throw new BackupError('verify', `cannot open the copy to verify it: ${(error as Error).message}`);
  }
  try {
    copy.pragma('journal_mode = DELETE');
    const problems = copy.pragma('integrity_check', { simple: false }) as Array<{ integrity_check: string }>;
    if (problems.length !== 1 || problems[0]!.integrity_check !== 'ok') {
      throw new BackupError(
        'verify',
        `the copy failed integrity_check: ${problems
          .slice(0, 5)
          .map((p) => p.integrity_check)
          .join('; ')}`,
      );
    }
    const version = schemaVersion(copy);
    if (version !== expectedVersion) throw new BackupError('verify', `the copy has schema version ${version}, the database ${expectedVersion}`);
    return { pages: copy.pragma('page_count', { simple: true }) as number, version };
  } finally {
    copy.close();
  }
}

/**
 * integrity_check of a finished backup, opened read-only so that the check never changes the copy.
 * Synchronous (about 1 s per 100 MB): call it in a worker. A file that cannot be opened as a
 * database is a failed check, not an error.
 */
export function checkStoredCopy(file: string, nativeBinding?: string): StoredCheck {
  let copy: Db;
  try {
    copy = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (error) {
    return { ok: false, schemaVersion: null, pages: null, problem: `cannot open the copy: ${(error as Error).message}` };
  }
  try {
    const problems = copy.pragma('integrity_check', { simple: false }) as Array<{ integrity_check: string }>;
    const ok = problems.length === 1 && problems[0]!.integrity_check === 'ok';
    return {
      ok,
      schemaVersion: schemaVersion(copy),
      pages: copy.pragma('page_count', { simple: true }) as number,
      problem: ok
        ? null
        : problems
            .slice(0, 5)
            .map((p) => p.integrity_check)
            .join('; '),
    };
  } catch (error) {
    // "file is not a database", "database disk image is malformed": the copy is damaged.
    return { ok: false, schemaVersion: null, pages: null, problem: (error as Error).message };
  } finally {
    copy.close();
  }
}

/** Copy and check, on whatever thread calls it (the worker's body, or the fallback). */
export async function copyAndVerify(request: CopyRequest): Promise<VerifiedCopy> {
  let source: Db;
  try {
    source = new Database(request.source, { readonly: true, fileMustExist: true, ...(request.nativeBinding ? { nativeBinding: request.nativeBinding } : {}) });
  } catch (error) {
    throw new BackupError('source', `cannot open the database to copy it: ${(error as Error).message}`);
  }
  try {
    source.pragma('busy_timeout = 5000');
    await copyPages(source, request.file, request.pagesPerStep);
  } finally {
    source.close();
  }
  return verifyCopy(request.file, request.expectedVersion, request.nativeBinding);
}

/**
 * The bundle ships backup-copy-worker.js next to the server's entry (scripts/build-node.mjs); from
 * the sources (tests, tsx) a small bootstrap registers tsx's loader in the worker, then loads the .ts.
 */
function startWorker(request: WorkerJob): Worker {
  return startDbWorker('backup-copy-worker', request);
}

/**
 * copyAndVerify on a worker thread, so that neither the copy's steps and commit nor the
 * integrity_check (about 1 s per 100 MB) stall the event loop that carries live calls. Resolves
 * with the thread that did it. A worker that cannot start must not cost the backup: the work then
 * runs here, slower for the event loop but just as strict.
 */
export function copyInWorker(request: CopyRequest): Promise<VerifiedCopy & { threadId: number }> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(request);
    let settled = false;
    worker.once('message', (reply: CopyReply) => {
      settled = true;
      if (reply.ok && 'copy' in reply) resolve({ ...reply.copy, threadId: reply.threadId });
      else if (reply.ok) reject(new Error('the backup worker answered a check to a copy'));
      else reject(reply.kind === 'other' ? new Error(reply.message) : new BackupError(reply.kind, reply.message));
    });
    worker.once('error', () => {
      settled = true;
      copyAndVerify(request).then((copy) => resolve({ ...copy, threadId }), reject);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new BackupError('verify', `the backup worker exited (${code}) without an answer`));
    });
  });
}

/** checkStoredCopy on a worker thread; where no worker can start, here. */
export function checkInWorker(request: Omit<StoredCheckRequest, 'task'>): Promise<StoredCheck & { threadId: number }> {
  return new Promise((resolve, reject) => {
    const job: StoredCheckRequest = { task: 'check', ...request };
    const worker = startWorker(job);
    let settled = false;
    worker.once('message', (reply: CopyReply) => {
      settled = true;
      if (reply.ok && 'check' in reply) resolve({ ...reply.check, threadId: reply.threadId });
      else reject(new Error(reply.ok ? 'the backup worker answered a copy to a check' : reply.message));
    });
    worker.once('error', () => {
      settled = true;
      resolve({ ...checkStoredCopy(request.file, request.nativeBinding), threadId });
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the backup worker exited (${code}) without an answer`));
    });
  });
}
