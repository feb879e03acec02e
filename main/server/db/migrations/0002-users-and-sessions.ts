import type { Migration } from '../migrate.js';

// Owner: auth module. Users of every role; agents also sign in to SIP with their work number.
export const m0002UsersAndSessions: Migration = {
  version: 2,
  name: 'users-and-sessions',
  up(db) {
    // password_hash: "scrypt$N$r$p$salt$hash" (base64url). sip_ha1: md5(work_number:12329:password),
    // what a SIP digest registrar needs instead of the password itself.
    // sessions keep only sha256(token): a copied database gives no usable token.
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
        created_at INTEGER NOT NULL,
        sip_ha1 TEXT CHECK (sip_ha1 IS NULL OR length(sip_ha1) = 32),
        updated_at INTEGER
      ) STRICT;

      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        -- HA1 of a random SIP secret issued with this session: the desk registers its softphone
        -- with it, so the agent's password is never kept by the desk.
        sip_ha1 TEXT CHECK (sip_ha1 IS NULL OR length(sip_ha1) = 32)
      ) STRICT;
      CREATE INDEX sessions_by_user ON sessions (user_id);
      CREATE INDEX sessions_by_expiry ON sessions (expires_at);
    `);
  },
};
