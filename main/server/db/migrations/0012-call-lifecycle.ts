import type { Migration } from '../migrate.js';

// Owner: voice core (one call object writes each call's rows) and metrics (reads).
// Every call shape gives the figures DESIGN.md defines:
// - offered_at: the instant 人工 was chosen in service hours (wait = offered_at → answered_at);
// - talk_ended_at: the end of the last agent's talk (talk = answered_at → talk_ended_at, hold,
//   consult and conference included, survey excluded), so a transfer no longer cuts it short;
// - acw_ms / acw_count: the after-call work of every agent who had the call, each period once
//   (a transferred call has two), summed as each agent's ACW ends;
// - call_agent_turns: who had the call, from their answer until they left, and their ACW.
// Old rows are carried over with what they meant; a transferred call's ACW pair written in the
// wrong order (started after it ended) is dropped rather than counted negative.
export const m0012CallLifecycle: Migration = {
  version: 12,
  name: 'call-lifecycle',
  up(db) {
    db.exec(`
      ALTER TABLE calls ADD COLUMN offered_at INTEGER;
      ALTER TABLE calls ADD COLUMN talk_ended_at INTEGER;
      ALTER TABLE calls ADD COLUMN acw_ms INTEGER NOT NULL DEFAULT 0 CHECK (acw_ms >= 0);
      ALTER TABLE calls ADD COLUMN acw_count INTEGER NOT NULL DEFAULT 0 CHECK (acw_count >= 0);

      UPDATE calls SET offered_at = COALESCE(queued_at, ivr_exit_at, arrived_at) WHERE offered_to_agent = 1;
      UPDATE calls SET talk_ended_at = COALESCE(hung_up_at, ended_at) WHERE answered_at IS NOT NULL;
      UPDATE calls SET acw_ms = acw_ended_at - acw_started_at, acw_count = 1 WHERE acw_ended_at >= acw_started_at;

      CREATE TABLE call_agent_turns (
        id INTEGER PRIMARY KEY,
        call_id TEXT NOT NULL REFERENCES calls(id),
        agent_id INTEGER NOT NULL REFERENCES users(id),
        -- answer: took the call from the queue; transfer: a colleague it was handed to;
        -- consult: a colleague asked while the caller held; outbound: placed the follow-up call.
        kind TEXT NOT NULL CHECK (kind IN ('answer', 'transfer', 'consult', 'outbound')),
        started_at INTEGER NOT NULL,
        ended_at INTEGER,
        end_reason TEXT,
        acw_started_at INTEGER,
        acw_ended_at INTEGER,
        CHECK (ended_at IS NULL OR ended_at >= started_at),
        CHECK (acw_ended_at IS NULL OR acw_ended_at >= acw_started_at)
      ) STRICT;
      CREATE INDEX call_agent_turns_by_call ON call_agent_turns (call_id);
      CREATE INDEX call_agent_turns_by_agent ON call_agent_turns (agent_id, started_at);

      -- The covering index of the indicators (migration 9), over the columns they now read.
      DROP INDEX calls_metrics;
      CREATE INDEX calls_metrics ON calls (
        center_code, arrived_at, direction, offered_to_agent, offered_at, answered_at, talk_ended_at,
        abandon_stage, acw_ms, acw_count, survey_result
      );
    `);
  },
};
