import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 22: quality-role', () => {
  it('admits the quality role, keeps every user, their sessions and the references to them', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 21);
    const addUser = (work: string, role: string) =>
      db
        .prepare("INSERT INTO users (work_number, display_name, role, center_code, password_hash, created_at) VALUES (?, 'x', ?, '330100', 'h', 1)")
        .run(work, role).lastInsertRowid;
    const lead = addUser('8001', 'team_lead');
    db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, 1, 2)').run('a'.repeat(64), lead);
    db.prepare(
      "INSERT INTO calls (id, center_code, direction, caller, callee, transport, arrived_at, agent_id) VALUES ('c1', '330100', 'inbound', '13800000000', '12329', 'udp', 1, ?)",
    ).run(lead);
    expect(() => addUser('7001', 'quality')).toThrow(/CHECK/);
    migrate(db, MIGRATIONS, 22);
    expect(db.prepare('SELECT role FROM users ORDER BY id').pluck().all()).toEqual(['team_lead']);
    expect(db.prepare('SELECT user_id FROM sessions').pluck().all()).toEqual([lead]);
    addUser('7001', 'quality');
    expect(() => addUser('7002', 'auditor')).toThrow(/CHECK/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // The calls still point at users (the name is the same, so are the references).
    expect(() =>
      db
        .prepare(
          "INSERT INTO calls (id, center_code, direction, caller, callee, transport, arrived_at, agent_id) VALUES ('c2', '330100', 'inbound', '1', '12329', 'udp', 1, 999)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'users'").pluck().get()).toMatch(/STRICT/);
  });
});
