import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 13: provisional-calendars', () => {
  it('keeps existing orders final, flags new ones 0 or 1 only, and stores year files as JSON', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 12);
    db.prepare(
      "INSERT INTO work_orders (id, center_code, category, created_at, title, description, state, updated_at, due_at) VALUES (7, '330100', 'complaint', 0, '投诉', '…', 'draft', 0, 10)",
    ).run();
    migrate(db, MIGRATIONS, 13);
    expect(db.prepare('SELECT due_provisional FROM work_orders WHERE id = 7').get()).toEqual({ due_provisional: 0 });
    expect(db.prepare('UPDATE work_orders SET due_provisional = 1 WHERE id = 7').run().changes).toBe(1);
    expect(() => db.prepare('UPDATE work_orders SET due_provisional = 2 WHERE id = 7').run()).toThrow(/CHECK/);
    expect(db.prepare('SELECT id FROM work_orders WHERE due_provisional = 1').pluck().all()).toEqual([7]);

    const year = db.prepare('INSERT INTO calendar_years (year, body, loaded_at, loaded_by) VALUES (?, ?, 0, ?)');
    year.run(2027, JSON.stringify({ year: 2027 }), null);
    expect(() => year.run(2027, '{}', null)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => year.run(2028, 'not json', null)).toThrow(/CHECK/);
    expect(() => year.run(2029, '{}', 99)).toThrow(/FOREIGN KEY/);
  });
});
