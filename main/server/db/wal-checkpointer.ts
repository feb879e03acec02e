// SQLite moves the WAL into the database file inside whichever commit crosses 1,000 pages: ~4 MB
// copied and synced on the thread that carries the calls, a stall of several milliseconds every
// few hundred calls (INVITE → 200 p99 7 ms with it, 4 ms without: issue 17). A worker thread with
// its own connection checkpoints instead, every second, and the server's connection stops doing
// it. A worker that cannot start, or fails, hands the job back to SQLite's own checkpoints.
import type { Worker } from 'node:worker_threads';
import { startDbWorker } from './start-worker.js';
import type { Db } from './database.js';
import type { Logger } from '../logger.js';

export interface CheckpointerJob {
  file: string;
  intervalMs: number;
  nativeBinding?: string | undefined;
}

export type CheckpointerReply = { kind: 'ready' } | { kind: 'stats'; checkpoints: number; frames: number } | { kind: 'failed'; message: string };

/** SQLite's default: the commit that takes the WAL past this many pages checkpoints it. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

export class WalCheckpointer {
  private stopped = false;

  private constructor(
    private readonly db: Db,
    private readonly worker: Worker,
    private readonly logger: Logger,
  ) {
    worker.on('message', (reply: CheckpointerReply) => {
      if (reply.kind === 'ready') this.db.pragma('wal_autocheckpoint = 0');
      if (reply.kind === 'failed') this.handBack(reply.message);
    });
    worker.on('error', (error) => this.handBack(error.message));
    worker.on('exit', () => this.handBack('the checkpoint worker exited'));
  }

  /** Starts checkpointing off the server's thread; undefined for an in-memory database (nothing to checkpoint). */
  static start(db: Db, logger: Logger, options: { intervalMs?: number; nativeBinding?: string | undefined } = {}): WalCheckpointer | undefined {
    if (db.memory || !db.name) return undefined;
    try {
      const worker = startDbWorker('wal-checkpoint-worker', { file: db.name, intervalMs: options.intervalMs ?? 1000, nativeBinding: options.nativeBinding });
      worker.unref();
      return new WalCheckpointer(db, worker, logger);
    } catch (error) {
      logger.warn({ event: 'wal_checkpointer_unavailable', err: error }, 'checkpoints stay in the commits');
      return undefined;
    }
  }

  /** How many checkpoints the worker ran (for tests and the ops figures). */
  stats(): Promise<{ checkpoints: number; frames: number }> {
    return new Promise((resolve) => {
      const onReply = (reply: CheckpointerReply) => {
        if (reply.kind !== 'stats') return;
        this.worker.off('message', onReply);
        resolve({ checkpoints: reply.checkpoints, frames: reply.frames });
      };
      this.worker.on('message', onReply);
      this.worker.postMessage('stats');
    });
  }

  /** Before the database closes (closeDatabase checkpoints once more, in full). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.worker.postMessage('stop');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    await this.worker.terminate();
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
  }

  private handBack(reason: string): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
    this.logger.warn({ event: 'wal_checkpointer_failed', reason }, 'the checkpoint worker stopped: SQLite checkpoints in the commits again');
    void this.worker.terminate();
  }
}
