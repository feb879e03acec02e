import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 12: call-lifecycle', () => {
  it('carries version-11 calls over with their meaning and drops an ACW pair written backwards', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 11);
    db.prepare(
      "INSERT INTO users (id, work_number, display_name, role, center_code, password_hash, created_at) VALUES (1, '1001', 'a', 'agent', '330100', 'x', 0)",
    ).run();
    const call =
      db.prepare(`INSERT INTO calls (id, center_code, direction, caller, callee, transport, arrived_at, offered_to_agent, queued_at, answered_at, agent_id, hung_up_at, acw_started_at, acw_ended_at)
                             VALUES (?, '330100', 'inbound', '13800138000', '12329', 'udp', 0, ?, ?, ?, ?, ?, ?, ?)`);
    call.run('plain', 1, 1_000, 5_000, 1, 65_000, 65_000, 80_000);
    call.run('transferred', 1, 1_000, 5_000, 1, 10_000, 70_000, 12_000);
    call.run('ivr-only', 0, null, null, null, 3_000, null, null);
    migrate(db, MIGRATIONS, 12);

    const rows = db.prepare('SELECT id, offered_at, talk_ended_at, acw_ms, acw_count FROM calls ORDER BY id').all();
    expect(rows).toEqual([
      { id: 'ivr-only', offered_at: null, talk_ended_at: null, acw_ms: 0, acw_count: 0 },
      { id: 'plain', offered_at: 1_000, talk_ended_at: 65_000, acw_ms: 15_000, acw_count: 1 },
      { id: 'transferred', offered_at: 1_000, talk_ended_at: 10_000, acw_ms: 0, acw_count: 0 },
    ]);
  });

  it('keeps agent turns consistent and linked to calls and users', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 12);
    db.prepare(
      "INSERT INTO users (id, work_number, display_name, role, center_code, password_hash, created_at) VALUES (1, '1001', 'a', 'agent', '330100', 'x', 0)",
    ).run();
    db.prepare(
      "INSERT INTO calls (id, center_code, direction, caller, callee, transport, arrived_at) VALUES ('c', '330100', 'inbound', '1', '12329', 'udp', 0)",
    ).run();
    const turn = db.prepare(
      'INSERT INTO call_agent_turns (call_id, agent_id, kind, started_at, ended_at, acw_started_at, acw_ended_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    turn.run('c', 1, 'answer', 10, 20, 20, 30);
    expect(() => turn.run('c', 1, 'answer', 10, 5, null, null)).toThrow(/CHECK/);
    expect(() => turn.run('c', 1, 'answer', 10, 20, 30, 25)).toThrow(/CHECK/);
    expect(() => turn.run('c', 1, 'barge', 10, 20, null, null)).toThrow(/CHECK/);
    expect(() => turn.run('nope', 1, 'answer', 10, 20, null, null)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare('UPDATE calls SET acw_ms = -1').run()).toThrow(/CHECK/);
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT COUNT(*), TOTAL(acw_ms), TOTAL(talk_ended_at - answered_at) FROM calls INDEXED BY calls_metrics WHERE center_code = '330100' AND arrived_at >= 0 AND arrived_at < 10",
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toMatch(/COVERING INDEX calls_metrics/);
  });
});
