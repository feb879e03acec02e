// Worker thread entry of wal-checkpointer.ts: its own connection to the server's database file,
// checkpointing the WAL every interval (PASSIVE: it never waits for the server's writers or readers).
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { CheckpointerJob, CheckpointerReply } from './wal-checkpointer.js';

const job = workerData as CheckpointerJob;
const post = (reply: CheckpointerReply) => parentPort!.postMessage(reply);
try {
  const db = new Database(job.file, { fileMustExist: true, ...(job.nativeBinding ? { nativeBinding: job.nativeBinding } : {}) });
  db.pragma('busy_timeout = 1000');
  let checkpoints = 0;
  let frames = 0;
  const timer = setInterval(() => {
    try {
      const [row] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number; log: number; checkpointed: number }>;
      checkpoints++;
      frames = row?.checkpointed ?? frames;
    } catch (error) {
      post({ kind: 'failed', message: (error as Error).message });
    }
  }, job.intervalMs);
  parentPort!.on('message', (message: 'stats' | 'stop') => {
    if (message === 'stats') return post({ kind: 'stats', checkpoints, frames });
    clearInterval(timer);
    db.close();
    parentPort!.close(); // nothing left to keep the thread: it exits
  });
  post({ kind: 'ready' });
} catch (error) {
  post({ kind: 'failed', message: (error as Error).message });
}
