// A parent's pull on demand (docs/network.md): its admin asks for a center's days over a range;
// the child that feeds them (the center, or at the ministry the center's province) asks for its
// requests each feed turn, puts those days in its outbox again and says when it has.
import type { Db } from '../db/database.js';
import type { ResendRequest } from '../../../shared/api/network.js';
import type { NetworkChild } from '../../../shared/api/network.js';

interface Row {
  id: number;
  code: string;
  from_date: string;
  to_date: string;
}

export class ResendRequests {
  constructor(private readonly db: Db) {}

  request(code: string, from: string, to: string, by: number | null, now: number): ResendRequest {
    const id = Number(
      this.db
        .prepare('INSERT INTO network_resend_requests (code, from_date, to_date, requested_at, requested_by) VALUES (?, ?, ?, ?, ?)')
        .run(code, from, to, now, by).lastInsertRowid,
    );
    return { id, code, from, to };
  }

  /** The pending requests a child answers for: its own code, or (a province) any center under it. */
  pendingFor(child: Pick<NetworkChild, 'code' | 'level'>): ResendRequest[] {
    const rows =
      child.level === 'province'
        ? (this.db
            .prepare('SELECT id, code, from_date, to_date FROM network_resend_requests WHERE done_at IS NULL AND substr(code, 1, 2) = ? ORDER BY id')
            .all(child.code.slice(0, 2)) as Row[])
        : (this.db
            .prepare('SELECT id, code, from_date, to_date FROM network_resend_requests WHERE done_at IS NULL AND code = ? ORDER BY id')
            .all(child.code) as Row[]);
    return rows.map((r) => ({ id: r.id, code: r.code, from: r.from_date, to: r.to_date }));
  }

  /** True when the request was pending and this child answers for it. */
  done(id: number, child: Pick<NetworkChild, 'code' | 'level'>, now: number): boolean {
    const mine = this.pendingFor(child).some((r) => r.id === id);
    if (mine) this.db.prepare('UPDATE network_resend_requests SET done_at = ? WHERE id = ?').run(now, id);
    return mine;
  }
}
