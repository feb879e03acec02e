import type { Migration } from '../migrate.js';
// Owner: network (issue 16, docs/network.md). A parent's pull on demand: the parent's admin asks a
// child to send a range of days again; the child picks the request up on its next feed turn,
// re-sends the days (idempotent uploads) and marks it done.
export const m0027NetworkResendRequests: Migration = {
  version: 27,
  name: 'network-resend-requests',
  up(db) {
    db.exec(`
      CREATE TABLE network_resend_requests (
        id INTEGER PRIMARY KEY,
        -- The center whose days are asked for (at the ministry: a province's center).
        code TEXT NOT NULL CHECK (length(code) = 6),
        from_date TEXT NOT NULL CHECK (from_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        to_date TEXT NOT NULL CHECK (to_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND to_date >= from_date),
        requested_at INTEGER NOT NULL,
        requested_by INTEGER,
        done_at INTEGER
      ) STRICT;
      CREATE INDEX network_resend_pending ON network_resend_requests (code) WHERE done_at IS NULL;
    `);
  },
};
