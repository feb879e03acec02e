// The child's outbox (migration 23): each (code, day) waiting for its parent to accept it, with
// its attempts and when to try again. A newer revision of a waiting day replaces it.
import type { Db } from '../db/database.js';

export interface OutboxRow {
  code: string;
  date: string;
  revision: number;
  body: string;
  attempts: number;
}

export class NetworkOutbox {
  constructor(private readonly db: Db) {}

  enqueue(code: string, date: string, revision: number, body: string, now: number): void {
    this.db
      .prepare(
        `INSERT INTO network_outbox (code, date, revision, body, attempts, next_attempt_at, queued_at) VALUES (?, ?, ?, ?, 0, ?, ?)
         ON CONFLICT (code, date) DO UPDATE SET revision = excluded.revision, body = excluded.body, attempts = 0, next_attempt_at = excluded.next_attempt_at,
           last_error = NULL WHERE excluded.revision > network_outbox.revision`,
      )
      .run(code, date, revision, body, now, now);
  }

  due(now: number, limit: number): OutboxRow[] {
    return this.db
      .prepare('SELECT code, date, revision, body, attempts FROM network_outbox WHERE next_attempt_at <= ? ORDER BY next_attempt_at, date, code LIMIT ?')
      .all(now, limit) as OutboxRow[];
  }

  /** Accepted: gone, unless a newer revision replaced it while it was being sent. */
  sent(row: OutboxRow): void {
    this.db.prepare('DELETE FROM network_outbox WHERE code = ? AND date = ? AND revision = ?').run(row.code, row.date, row.revision);
  }

  failed(row: OutboxRow, error: string, nextAttemptAt: number): void {
    this.db
      .prepare('UPDATE network_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE code = ? AND date = ? AND revision = ?')
      .run(error, nextAttemptAt, row.code, row.date, row.revision);
  }

  pending(): number {
    return this.db.prepare('SELECT COUNT(*) FROM network_outbox').pluck().get() as number;
  }
}
