import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 10: call-notes', () => {
  it('upgrades a version-9 database and checks categories and links', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 9);
    db.prepare(
      "INSERT INTO users (work_number, display_name, role, center_code, password_hash, created_at) VALUES ('1001', '张敏', 'agent', '330100', 'x', 0)",
    ).run();
    migrate(db, MIGRATIONS, 10);
    const insert = db.prepare(
      "INSERT INTO call_notes (center_code, agent_id, category, topic, description, restatement, confirmed_at, work_order_id, created_at) VALUES ('330100', 1, ?, '余额', '', '…', 0, ?, 0)",
    );
    expect(insert.run('query', null).changes).toBe(1);
    expect(() => insert.run('gossip', null)).toThrow(/CHECK/);
    expect(() => insert.run('complaint', 42)).toThrow(/FOREIGN KEY/);
  });
});
