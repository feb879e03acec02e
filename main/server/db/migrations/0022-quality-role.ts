import type { Migration } from '../migrate.js';

// Owner: auth module. A quality-check role (质检, 'quality') that plays back recordings and takes
// no calls. SQLite cannot change a CHECK: users is rebuilt. Its sessions are kept aside first,
// because dropping users cascades to them; the other tables' references are
// checked at commit, when the rows are back (rows inserted before the drop would not count).
export const m0022QualityRole: Migration = {
  version: 22,
  name: 'quality-role',
  up(db) {
    db.pragma('defer_foreign_keys = ON');
    db.exec(`
      CREATE TEMP TABLE users_v21 AS SELECT * FROM users;
      CREATE TEMP TABLE sessions_v21 AS SELECT * FROM sessions;
      DROP TABLE users;
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        work_number TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('agent', 'team_lead', 'quality', 'department_handler', 'department_leader', 'center_admin', 'province', 'ministry')),
        center_code TEXT NOT NULL,
        department TEXT,
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at INTEGER NOT NULL,
        sip_ha1 TEXT CHECK (sip_ha1 IS NULL OR length(sip_ha1) = 32),
        updated_at INTEGER
      ) STRICT;
      INSERT INTO users SELECT * FROM users_v21;
      INSERT INTO sessions SELECT * FROM sessions_v21;
      DROP TABLE users_v21;
      DROP TABLE sessions_v21;
    `);
  },
};
