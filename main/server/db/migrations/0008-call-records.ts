import type { Migration } from '../migrate.js';

// Owner: voice core (writes) and metrics (reads). Times are epoch milliseconds (UTC); a call's
// period is decided by arrived_at in the center's time zone. Written step by step as the call
// goes, so that a crash loses no call.
export const m0008CallRecords: Migration = {
  version: 8,
  name: 'call-records',
  up(db) {
    db.exec(`
      CREATE TABLE calls (
        id TEXT PRIMARY KEY,
        center_code TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        caller TEXT NOT NULL,
        callee TEXT NOT NULL,
        transport TEXT NOT NULL CHECK (transport IN ('udp', 'ws')),
        sip_call_id TEXT,
        arrived_at INTEGER NOT NULL,
        ivr_exit_at INTEGER,
        ivr_path TEXT NOT NULL DEFAULT '[]',
        -- The caller chose 人工 inside service hours: the denominator of callconnect.
        offered_to_agent INTEGER NOT NULL DEFAULT 0 CHECK (offered_to_agent IN (0, 1)),
        queued_at INTEGER,
        ring_started_at INTEGER,
        answered_at INTEGER,
        agent_id INTEGER REFERENCES users(id),
        hung_up_at INTEGER,
        hangup_side TEXT CHECK (hangup_side IN ('caller', 'agent', 'system')),
        abandoned_at INTEGER,
        abandon_stage TEXT CHECK (abandon_stage IN ('ivr', 'queue', 'ringing')),
        acw_started_at INTEGER,
        acw_ended_at INTEGER,
        survey_result INTEGER CHECK (survey_result IN (1, 2, 3)),
        survey_at INTEGER,
        recording_file TEXT,
        ended_at INTEGER,
        end_reason TEXT,
        CHECK (answered_at IS NULL OR abandoned_at IS NULL)
      ) STRICT;
      CREATE INDEX calls_by_arrival ON calls (arrived_at);
      CREATE INDEX calls_by_agent ON calls (agent_id, arrived_at);

      -- Each time a queued call rings an agent.
      CREATE TABLE call_ring_attempts (
        id INTEGER PRIMARY KEY,
        call_id TEXT NOT NULL REFERENCES calls(id),
        agent_id INTEGER NOT NULL REFERENCES users(id),
        started_at INTEGER NOT NULL,
        ended_at INTEGER,
        outcome TEXT CHECK (outcome IN ('answered', 'missed', 'rejected', 'abandoned'))
      ) STRICT;
      CREATE INDEX ring_attempts_by_call ON call_ring_attempts (call_id);

      -- A step-by-step log of the call (IVR nodes, DTMF menu choices, transfers); never digits of a PIN.
      CREATE TABLE call_events (
        id INTEGER PRIMARY KEY,
        call_id TEXT NOT NULL REFERENCES calls(id),
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        data TEXT
      ) STRICT;
      CREATE INDEX call_events_by_call ON call_events (call_id, at);

      -- Every agent state change, for the wallboard, ACW and attendance.
      CREATE TABLE agent_state_log (
        id INTEGER PRIMARY KEY,
        agent_id INTEGER NOT NULL REFERENCES users(id),
        state TEXT NOT NULL CHECK (state IN ('signed_out', 'ready', 'not_ready', 'ringing', 'talking', 'after_call_work')),
        reason TEXT,
        call_id TEXT,
        at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX agent_state_by_agent ON agent_state_log (agent_id, at);
    `);
  },
};
