// How long an admin backup stalls the server's event loop (which also paces the RTP of live
// calls): copy and integrity_check on the main thread, as before, against on a worker thread.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupToFile } from '../main/server/db/backup.js';
import { copyPages, verifyCopy } from '../main/server/db/backup-copy.js';
import { closeDatabase, openDatabase } from '../main/server/db/database.js';
import { schemaVersion } from '../main/server/db/migrate.js';
import { median, round, type Benchmark } from './bench-kit.js';

const ROWS = 400_000;
const RUNS = 3;

/** Runs `work` while a 1 ms timer measures the longest gap between its ticks. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  try {
    await work();
    // A synchronous stall shows only when the timer fires again after it.
    await new Promise((resolve) => setTimeout(resolve, 5));
  } finally {
    clearInterval(timer);
  }
  return longest;
}

const benchmark: Benchmark = {
  name: 'backup stall',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'backup-bench-'));
    const db = openDatabase(join(dir, 'live.sqlite'));
    try {
      // Shaped like call_events: many small rows under an index, which is what integrity_check walks.
      db.exec(
        'CREATE TABLE filler (id INTEGER PRIMARY KEY, call_id TEXT NOT NULL, at INTEGER NOT NULL, data TEXT) STRICT; CREATE INDEX filler_by_call ON filler (call_id, at)',
      );
      const insert = db.prepare('INSERT INTO filler (call_id, at, data) VALUES (?, ?, ?)');
      db.transaction(() => {
        for (let i = 0; i < ROWS; i++) insert.run(randomBytes(16).toString('hex'), i, randomBytes(40).toString('base64'));
      })();
      const version = schemaVersion(db);
      const inWorker: number[] = [];
      const onMainThread: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const out = join(dir, `copy-${run}.sqlite`);
        inWorker.push(await longestStall(() => backupToFile(db, out, { pagesPerStep: 256 })));
        rmSync(out, { force: true });
        // The same copy and check as the backup did before: on the server's connection and thread.
        onMainThread.push(
          await longestStall(async () => {
            await copyPages(db, out, 256);
            verifyCopy(out, version);
          }),
        );
        rmSync(out, { force: true });
      }
      const worker = median(inWorker);
      const main = median(onMainThread);
      return [
        {
          benchmark: 'backup stall',
          metric: `longest event-loop stall, backup of ${ROWS / 1000}k indexed rows, copied and checked on a worker`,
          value: round(worker, 1),
          unit: 'ms',
          note: `median of ${RUNS}`,
        },
        {
          benchmark: 'backup stall',
          metric: 'the same copy and check on the server thread (before)',
          value: round(main, 1),
          unit: 'ms',
          note: `median of ${RUNS}`,
        },
        { benchmark: 'backup stall', metric: 'stall ratio main / worker', value: round(main / worker, 1), unit: '×' },
      ];
    } finally {
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default benchmark;
