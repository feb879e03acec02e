import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 14: departments-and-order-lifecycle', () => {
  it('rebuilds work_orders keeping every row and every link, and backfills submission and resolution', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 13);
    db.prepare(
      "INSERT INTO users (id, work_number, display_name, role, center_code, password_hash, created_at) VALUES (1, '1001', '张敏', 'agent', '330100', 'x', 0)",
    ).run();
    const order = db.prepare(
      "INSERT INTO work_orders (id, center_code, category, created_at, state, department, updated_at) VALUES (?, '330100', 'complaint', ?, ?, ?, ?)",
    );
    order.run(1, 100, 'draft', null, 100);
    order.run(2, 200, 'closed', null, 900);
    order.run(3, 300, 'in_progress', '贷款科', 400);
    const step = db.prepare('INSERT INTO work_order_transitions (work_order_id, at, actor_user_id, action, from_state, to_state) VALUES (?, ?, 1, ?, ?, ?)');
    step.run(2, 250, 'submit', 'draft', 'pending_approval');
    step.run(2, 700, 'resolve', 'in_progress', 'resolved');
    step.run(2, 800, 'reply', 'resolved', 'replied');
    db.prepare(
      "INSERT INTO calls (id, center_code, direction, caller, callee, transport, arrived_at, work_order_id) VALUES ('c1', '330100', 'outbound', '1001', '139', 'udp', 0, 2)",
    ).run();

    migrate(db, MIGRATIONS, 14);
    const rows = db.prepare('SELECT id, state, submitted_at, resolved_at, replied_at, voided_at FROM work_orders ORDER BY id').all();
    expect(rows).toEqual([
      { id: 1, state: 'draft', submitted_at: null, resolved_at: null, replied_at: null, voided_at: null },
      { id: 2, state: 'closed', submitted_at: 250, resolved_at: 700, replied_at: 800, voided_at: null },
      // No history: submitted when created.
      { id: 3, state: 'in_progress', submitted_at: 300, resolved_at: null, replied_at: null, voided_at: null },
    ]);
    // The old table's drop cascaded into nothing, and the links still point at work_orders.
    expect(db.prepare('SELECT COUNT(*) FROM work_order_transitions').pluck().get()).toBe(3);
    expect(db.prepare("SELECT work_order_id FROM calls WHERE id = 'c1'").pluck().get()).toBe(2);
    expect(() => db.prepare("UPDATE calls SET work_order_id = 99 WHERE id = 'c1'").run()).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.prepare('INSERT INTO work_order_transitions (work_order_id, at, actor_user_id, action, to_state) VALUES (99, 0, 1, ?, ?)').run('x', 'draft'),
    ).toThrow(/FOREIGN KEY/);
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'work_order_transitions'").pluck().get()).toMatch(/REFERENCES work_orders\(id\)/);

    // 已作废 exists, and only with its instant.
    expect(db.prepare("UPDATE work_orders SET state = 'voided', voided_at = 500 WHERE id = 1").run().changes).toBe(1);
    expect(() => db.prepare("UPDATE work_orders SET state = 'voided' WHERE id = 3").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE work_orders SET reply_result = 'maybe' WHERE id = 2").run()).toThrow(/CHECK/);
  });

  it('keeps departments unique by code and by name within a center', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 14);
    const add = db.prepare('INSERT INTO departments (center_code, code, name, created_at, updated_at) VALUES (?, ?, ?, 0, 0)');
    add.run('330100', 'loan', '贷款科');
    add.run('320100', 'loan', '贷款科');
    expect(() => add.run('330100', 'loan', '归集科')).toThrow(/UNIQUE/);
    expect(() => add.run('330100', 'fund', '贷款科')).toThrow(/UNIQUE/);
    expect(() => add.run('330100', '', '空')).toThrow(/CHECK/);
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'work_orders' AND sql IS NOT NULL").pluck().all();
    expect(indexes).toEqual(expect.arrayContaining(['work_orders_by_caller', 'work_orders_by_state_created', 'work_orders_by_category_submitted']));
  });
});
