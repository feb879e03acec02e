import type { Migration } from '../migrate.js';

// Owner: verification module. The telephone PIN moved to the gateway (the core system, or the
// embedded store's EmbeddedPinStore, now the only writer of caller_pins); an attempt on a known
// account that has no PIN is recorded as 'no_pin', not as an invalid account and not as a failure
// (it does not count towards the lockout). SQLite cannot change a CHECK: the table is rebuilt.
export const m0021TelephonePinOutcomes: Migration = {
  version: 21,
  name: 'telephone-pin-outcomes',
  up(db) {
    db.exec(`
      CREATE TABLE caller_verification_attempts_new (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        local_day TEXT NOT NULL,
        login_type TEXT NOT NULL CHECK (login_type IN ('fund_account', 'id_card', 'cobrand_card', 'employer_account')),
        account_masked TEXT NOT NULL,
        subject_kind TEXT CHECK (subject_kind IN ('person', 'employer')),
        subject_id TEXT,
        result TEXT NOT NULL CHECK (result IN ('verified', 'failed', 'locked', 'invalid_account', 'no_pin')),
        channel TEXT NOT NULL CHECK (channel IN ('ivr', 'agent')),
        call_id TEXT,
        agent_user_id INTEGER REFERENCES users(id),
        CHECK ((subject_kind IS NULL) = (subject_id IS NULL)),
        CHECK (result != 'no_pin' OR subject_kind IS NOT NULL)
      ) STRICT;
      INSERT INTO caller_verification_attempts_new SELECT * FROM caller_verification_attempts;
      DROP TABLE caller_verification_attempts;
      ALTER TABLE caller_verification_attempts_new RENAME TO caller_verification_attempts;
      CREATE INDEX caller_attempts_by_subject ON caller_verification_attempts (subject_kind, subject_id, local_day);
      CREATE INDEX caller_attempts_by_call ON caller_verification_attempts (call_id);
    `);
  },
};
