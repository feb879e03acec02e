import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import { AuditRepository, type AuditFilter, type AuditRow } from './audit-repository.js';

export interface AuditRecord {
  actorUserId: number | null;
  action: string;
  entityType: string;
  entityId: string | number | null;
  callId?: string | null | undefined;
  detail?: Record<string, unknown> | undefined;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorUserId: number | null;
  actorWorkNumber: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  callId: string | null;
  detail: Record<string, unknown> | null;
}

/** Registered as ctx.services.get(SERVICES.audit). */
export interface AuditService {
  record(entry: AuditRecord): number;
  query(filter: AuditFilter): AuditEntry[];
}

// Secrets never reach the trail, whatever a caller of record() puts in detail.
const SECRET_KEY = /pass(word)?|pin|token|secret|ha1|digits|hash/i;

export function scrubSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrubSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !SECRET_KEY.test(key))
        .map(([key, v]) => [key, scrubSecrets(v)]),
    );
  }
  return value;
}

export function createAuditService(db: Db, clock: Clock): AuditService {
  const repo = new AuditRepository(db);
  return {
    record(entry) {
      return repo.insert({
        at: clock.now(),
        actor_user_id: entry.actorUserId,
        action: entry.action,
        entity_type: entry.entityType,
        entity_id: entry.entityId === null ? null : String(entry.entityId),
        call_id: entry.callId ?? null,
        detail: entry.detail === undefined ? null : JSON.stringify(scrubSecrets(entry.detail)),
      });
    },
    query(filter) {
      return repo.query(filter).map(toEntry);
    },
  };
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    actorUserId: row.actor_user_id,
    actorWorkNumber: row.actor_work_number ?? null,
    actorName: row.actor_name ?? null,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    callId: row.call_id,
    detail: row.detail === null ? null : (JSON.parse(row.detail) as Record<string, unknown>),
  };
}
