import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, threadId } from 'node:worker_threads';
import { BackupError, type BackupErrorKind } from './backup-error.js';
import type { Db } from './database.js';
import { schemaVersion } from './migrate.js';

export interface VerifyRequest {
  file: string;
  expectedVersion: number;
  nativeBinding?: string | undefined;
}

export interface VerifiedCopy {
  pages: number;
  version: number;
}

/** What the worker posts back: the result, or the error to rethrow on the calling side. */
export type VerifyReply = { ok: true; copy: VerifiedCopy; threadId: number } | { ok: false; kind: BackupErrorKind | 'other'; message: string };

/**
 * Opens the copy, switches it out of WAL (a backup should be one file that opens anywhere, even
 * read-only), runs integrity_check and compares the schema version. Synchronous: call it in a worker.
 */
export function verifyCopy({ file, expectedVersion, nativeBinding }: VerifyRequest): VerifiedCopy {
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
      throw new BackupError('verify', `the copy failed integrity_check: ${problems.slice(0, 5).map((p) => p.integrity_check).join('; ')}`);
    }
    const version = schemaVersion(copy);
    if (version !== expectedVersion) throw new BackupError('verify', `the copy has schema version ${version}, the database ${expectedVersion}`);
    return { pages: copy.pragma('page_count', { simple: true }) as number, version };
  } finally {
    copy.close();
  }
}

/**
 * The bundle ships backup-verify-worker.js next to the server's entry (scripts/build-node.mjs); from
 * the sources (tests, tsx) a small bootstrap registers tsx's loader in the worker, then loads the .ts.
 */
function startWorker(request: VerifyRequest): Worker {
  const bundled = new URL('./backup-verify-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(bundled))) return new Worker(bundled, { workerData: request });
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const source = JSON.stringify(new URL('./backup-verify-worker.ts', import.meta.url).href);
  return new Worker(`import(${tsx}).then(({ register }) => { register(); return import(${source}); });`, { eval: true, workerData: request });
}

/** verifyCopy on a worker thread; resolves with the thread that did it (never the caller's). */
export function verifyCopyInWorker(request: VerifyRequest): Promise<VerifiedCopy & { threadId: number }> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(request);
    let settled = false;
    worker.once('message', (reply: VerifyReply) => {
      settled = true;
      if (reply.ok) resolve({ ...reply.copy, threadId: reply.threadId });
      else reject(reply.kind === 'other' ? new Error(reply.message) : new BackupError(reply.kind, reply.message));
    });
    // A worker that cannot start (a packaging fault, no threads) must not cost the backup: the check
    // then runs here, slower for the event loop but just as strict.
    worker.once('error', () => {
      settled = true;
      try {
        resolve({ ...verifyCopy(request), threadId });
      } catch (error) {
        reject(error);
      }
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new BackupError('verify', `the verification worker exited (${code}) without an answer`));
    });
  });
}
