import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 3: audit-log', () => {
  it('upgrades a version-2 database with a STRICT audit_log that keeps JSON detail', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 2);
    db.prepare(
      "INSERT INTO users (work_number, display_name, role, center_code, password_hash, created_at) VALUES ('1001', '张敏', 'agent', '330100', 'x', 0)",
    ).run();
    migrate(db, MIGRATIONS, 3);
    expect(db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(1);
    const insert = db.prepare(
      "INSERT INTO audit_log (at, actor_user_id, action, entity_type, entity_id, detail) VALUES (?, 1, 'work_order.submit', 'work_order', '7', ?)",
    );
    insert.run(5, '{"from":"draft"}');
    expect(() => insert.run(5, 'not json')).toThrow(/CHECK/);
    expect(() => insert.run('yesterday', null)).toThrow(/cannot store TEXT/);
    expect(db.prepare("SELECT json_extract(detail, '$.from') FROM audit_log").pluck().get()).toBe('draft');
  });
});
