import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 6: caller-verification', () => {
  it('upgrades a version-5 database with PIN hashes, attempts and grants', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 5);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name LIKE 'caller_%'").pluck().get()).toBe(0);
    migrate(db, MIGRATIONS, 6);
    for (const table of ['caller_pins', 'caller_verification_attempts', 'caller_grants']) {
      expect(db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(table)).toMatch(/STRICT/);
    }
    const pin = db.prepare("INSERT INTO caller_pins (subject_kind, subject_id, pin_hash, updated_at) VALUES ('person', ?, ?, 0)");
    pin.run('100000000001', 'scrypt$16384$8$1$c2FsdA$aGFzaA');
    expect(() => pin.run('100000000002', '123456')).toThrow(/CHECK/); // a bare PIN is refused
    const attempt = db.prepare(
      "INSERT INTO caller_verification_attempts (at, local_day, login_type, account_masked, subject_kind, subject_id, result, channel) VALUES (0, '2025-06-11', ?, '1000****0001', ?, ?, ?, 'ivr')",
    );
    attempt.run('fund_account', 'person', '100000000001', 'failed');
    attempt.run('id_card', null, null, 'invalid_account');
    expect(() => attempt.run('phone', 'person', '1', 'failed')).toThrow(/CHECK/);
    expect(() => attempt.run('fund_account', 'person', null, 'failed')).toThrow(/CHECK/);
    expect(() => attempt.run('fund_account', 'person', '1', 'maybe')).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO caller_grants (ref, call_id, subject_kind, subject_id, agent_user_id, granted_at, expires_at) VALUES ('g', 'c', 'person', '1', 77, 0, 1)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
