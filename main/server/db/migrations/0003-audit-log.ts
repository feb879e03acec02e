import type { Migration } from '../migrate.js';

// Owner: auth module: who did what, when, to which record.
export const m0003AuditLog: Migration = {
  version: 3,
  name: 'audit-log',
  up(db) {
    // entity_id is TEXT: calls have text ids, users and work orders integers. No foreign keys, so
    // that the trail outlives what it describes.
    db.exec(`
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        actor_user_id INTEGER,
        action TEXT NOT NULL,
        entity_type TEXT NOT NULL,
        entity_id TEXT,
        call_id TEXT,
        detail TEXT CHECK (detail IS NULL OR json_valid(detail))
      ) STRICT;
      CREATE INDEX audit_log_by_entity ON audit_log (entity_type, entity_id, at);
      CREATE INDEX audit_log_by_time ON audit_log (at);
    `);
  },
};
