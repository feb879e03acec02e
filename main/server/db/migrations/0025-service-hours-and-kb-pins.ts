import type { Migration } from '../migrate.js';

// Owner: service hours (main/server/voice/service-schedule-*.ts) and the knowledge base's pinned list.
// The admin's §2.3 schedule, saved at run time: seven weekday rows and dated exceptions, each day's
// periods as a JSON array [{ from, to }] (validated by shared/api/service-hours.ts before it is
// stored). No rows: the IVR flow's default hours. kb_pins: the articles the admin put on top of the
// hot list (置顶), in order.
export const m0025ServiceHoursAndKbPins: Migration = {
  version: 25,
  name: 'service-hours-and-kb-pins',
  up(db) {
    db.exec(`
      CREATE TABLE service_hours_weekly (
        weekday INTEGER PRIMARY KEY CHECK (weekday BETWEEN 1 AND 7),
        periods TEXT NOT NULL CHECK (json_valid(periods) AND json_type(periods) = 'array'),
        updated_at INTEGER NOT NULL,
        updated_by INTEGER REFERENCES users(id)
      ) STRICT;

      CREATE TABLE service_hours_exceptions (
        date TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        -- [] closed that day (a local holiday); periods: open with these hours (a weekend work day).
        periods TEXT NOT NULL CHECK (json_valid(periods) AND json_type(periods) = 'array'),
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;

      CREATE TABLE kb_pins (
        article_id INTEGER PRIMARY KEY REFERENCES kb_articles(id),
        position INTEGER NOT NULL UNIQUE CHECK (position >= 1)
      ) STRICT;
    `);
  },
};
