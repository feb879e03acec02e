import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 2: users-and-sessions', () => {
  it('upgrades a version-1 database with STRICT users and sessions that cascade', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 1);
    migrate(db, MIGRATIONS, 2);
    const insertUser = db.prepare(
      "INSERT INTO users (work_number, display_name, role, center_code, password_hash, sip_ha1, created_at) VALUES (?, '张敏', ?, '330100', 'scrypt$x', ?, 0)",
    );
    const id = Number(insertUser.run('1001', 'agent', 'a'.repeat(32)).lastInsertRowid);
    expect(() => insertUser.run('1002', 'janitor', null)).toThrow(/CHECK/);
    expect(() => insertUser.run('1003', 'agent', 'short')).toThrow(/CHECK/);
    expect(() => insertUser.run('1001', 'agent', null)).toThrow(/UNIQUE/);
    const insertSession = db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, 0, 1)');
    insertSession.run('f'.repeat(64), id);
    expect(() => insertSession.run('e'.repeat(64), 99)).toThrow(/FOREIGN KEY/);
    expect(() => insertSession.run('raw-token', id)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE sessions SET expires_at = 'soon'").run()).toThrow(/cannot store TEXT/);
    db.prepare('DELETE FROM users WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(0);
  });
});
