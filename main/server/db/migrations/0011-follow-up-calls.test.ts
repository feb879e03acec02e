import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 11: follow-up-calls', () => {
  it('keeps version-10 calls and links new ones to existing work orders only', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 10);
    const call = db.prepare("INSERT INTO calls (id, center_code, direction, caller, callee, transport, arrived_at) VALUES (?, '330100', ?, ?, ?, 'udp', 0)");
    call.run('old', 'inbound', '13800138000', '12329');
    migrate(db, MIGRATIONS, 11);
    expect(db.prepare("SELECT work_order_id FROM calls WHERE id = 'old'").get()).toEqual({ work_order_id: null });

    db.prepare(
      "INSERT INTO work_orders (id, center_code, category, created_at, title, description, state, updated_at) VALUES (7, '330100', 'complaint', 0, '投诉', '…', 'resolved', 0)",
    ).run();
    call.run('out', 'outbound', '1001', '13900000000');
    expect(db.prepare("UPDATE calls SET work_order_id = 7 WHERE id = 'out'").run().changes).toBe(1);
    expect(() => db.prepare("UPDATE calls SET work_order_id = 8 WHERE id = 'out'").run()).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT id FROM calls WHERE work_order_id = 7').pluck().all()).toEqual(['out']);
  });
});
