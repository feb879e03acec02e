import type { Migration } from '../migrate.js';
// Owner: network (issue 16, docs/network.md). The child's side of the feed upward: the last
// revision of each (center, day) it has produced, and the outbox of uploads its parent has not
// yet accepted. A center produces its own days; a province forwards its centers' rows unchanged.
export const m0023NetworkFeed: Migration = {
  version: 23,
  name: 'network-feed',
  up(db) {
    db.exec(`
      CREATE TABLE network_feed_days (
        code TEXT NOT NULL CHECK (length(code) = 6),
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        revision INTEGER NOT NULL CHECK (revision >= 1),
        -- The upload body's counts and attendance as JSON: a change of either is a new revision.
        body TEXT NOT NULL,
        changed_at INTEGER NOT NULL,
        PRIMARY KEY (code, date)
      ) STRICT, WITHOUT ROWID;

      -- One pending upload per (code, day): a newer revision replaces an unsent older one.
      CREATE TABLE network_outbox (
        code TEXT NOT NULL CHECK (length(code) = 6),
        date TEXT NOT NULL,
        revision INTEGER NOT NULL CHECK (revision >= 1),
        body TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at INTEGER NOT NULL,
        last_error TEXT,
        queued_at INTEGER NOT NULL,
        PRIMARY KEY (code, date)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX network_outbox_due ON network_outbox (next_attempt_at);
    `);
  },
};
