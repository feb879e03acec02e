import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 21: telephone-pin-outcomes', () => {
  it('keeps every earlier attempt and accepts no_pin only for a known subject', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 20);
    const insert = (result: string, subject: string | null) =>
      db
        .prepare(
          "INSERT INTO caller_verification_attempts (at, local_day, login_type, account_masked, subject_kind, subject_id, result, channel) VALUES (1, '2026-11-30', 'fund_account', '1000****9001', ?, ?, ?, 'ivr')",
        )
        .run(subject ? 'person' : null, subject, result);
    insert('failed', '100012329001');
    insert('invalid_account', null);
    expect(() => insert('no_pin', '100012329001')).toThrow(/CHECK/);
    migrate(db, MIGRATIONS, 21);
    expect(db.prepare('SELECT result FROM caller_verification_attempts ORDER BY id').pluck().all()).toEqual(['failed', 'invalid_account']);
    insert('no_pin', '100012329001');
    expect(() => insert('no_pin', null)).toThrow(/CHECK/);
    expect(() => insert('lost', '100012329001')).toThrow(/CHECK/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'caller_verification_attempts' ORDER BY name").pluck().all()).toEqual(
      ['caller_attempts_by_call', 'caller_attempts_by_subject'],
    );
  });
});
