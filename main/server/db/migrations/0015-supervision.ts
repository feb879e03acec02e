import type { Migration } from '../migrate.js';

// Owner: supervision. The lost callers themselves are the call records (abandon_stage queue or
// ringing); this table only says who called one back, and when. The index lets the lead's board
// count today's missed rings per agent without scanning every ring ever made.
export const m0015Supervision: Migration = {
  version: 15,
  name: 'supervision',
  up(db) {
    db.exec(`
      CREATE TABLE lost_call_callbacks (
        call_id TEXT PRIMARY KEY REFERENCES calls(id),
        by_user_id INTEGER NOT NULL REFERENCES users(id),
        at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX ring_attempts_by_agent ON call_ring_attempts (agent_id, started_at);
    `);
  },
};
