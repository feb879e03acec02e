import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

const plan = (db: Database.Database, sql: string) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join('\n');

describe('migration 18: follow-up-lists-and-order-indexes', () => {
  it('counts late-resolved orders from the index alone and keeps the orders it finds', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 17);
    db.prepare(
      "INSERT INTO work_orders (id, center_code, category, created_at, state, due_at, resolved_at, voided_at) VALUES (7, '330100', 'complaint', 0, 'closed', 10, 20, NULL)",
    ).run();
    migrate(db, MIGRATIONS, 18);
    const late = "SELECT COUNT(*) FROM work_orders WHERE center_code = '330100' AND resolved_at > due_at";
    expect(plan(db, late)).toMatch(/COVERING INDEX work_orders_overdue_resolved/);
    expect(db.prepare(late).pluck().get()).toBe(1);
    expect(
      plan(
        db,
        "SELECT COUNT(*), TOTAL(resolved_at <= due_at) FROM work_orders WHERE center_code = '330100' AND resolved_at >= 0 AND resolved_at < 99 GROUP BY category",
      ),
    ).toMatch(/INDEX work_orders_by_resolved/);
    expect(plan(db, "SELECT id FROM calls WHERE caller = '139' AND direction = 'inbound' ORDER BY arrived_at DESC")).toMatch(/calls_by_caller/);
  });

  it('keeps reminder-call lists, their entries and attempts consistent', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS);
    db.prepare(
      "INSERT INTO users (id, work_number, display_name, role, center_code, password_hash, created_at) VALUES (1, '2001', '组长', 'team_lead', '330100', 'x', 0), (2, '1001', '坐席', 'agent', '330100', 'x', 0)",
    ).run();
    db.prepare(
      "INSERT INTO follow_up_lists (id, center_code, title, reason, created_by, created_at) VALUES (1, '330100', '利率调整告知', 'rate_change', 1, 0)",
    ).run();
    expect(() =>
      db.prepare("INSERT INTO follow_up_lists (center_code, title, reason, created_by, created_at) VALUES ('330100', 'x', 'gossip', 1, 0)").run(),
    ).toThrow(/CHECK/);
    const entry = db.prepare('INSERT INTO follow_up_list_entries (list_id, number, assignee, done_at, done_by) VALUES (1, ?, 2, ?, ?)');
    entry.run('13900000001', null, null);
    expect(() => entry.run('13900000001', null, null)).toThrow(/UNIQUE/);
    expect(() => entry.run('13900000002', 5, null)).toThrow(/CHECK/); // done without who
    db.prepare(
      "INSERT INTO calls (id, center_code, direction, caller, callee, transport, arrived_at) VALUES ('c1', '330100', 'outbound', '1001', '13900000001', 'udp', 0)",
    ).run();
    const attempt = db.prepare('INSERT INTO follow_up_attempts (entry_id, call_id, agent_id, at, outcome) VALUES (1, ?, 2, 0, ?)');
    attempt.run('c1', 'answered');
    expect(() => attempt.run('c1', 'answered')).toThrow(/UNIQUE/);
    expect(() => attempt.run('nope', 'answered')).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM follow_up_lists WHERE id = 1').run();
    expect(db.prepare('SELECT COUNT(*) FROM follow_up_attempts').pluck().get()).toBe(0);
  });
});
