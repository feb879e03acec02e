import type { Migration } from '../migrate.js';

// Owner: wrap-up module. The center's own wrap-up (disposition) codes, whether one is required
// before an agent leaves after-call work, and the code each agent gave each call (one per agent
// and call: a transferred call is coded by both agents, each for their part).
export const m0017WrapUpCodes: Migration = {
  version: 17,
  name: 'wrap-up-codes',
  up(db) {
    db.exec(`
      CREATE TABLE wrap_up_codes (
        id INTEGER PRIMARY KEY,
        center_code TEXT NOT NULL,
        code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 20),
        label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 50),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        sort_order INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (center_code, code)
      ) STRICT;

      CREATE TABLE wrap_up_settings (
        center_code TEXT PRIMARY KEY,
        required INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE call_wrap_ups (
        call_id TEXT NOT NULL REFERENCES calls(id),
        agent_id INTEGER NOT NULL REFERENCES users(id),
        code_id INTEGER NOT NULL REFERENCES wrap_up_codes(id),
        at INTEGER NOT NULL,
        PRIMARY KEY (call_id, agent_id)
      ) STRICT;
      CREATE INDEX call_wrap_ups_by_code ON call_wrap_ups (code_id, at);
      CREATE INDEX call_wrap_ups_by_agent ON call_wrap_ups (agent_id, at);
    `);
  },
};
