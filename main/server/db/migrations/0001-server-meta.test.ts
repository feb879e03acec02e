import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 1: server-meta', () => {
  it('starts from an empty database and creates a STRICT server_meta with created_at', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 1);
    const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'server_meta'").pluck().get() as string;
    expect(sql).toMatch(/STRICT/);
    expect(() => db.prepare('INSERT INTO server_meta (key, value) VALUES (?, ?)').run('k', Buffer.from([1]))).toThrow(/cannot store BLOB/);
  });
});
