import type { Migration } from '../migrate.js';

// Owner: auth module. Users of every role; agents also sign in to SIP with their work number.
export const m0002UsersAndSessions: Migration = {
  version: 2,
  name: 'users-and-sessions',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        work_number TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('agent', 'team_lead', 'department_handler', 'department_leader', 'center_admin', 'province', 'ministry')),
        center_code TEXT NOT NULL,
        department TEXT,
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
