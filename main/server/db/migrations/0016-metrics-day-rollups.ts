import type { Migration } from '../migrate.js';
// Owner: metrics. The raw counts of each closed local day of a center (issue 17: a year of figures
// from 365 rows, not 3.65 M calls). A row is a cache of what the calls and work_orders rows say:
// it is written only for a day that is over and has no call still talking, and the triggers below
// delete it in the same transaction as any write that could change it (a late survey, an ACW
// ending after midnight, recovery after a crash closing a call of an earlier day, a complaint
// submitted or voided). Days are stored as instant ranges [day_start, day_end), so the triggers
// need no time zone; time_zone says which zone cut them (rows of another zone are dropped at start).
export const m0016MetricsDayRollups: Migration = {
  version: 16,
  name: 'metrics-day-rollups',
  up(db) {
    db.exec(`
      CREATE TABLE metrics_days (
        center_code TEXT NOT NULL,
        day_start INTEGER NOT NULL,
        day_end INTEGER NOT NULL CHECK (day_end > day_start),
        time_zone TEXT NOT NULL,
        call_total INTEGER NOT NULL CHECK (call_total >= 0),
        offered INTEGER NOT NULL CHECK (offered >= 0),
        answered INTEGER NOT NULL CHECK (answered >= 0),
        abandoned INTEGER NOT NULL CHECK (abandoned >= 0),
        abandoned_ivr INTEGER NOT NULL CHECK (abandoned_ivr >= 0),
        talk_ms_sum INTEGER NOT NULL,
        wait_ms_sum INTEGER NOT NULL,
        acw_ms_sum INTEGER NOT NULL,
        acw_count INTEGER NOT NULL CHECK (acw_count >= 0),
        complaints INTEGER NOT NULL CHECK (complaints >= 0),
        survey_responses INTEGER NOT NULL CHECK (survey_responses >= 0),
        survey_satisfied INTEGER NOT NULL CHECK (survey_satisfied >= 0),
        computed_at INTEGER NOT NULL,
        PRIMARY KEY (center_code, day_start)
      ) STRICT, WITHOUT ROWID;

      -- Only the columns the indicators read fire the triggers (not every step of a call).
      CREATE TRIGGER metrics_days_call_insert AFTER INSERT ON calls BEGIN
        DELETE FROM metrics_days WHERE center_code = NEW.center_code AND day_end > NEW.arrived_at
          AND day_start = (SELECT MAX(day_start) FROM metrics_days WHERE center_code = NEW.center_code AND day_start <= NEW.arrived_at);
      END;
      CREATE TRIGGER metrics_days_call_update AFTER UPDATE OF center_code, direction, arrived_at, offered_to_agent, offered_at, answered_at,
          talk_ended_at, abandon_stage, acw_ms, acw_count, survey_result ON calls BEGIN
        DELETE FROM metrics_days WHERE center_code = OLD.center_code AND day_end > OLD.arrived_at
          AND day_start = (SELECT MAX(day_start) FROM metrics_days WHERE center_code = OLD.center_code AND day_start <= OLD.arrived_at);
        DELETE FROM metrics_days WHERE center_code = NEW.center_code AND day_end > NEW.arrived_at
          AND day_start = (SELECT MAX(day_start) FROM metrics_days WHERE center_code = NEW.center_code AND day_start <= NEW.arrived_at);
      END;
      CREATE TRIGGER metrics_days_call_delete AFTER DELETE ON calls BEGIN
        DELETE FROM metrics_days WHERE center_code = OLD.center_code AND day_end > OLD.arrived_at
          AND day_start = (SELECT MAX(day_start) FROM metrics_days WHERE center_code = OLD.center_code AND day_start <= OLD.arrived_at);
      END;

      -- Complaints count by submitted_at (a draft has none).
      CREATE TRIGGER metrics_days_order_insert AFTER INSERT ON work_orders WHEN NEW.submitted_at IS NOT NULL BEGIN
        DELETE FROM metrics_days WHERE center_code = NEW.center_code AND day_end > NEW.submitted_at
          AND day_start = (SELECT MAX(day_start) FROM metrics_days WHERE center_code = NEW.center_code AND day_start <= NEW.submitted_at);
      END;
      CREATE TRIGGER metrics_days_order_update AFTER UPDATE OF center_code, category, state, submitted_at ON work_orders BEGIN
        DELETE FROM metrics_days WHERE OLD.submitted_at IS NOT NULL AND center_code = OLD.center_code AND day_end > OLD.submitted_at
          AND day_start = (SELECT MAX(day_start) FROM metrics_days WHERE center_code = OLD.center_code AND day_start <= OLD.submitted_at);
        DELETE FROM metrics_days WHERE NEW.submitted_at IS NOT NULL AND center_code = NEW.center_code AND day_end > NEW.submitted_at
          AND day_start = (SELECT MAX(day_start) FROM metrics_days WHERE center_code = NEW.center_code AND day_start <= NEW.submitted_at);
      END;
      CREATE TRIGGER metrics_days_order_delete AFTER DELETE ON work_orders WHEN OLD.submitted_at IS NOT NULL BEGIN
        DELETE FROM metrics_days WHERE center_code = OLD.center_code AND day_end > OLD.submitted_at
          AND day_start = (SELECT MAX(day_start) FROM metrics_days WHERE center_code = OLD.center_code AND day_start <= OLD.submitted_at);
      END;

      -- The per-agent table of a period: missed rings by agent (migration 8 indexed them by call only).
      -- ring_attempts_by_agent (agent_id, started_at), which the per-agent table reads, comes with migration 15.
    `);
  },
};
