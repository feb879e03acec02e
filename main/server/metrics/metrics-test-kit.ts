// Tests only: a real SQLite file in a temp folder with every migration, and call-record writers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, openDatabase, type Db } from '../db/database.js';

export const CENTER = '330100';
/** A local time in Asia/Shanghai (UTC+8 all year since 1991), e.g. sh('2026-03-02T09:00:00'). */
export const sh = (local: string): number => Date.parse(`${local}+08:00`);

export interface TempDatabase {
  db: Db;
  dir: string;
  close(): void;
}

export function openTempDatabase(): TempDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'metrics-test-'));
  const db = openDatabase(join(dir, 'agent-desk.sqlite'));
  return {
    db,
    dir,
    close() {
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A work order submitted at `createdAt` (complaints count when submitted), or still a draft / voided. */
export function insertWorkOrder(
  db: Db,
  createdAt: number,
  category: 'complaint' | 'suggestion' | 'inquiry' = 'complaint',
  centerCode = CENTER,
  state: 'pending_approval' | 'draft' | 'voided' = 'pending_approval',
): void {
  db.prepare('INSERT INTO work_orders (center_code, category, created_at, state, submitted_at, voided_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    centerCode,
    category,
    createdAt,
    state,
    state === 'draft' ? null : createdAt,
    state === 'voided' ? createdAt : null,
  );
}

export interface CallSpec {
  id: string;
  arrivedAt: number;
  direction?: 'inbound' | 'outbound';
  centerCode?: string;
  offered?: boolean;
  queuedAt?: number;
  ringAt?: number;
  answeredAt?: number;
  agentId?: number;
  hungUpAt?: number;
  abandonedAt?: number;
  abandonStage?: 'ivr' | 'queue' | 'ringing';
  acwStartedAt?: number;
  acwEndedAt?: number;
  survey?: 1 | 2 | 3;
}

export function insertCall(db: Db, c: CallSpec): void {
  db.prepare(
    `INSERT INTO calls (id, center_code, direction, caller, callee, transport, arrived_at, offered_to_agent, queued_at, ring_started_at,
       answered_at, agent_id, hung_up_at, abandoned_at, abandon_stage, acw_started_at, acw_ended_at, survey_result,
       offered_at, talk_ended_at, acw_ms, acw_count)
     VALUES (?, ?, ?, '13800000000', '12329', 'udp', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    c.id,
    c.centerCode ?? CENTER,
    c.direction ?? 'inbound',
    c.arrivedAt,
    c.offered ? 1 : 0,
    c.queuedAt ?? null,
    c.ringAt ?? null,
    c.answeredAt ?? null,
    c.agentId ?? null,
    c.hungUpAt ?? null,
    c.abandonedAt ?? null,
    c.abandonStage ?? null,
    c.acwStartedAt ?? null,
    c.acwEndedAt ?? null,
    c.survey ?? null,
    // Migration 12's columns, as the call's owner writes them for a simple call.
    c.offered ? (c.queuedAt ?? c.arrivedAt) : null,
    c.answeredAt !== undefined ? (c.hungUpAt ?? null) : null,
    c.acwStartedAt !== undefined && c.acwEndedAt !== undefined ? c.acwEndedAt - c.acwStartedAt : 0,
    c.acwStartedAt !== undefined && c.acwEndedAt !== undefined ? 1 : 0,
  );
}

export function insertAgent(db: Db, workNumber: string, displayName: string, role = 'agent'): number {
  return Number(
    db
      .prepare("INSERT INTO users (work_number, display_name, role, center_code, password_hash, created_at) VALUES (?, ?, ?, ?, 'x', 0)")
      .run(workNumber, displayName, role, CENTER).lastInsertRowid,
  );
}
