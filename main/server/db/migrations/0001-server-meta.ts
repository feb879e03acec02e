import type { Migration } from '../migrate.js';

export const m0001ServerMeta: Migration = {
  version: 1,
  name: 'server-meta',
  up(db) {
    db.exec(`
      CREATE TABLE server_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
      INSERT INTO server_meta (key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
    `);
  },
};
