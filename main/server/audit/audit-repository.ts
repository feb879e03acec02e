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
  /** From the users table: the actor's work number and name (null for the system or a gone user). */
  actor_work_number?: string | null;
  actor_name?: string | null;
}

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
  actorUserId?: number | undefined;
  /** An action (`user.create`) or its family (`user`). */
  action?: string | undefined;
  limit: number;
  offset?: number | undefined;
}

export class AuditRepository {
  private readonly insertStmt;
  private readonly queryStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare('INSERT INTO audit_log (at, actor_user_id, action, entity_type, entity_id, call_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)');
    // NULL parameters mean "any": one prepared statement for every combination of filters.
    this.queryStmt = db.prepare<
      {
        entityType: string | null;
        entityId: string | null;
        from: number | null;
        to: number | null;
        actor: number | null;
        action: string | null;
        family: string | null;
        limit: number;
        offset: number;
      },
      AuditRow
    >(
      `SELECT a.*, u.work_number AS actor_work_number, u.display_name AS actor_name
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
       WHERE (@entityType IS NULL OR a.entity_type = @entityType)
         AND (@entityId IS NULL OR a.entity_id = @entityId)
         AND (@from IS NULL OR a.at >= @from)
         AND (@to IS NULL OR a.at < @to)
         AND (@actor IS NULL OR a.actor_user_id = @actor)
         -- An action or its family; substr, not LIKE, since actions hold '_'.
         AND (@action IS NULL OR a.action = @action OR substr(a.action, 1, length(@family)) = @family)
       ORDER BY a.at DESC, a.id DESC
       LIMIT @limit OFFSET @offset`,
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
      actor: filter.actorUserId ?? null,
      action: filter.action ?? null,
      family: filter.action ? `${filter.action}.` : null,
      limit: filter.limit,
      offset: filter.offset ?? 0,
    });
  }
}
