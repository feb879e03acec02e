import type { Migration } from '../migrate.js';

// Owner: verification module: PIN hashes, lockouts, attempt audit.
// PINs exist here only as scrypt hashes; attempts keep a masked account and never the PIN.
export const m0006CallerVerification: Migration = {
  version: 6,
  name: 'caller-verification',
  up(db) {
    db.exec(`
      CREATE TABLE caller_pins (
        subject_kind TEXT NOT NULL CHECK (subject_kind IN ('person', 'employer')),
        subject_id TEXT NOT NULL,
        -- scrypt$N$r$p$salt$hash, base64url parts
        pin_hash TEXT NOT NULL CHECK (pin_hash LIKE 'scrypt$%'),
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (subject_kind, subject_id)
      ) STRICT, WITHOUT ROWID;

      -- Every verification attempt, from the IVR or started by an agent (§2.1). Lockout counts the
      -- failures of a subject on its local day (the center's time zone).
      CREATE TABLE caller_verification_attempts (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        local_day TEXT NOT NULL,
        login_type TEXT NOT NULL CHECK (login_type IN ('fund_account', 'id_card', 'cobrand_card', 'employer_account')),
        account_masked TEXT NOT NULL,
        subject_kind TEXT CHECK (subject_kind IN ('person', 'employer')),
        subject_id TEXT,
        result TEXT NOT NULL CHECK (result IN ('verified', 'failed', 'locked', 'invalid_account')),
        channel TEXT NOT NULL CHECK (channel IN ('ivr', 'agent')),
        call_id TEXT,
        agent_user_id INTEGER REFERENCES users(id),
        CHECK ((subject_kind IS NULL) = (subject_id IS NULL))
      ) STRICT;
      CREATE INDEX caller_attempts_by_subject ON caller_verification_attempts (subject_kind, subject_id, local_day);
      CREATE INDEX caller_attempts_by_call ON caller_verification_attempts (call_id);

      -- After a verification on a call, the agent on that call may read the subject's data.
      CREATE TABLE caller_grants (
        ref TEXT PRIMARY KEY,
        call_id TEXT NOT NULL,
        subject_kind TEXT NOT NULL CHECK (subject_kind IN ('person', 'employer')),
        subject_id TEXT NOT NULL,
        agent_user_id INTEGER REFERENCES users(id),
        granted_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        revoked_at INTEGER
      ) STRICT;
      CREATE INDEX caller_grants_by_call ON caller_grants (call_id);
    `);
  },
};
