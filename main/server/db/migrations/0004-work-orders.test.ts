import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 4: work-orders', () => {
  it('upgrades a version-3 database with STRICT work orders and their history', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 3);
    db.prepare(
      "INSERT INTO users (work_number, display_name, role, center_code, password_hash, created_at) VALUES ('1001', '张敏', 'agent', '330100', 'x', 0)",
    ).run();
    migrate(db, MIGRATIONS, 4);

    // The columns metrics relies on are enough for a valid row.
    db.prepare("INSERT INTO work_orders (center_code, category, created_at) VALUES ('330100', 'complaint', 10)").run();
    expect(db.prepare('SELECT state FROM work_orders').pluck().get()).toBe('draft');

    const insert = db.prepare(
      'INSERT INTO work_orders (center_code, category, created_at, state, department, created_by, due_at, updated_at) VALUES (?, ?, 10, ?, ?, ?, ?, 10)',
    );
    insert.run('330100', 'inquiry', 'dispatched', '贷款科', 1, 20);
    expect(() => insert.run('330100', 'praise', 'draft', null, 1, 20)).toThrow(/CHECK/);
    expect(() => insert.run('330100', 'inquiry', 'lost', null, 1, 20)).toThrow(/CHECK/);
    expect(() => insert.run('330100', 'inquiry', 'dispatched', null, 1, 20)).toThrow(/CHECK/); // dispatched needs a department
    expect(() => insert.run('330100', 'inquiry', 'draft', null, 1, 5)).toThrow(/CHECK/); // due before created
    expect(() => insert.run('330100', 'inquiry', 'draft', null, 42, 20)).toThrow(/FOREIGN KEY/);
    expect(() => insert.run('330100', 'inquiry', 'draft', null, 1, '明天')).toThrow(/cannot store TEXT/);

    const history = db.prepare(
      "INSERT INTO work_order_transitions (work_order_id, at, actor_user_id, action, from_state, to_state) VALUES (?, 11, ?, 'submit', 'draft', 'pending_approval')",
    );
    history.run(2, 1);
    expect(() => history.run(99, 1)).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM work_orders WHERE id = 2').run();
    expect(db.prepare('SELECT count(*) FROM work_order_transitions').pluck().get()).toBe(0);
  });
});
