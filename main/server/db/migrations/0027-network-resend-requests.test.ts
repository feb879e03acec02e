import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 27: network-resend-requests', () => {
  it('keeps a request per range, refuses a range that ends before it starts, lists what is pending', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 27);
    const ask = db.prepare('INSERT INTO network_resend_requests (code, from_date, to_date, requested_at, done_at) VALUES (?, ?, ?, 0, ?)');
    ask.run('330100', '2026-11-01', '2026-11-30', null);
    ask.run('330100', '2026-10-01', '2026-10-31', 5);
    expect(() => ask.run('330100', '2026-11-30', '2026-11-01', null)).toThrow(/CHECK/);
    expect(() => ask.run('3301', '2026-11-01', '2026-11-02', null)).toThrow(/CHECK/);
    expect(db.prepare('SELECT from_date FROM network_resend_requests WHERE code = ? AND done_at IS NULL').pluck().all('330100')).toEqual(['2026-11-01']);
  });
});
