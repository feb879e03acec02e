import type { Migration } from '../migrate.js';

// Owner: calendar and work-orders modules. A due date counted over a year whose State Council
// notice was not loaded yet (statutory days and weekends only) is provisional until an admin loads
// the year's official calendar, which is kept here and recomputes those orders.
export const m0013ProvisionalCalendars: Migration = {
  version: 13,
  name: 'provisional-calendars',
  up(db) {
    db.exec(`
      ALTER TABLE work_orders ADD COLUMN due_provisional INTEGER NOT NULL DEFAULT 0 CHECK (due_provisional IN (0, 1));
      CREATE INDEX work_orders_due_provisional ON work_orders (center_code) WHERE due_provisional = 1;

      CREATE TABLE calendar_years (
        year INTEGER PRIMARY KEY CHECK (year BETWEEN 1900 AND 2200),
        body TEXT NOT NULL CHECK (json_valid(body)),
        loaded_at INTEGER NOT NULL,
        loaded_by INTEGER REFERENCES users(id)
      ) STRICT;
    `);
  },
};
