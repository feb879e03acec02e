import type { Migration } from '../migrate.js';

// Owner: metrics module: shifts and teams for attendance (sign-in sessions come from
// agent_state_log), and the indexes the period aggregates read.
export const m0009Attendance: Migration = {
  version: 9,
  name: 'attendance',
  up(db) {
    db.exec(`
      CREATE TABLE agent_teams (
        agent_id INTEGER PRIMARY KEY REFERENCES users(id),
        team TEXT NOT NULL CHECK (length(team) BETWEEN 1 AND 64)
      ) STRICT;

      -- A shift names an agent or a team, and an ISO weekday (1 Monday … 7 Sunday) or one date;
      -- the most specific rule wins (shared/metrics/shifts.ts). Local HH:MM, within one day.
      CREATE TABLE shifts (
        id INTEGER PRIMARY KEY,
        center_code TEXT NOT NULL,
        agent_id INTEGER REFERENCES users(id),
        team TEXT,
        weekday INTEGER CHECK (weekday BETWEEN 1 AND 7),
        date TEXT CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        start_time TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]' AND start_time < '24:00'),
        end_time TEXT NOT NULL CHECK (end_time GLOB '[0-2][0-9]:[0-5][0-9]' AND end_time <= '24:00'),
        created_at INTEGER NOT NULL,
        CHECK ((agent_id IS NULL) <> (team IS NULL)),
        CHECK ((weekday IS NULL) <> (date IS NULL)),
        CHECK (end_time > start_time)
      ) STRICT;
      CREATE INDEX shifts_by_center ON shifts (center_code);

      -- Covering index for the indicators: a period is one range scan of this index, never of
      -- the table (benchmarks/metrics.bench.ts).
      CREATE INDEX calls_metrics ON calls (
        center_code, arrived_at, direction, offered_to_agent, queued_at, answered_at, hung_up_at,
        abandon_stage, acw_started_at, acw_ended_at, survey_result
      );
      -- Complaints of a period (work_orders is migration 4's).
      CREATE INDEX work_orders_by_category_created ON work_orders (center_code, category, created_at);
    `);
  },
};
