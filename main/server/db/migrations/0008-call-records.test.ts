import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 8: call-records', () => {
  it('upgrades a version-7 database and keeps calls consistent', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 7);
    db.prepare(
      "INSERT INTO users (work_number, display_name, role, center_code, password_hash, created_at) VALUES ('1001', '张三', 'agent', '330100', 'x', 0)",
    ).run();
    migrate(db, MIGRATIONS, 8);
    const insert = db.prepare(
      "INSERT INTO calls (id, center_code, direction, caller, callee, transport, arrived_at, answered_at, abandoned_at, agent_id) VALUES (?, '330100', 'inbound', '13800000000', '12329', 'udp', 1, ?, ?, ?)",
    );
    insert.run('c1', 5, null, 1);
    expect(() => insert.run('c2', 5, 6, 1)).toThrow(/CHECK/); // answered and abandoned at once
    expect(() => insert.run('c3', 5, null, 99)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO agent_state_log (agent_id, state, at) VALUES (1, 'dancing', 0)").run()).toThrow(/CHECK/);
  });
});
