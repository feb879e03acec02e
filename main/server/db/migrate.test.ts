import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { migrate, MigrationError, schemaVersion, type Migration } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import { closeDatabase, openDatabase } from './database.js';

const table = (name: string, version: number): Migration => ({
  version,
  name,
  up: (db) => db.exec(`CREATE TABLE ${name} (id INTEGER PRIMARY KEY) STRICT`),
});

describe('migrate', () => {
  it('applies pending migrations in order and records the version', () => {
    const db = new Database(':memory:');
    expect(migrate(db, [table('a', 1), table('b', 2)])).toBe(2);
    expect(migrate(db, [table('a', 1), table('b', 2), table('c', 3)])).toBe(3);
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(names).toEqual(['a', 'b', 'c']);
  });

  it('rolls back a failing migration and keeps the previous version', () => {
    const db = new Database(':memory:');
    const broken: Migration = { version: 2, name: 'broken', up: (d) => d.exec('CREATE TABLE x (id INTEGER) STRICT; SELECT * FROM missing') };
    expect(() => migrate(db, [table('a', 1), broken])).toThrow();
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'x'").pluck().get()).toBe(0);
  });

  it('refuses a database newer than the program', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 9');
    expect(() => migrate(db, [table('a', 1)])).toThrow(MigrationError);
  });

  it('refuses gaps in migration numbers', () => {
    expect(() => migrate(new Database(':memory:'), [table('a', 1), table('c', 3)])).toThrow(/expected 2/);
  });
});

describe('openDatabase', () => {
  it('creates a WAL database at the latest schema and closes it checkpointed', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'db-')), 'nested', 'desk.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    closeDatabase(db);
    const reopened = new Database(file, { readonly: true });
    expect(reopened.prepare("SELECT value FROM server_meta WHERE key = 'created_at'").pluck().get()).toMatch(/^\d{4}-/);
  });
});
