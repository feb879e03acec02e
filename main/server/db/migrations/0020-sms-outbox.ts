import type { Migration } from '../migrate.js';

// Owner: sms module. Texts to citizens go out through the center's SMS platform from an outbox:
// written in the caller's transaction of thought (a booking, a subscription), delivered in the
// background with retries, resumed after a restart, and followed to the platform's delivery report.
export const m0020SmsOutbox: Migration = {
  version: 20,
  name: 'sms-outbox',
  up(db) {
    db.exec(`
      CREATE TABLE sms_messages (
        -- A UUID: the idempotency key the platform sees, so a retried request never sends twice.
        id TEXT PRIMARY KEY,
        center_code TEXT NOT NULL,
        fund_account TEXT NOT NULL CHECK (length(fund_account) BETWEEN 1 AND 40),
        template TEXT NOT NULL CHECK (length(template) BETWEEN 1 AND 40),
        text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
        state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'delivered', 'undeliverable', 'failed')),
        created_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at INTEGER,
        last_error TEXT,
        provider_id TEXT,
        sent_at INTEGER,
        reported_at INTEGER,
        CHECK ((state = 'queued') = (next_attempt_at IS NOT NULL)),
        CHECK (state NOT IN ('sent', 'delivered', 'undeliverable') OR sent_at IS NOT NULL)
      ) STRICT;
      CREATE INDEX sms_messages_due ON sms_messages (next_attempt_at) WHERE state = 'queued';
      CREATE INDEX sms_messages_created ON sms_messages (created_at);
    `);
  },
};
