import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 25: service-hours-and-kb-pins', () => {
  it('stores weekday rules, dated exceptions and pinned articles, and refuses what the schedule cannot mean', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 24);
    db.prepare(
      "INSERT INTO kb_articles (category, title, body, keywords, effective_from, status, version, created_at, updated_at) VALUES ('提取', 't', 'b', '', '2026-01-01', 'published', 1, 1, 1)",
    ).run();
    migrate(db, MIGRATIONS, 25);

    const weekly = db.prepare('INSERT INTO service_hours_weekly (weekday, periods, updated_at) VALUES (?, ?, 1)');
    weekly.run(6, JSON.stringify([{ from: '09:00', to: '12:00' }]));
    expect(() => weekly.run(8, '[]')).toThrow(/CHECK/);
    expect(() => weekly.run(1, '{"from":"09:00"}')).toThrow(/CHECK/);
    expect(() => weekly.run(2, 'not json')).toThrow(/CHECK|JSON/);

    const exception = db.prepare('INSERT INTO service_hours_exceptions (date, periods, note) VALUES (?, ?, ?)');
    exception.run('2026-12-05', '[]', '地方假日');
    expect(() => exception.run('2026-12-05', '[]', '')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => exception.run('5 Dec', '[]', '')).toThrow(/CHECK/);

    const pin = db.prepare('INSERT INTO kb_pins (article_id, position) VALUES (?, ?)');
    pin.run(1, 1);
    expect(() => pin.run(999, 2)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare('UPDATE kb_pins SET position = 0').run()).toThrow(/CHECK/);
    for (const t of ['service_hours_weekly', 'service_hours_exceptions', 'kb_pins'])
      expect(db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(t)).toMatch(/STRICT/);
  });
});
