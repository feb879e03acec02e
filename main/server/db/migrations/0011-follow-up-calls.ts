import type { Migration } from '../migrate.js';

// Owner: voice core (writes) and work orders (reads). A follow-up call (回访) an agent places from
// a work order names the order, so that the order shows every attempt to reach the caller (§2.5-4).
export const m0011FollowUpCalls: Migration = {
  version: 11,
  name: 'follow-up-calls',
  up(db) {
    db.exec(`
      ALTER TABLE calls ADD COLUMN work_order_id INTEGER REFERENCES work_orders(id);
      CREATE INDEX calls_by_work_order ON calls (work_order_id) WHERE work_order_id IS NOT NULL;
    `);
  },
};
