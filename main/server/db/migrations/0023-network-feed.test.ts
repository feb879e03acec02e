import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 23: network-feed', () => {
  it('keeps one revision per (code, day) and one pending upload each, due in order', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 23);
    const day = db.prepare('INSERT INTO network_feed_days (code, date, revision, body, changed_at) VALUES (?, ?, ?, ?, 0)');
    day.run('330100', '2026-11-30', 1, '{}');
    expect(() => day.run('330100', '2026-11-30', 2, '{}')).toThrow(/PRIMARY|UNIQUE/);
    expect(() => day.run('330100', '2026-11-29', 0, '{}')).toThrow(/CHECK/);
    expect(() => day.run('330100', '30/11/2026', 1, '{}')).toThrow(/CHECK/);
    const out = db.prepare('INSERT INTO network_outbox (code, date, revision, body, next_attempt_at, queued_at) VALUES (?, ?, ?, ?, ?, 0)');
    out.run('330100', '2026-11-30', 1, '{}', 50);
    out.run('330100', '2026-11-29', 1, '{}', 10);
    expect(() => out.run('330100', '2026-11-30', 2, '{}', 0)).toThrow(/PRIMARY|UNIQUE/);
    expect(db.prepare('SELECT date FROM network_outbox WHERE next_attempt_at <= 60 ORDER BY next_attempt_at').pluck().all()).toEqual([
      '2026-11-29',
      '2026-11-30',
    ]);
  });
});
