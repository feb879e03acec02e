import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 20: sms-outbox', () => {
  it('keeps a queued message due, and a sent one with its send time', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 20);
    const insert = db.prepare(
      'INSERT INTO sms_messages (id, center_code, fund_account, template, text, state, created_at, next_attempt_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)',
    );
    insert.run('a', '330100', '123456789', 'appointment-booked', '您已预约', 'queued', 0, null);
    expect(() => insert.run('b', '330100', '123456789', 'appointment-booked', '您已预约', 'queued', null, null)).toThrow(/CHECK/);
    expect(() => insert.run('c', '330100', '123456789', 'appointment-booked', '您已预约', 'sent', null, null)).toThrow(/CHECK/);
    expect(() => insert.run('d', '330100', '123456789', 'appointment-booked', '您已预约', 'lost', null, 5)).toThrow(/CHECK/);
    expect(() => insert.run('e', '330100', '123456789', 'appointment-booked', '', 'queued', 0, null)).toThrow(/CHECK/);
    insert.run('f', '330100', '123456789', 'appointment-booked', '您已预约', 'sent', null, 5);
    expect(() => insert.run('a', '330100', '1', 't', 'x', 'queued', 0, null)).toThrow(/UNIQUE|PRIMARY/);
    expect(db.prepare("SELECT id FROM sms_messages WHERE state = 'queued' ORDER BY next_attempt_at").pluck().all()).toEqual(['a']);
  });
});
