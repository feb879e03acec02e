import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 17: wrap-up codes', () => {
  it('upgrades a version-16 database; codes are unique per center, one code per agent and call', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 16);
    db.prepare(
      "INSERT INTO users (work_number, display_name, role, center_code, password_hash, created_at) VALUES ('1001', '张敏', 'agent', '330100', 'x', 0)",
    ).run();
    db.prepare(
      "INSERT INTO calls (id, center_code, direction, caller, callee, transport, arrived_at) VALUES ('c1', '330100', 'inbound', '13800138000', '12329', 'udp', 0)",
    ).run();
    migrate(db, MIGRATIONS, 17);
    const code = db.prepare("INSERT INTO wrap_up_codes (center_code, code, label, created_at, updated_at) VALUES ('330100', ?, ?, 0, 0)");
    const id = Number(code.run('R1', '已解答').lastInsertRowid);
    expect(() => code.run('R1', '重复')).toThrow(/UNIQUE/);
    expect(() => code.run('', '空')).toThrow(/CHECK/);
    const wrap = db.prepare('INSERT INTO call_wrap_ups (call_id, agent_id, code_id, at) VALUES (?, 1, ?, 0)');
    expect(wrap.run('c1', id).changes).toBe(1);
    expect(() => wrap.run('c1', id)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => wrap.run('nope', id)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO wrap_up_settings (center_code, required, updated_at) VALUES ('330100', 2, 0)").run()).toThrow(/CHECK/);
  });
});
