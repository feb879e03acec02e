import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 19: department-phones', () => {
  it('leaves existing departments without a phone and takes digits only', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 18);
    db.prepare("INSERT INTO departments (id, center_code, code, name, created_at, updated_at) VALUES (1, '330100', 'loan', '贷款科', 0, 0)").run();
    migrate(db, MIGRATIONS, 19);
    expect(db.prepare('SELECT phone FROM departments WHERE id = 1').get()).toEqual({ phone: null });
    const set = db.prepare('UPDATE departments SET phone = ? WHERE id = 1');
    expect(set.run('057188001234').changes).toBe(1);
    for (const bad of ['12', '0571-8800', '+8657188001234', '1'.repeat(21)]) expect(() => set.run(bad), bad).toThrow(/CHECK/);
    expect(() => set.run(571)).toThrow(/CHECK|TEXT|datatype/i);
  });
});
