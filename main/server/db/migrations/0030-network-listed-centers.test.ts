import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 30: network-listed-centers', () => {
  it('keeps the centers a province listed, each once, only its own', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 30);
    const put = db.prepare('INSERT INTO network_listed_centers (province_code, code, listed_at) VALUES (?, ?, 0)');
    put.run('330000', '330100');
    put.run('330000', '330200');
    expect(() => put.run('330000', '330100')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => put.run('330000', '320100')).toThrow(/CHECK/);
    expect(() => put.run('330100', '330200')).toThrow(/CHECK/);
    expect(() => put.run('330000', '330000')).toThrow(/CHECK/);
    expect(db.prepare("SELECT code FROM network_listed_centers WHERE province_code = '330000' ORDER BY code").pluck().all()).toEqual(['330100', '330200']);
  });
});
