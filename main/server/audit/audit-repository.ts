import type { Db } from '../db/database.js';

export interface AuditRow {
  id: number;
  at: number;
  actor_user_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  call_id: string | null;
  detail: string | null;
}

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
  limit: number;
}

export class AuditRepository {
  private readonly insertStmt;
  private readonly queryStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare('INSERT INTO audit_log (at, actor_user_id, action, entity_type, entity_id, call_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)');
    // NULL parameters mean "any": one prepared statement for every combination of filters.
    this.queryStmt = db.prepare<{ entityType: string | null; entityId: string | null; from: number | null; to: number | null; limit: number }, AuditRow>(
      `SELECT * FROM audit_log
       WHERE (@entityType IS NULL OR entity_type = @entityType)
         AND (@entityId IS NULL OR entity_id = @entityId)
         AND (@from IS NULL OR at >= @from)
         AND (@to IS NULL OR at < @to)
       ORDER BY at DESC, id DESC
       LIMIT @limit`,
    );
  }

  insert(row: Omit<AuditRow, 'id'>): number {
    return Number(this.insertStmt.run(row.at, row.actor_user_id, row.action, row.entity_type, row.entity_id, row.call_id, row.detail).lastInsertRowid);
  }

  query(filter: AuditFilter): AuditRow[] {
    return this.queryStmt.all({
      entityType: filter.entityType ?? null,
      entityId: filter.entityId ?? null,
      from: filter.from ?? null,
      to: filter.to ?? null,
      limit: filter.limit,
    });
  }
}
