import type { Migration } from '../migrate.js';

// Owner: call-notes module. The record an agent keeps of each call (§2.4-4/5), saved once the
// caller confirmed the restatement; a work order it opened is linked (§2.4-7).
export const m0010CallNotes: Migration = {
  version: 10,
  name: 'call-notes',
  up(db) {
    db.exec(`
      CREATE TABLE call_notes (
        id INTEGER PRIMARY KEY,
        center_code TEXT NOT NULL,
        call_id TEXT,
        agent_id INTEGER NOT NULL REFERENCES users(id),
        category TEXT NOT NULL CHECK (category IN ('inquiry', 'complaint', 'suggestion', 'query', 'booking', 'other')),
        topic TEXT NOT NULL,
        description TEXT NOT NULL,
        caller_name TEXT,
        caller_number TEXT,
        callback_number TEXT,
        answered_on_call INTEGER CHECK (answered_on_call IN (0, 1)),
        restatement TEXT NOT NULL,
        confirmed_at INTEGER NOT NULL,
        work_order_id INTEGER REFERENCES work_orders(id),
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX call_notes_by_call ON call_notes (call_id);
      CREATE INDEX call_notes_by_agent ON call_notes (agent_id, created_at);
    `);
  },
};
