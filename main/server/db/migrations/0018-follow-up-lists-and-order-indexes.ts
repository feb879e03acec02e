import type { Migration } from '../migrate.js';

// Owner: work-orders module (issue 11).
// - Overdue search (benchmarks/work-order-search.bench.ts): the late-resolved orders' index
//   carries due_at and resolved_at, so counting and paging them reads the index only (migration
//   14's partial index needed a table row per order, ~10 000 on 100 000 orders).
// - The on-time rate (办结及时率) of a period: orders resolved in it, read from one index.
// - A caller's earlier calls shown on the ringing desk: by caller (inbound) and callee (回访).
// - Reminder-call lists (§1.2 回访: policy or rate changes, repayment dates) a lead assigns to agents.
export const m0018FollowUpListsAndOrderIndexes: Migration = {
  version: 18,
  name: 'follow-up-lists-and-order-indexes',
  up(db) {
    db.exec(`
      DROP INDEX work_orders_resolved_late;
      CREATE INDEX work_orders_overdue_resolved ON work_orders (center_code, created_at, due_at, resolved_at) WHERE resolved_at > due_at;
      CREATE INDEX work_orders_by_resolved ON work_orders (center_code, resolved_at, due_at, category, department) WHERE resolved_at IS NOT NULL;
      CREATE INDEX calls_by_caller ON calls (caller, arrived_at) WHERE direction = 'inbound';
      CREATE INDEX calls_by_callee ON calls (callee, arrived_at) WHERE direction = 'outbound';

      CREATE TABLE follow_up_lists (
        id INTEGER PRIMARY KEY,
        center_code TEXT NOT NULL,
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
        reason TEXT NOT NULL CHECK (reason IN ('policy_change', 'rate_change', 'repayment_date', 'other')),
        -- What the agent tells the citizen.
        script TEXT NOT NULL DEFAULT '' CHECK (length(script) <= 2000),
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX follow_up_lists_by_center ON follow_up_lists (center_code, created_at);

      CREATE TABLE follow_up_list_entries (
        id INTEGER PRIMARY KEY,
        list_id INTEGER NOT NULL REFERENCES follow_up_lists(id) ON DELETE CASCADE,
        number TEXT NOT NULL CHECK (length(number) BETWEEN 3 AND 20),
        name TEXT CHECK (name IS NULL OR length(name) <= 50),
        assignee INTEGER REFERENCES users(id),
        assigned_at INTEGER,
        done_at INTEGER,
        done_by INTEGER REFERENCES users(id),
        result TEXT CHECK (result IS NULL OR length(result) <= 500),
        CHECK ((done_at IS NULL) = (done_by IS NULL)),
        UNIQUE (list_id, number)
      ) STRICT;
      CREATE INDEX follow_up_entries_by_assignee ON follow_up_list_entries (assignee, done_at);

      -- Each attempt: one follow-up call (outbound, through the trunk) with its outcome.
      CREATE TABLE follow_up_attempts (
        id INTEGER PRIMARY KEY,
        entry_id INTEGER NOT NULL REFERENCES follow_up_list_entries(id) ON DELETE CASCADE,
        call_id TEXT NOT NULL UNIQUE REFERENCES calls(id),
        agent_id INTEGER NOT NULL REFERENCES users(id),
        at INTEGER NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('answered', 'no_answer', 'busy', 'wrong_number')),
        note TEXT CHECK (note IS NULL OR length(note) <= 500)
      ) STRICT;
      CREATE INDEX follow_up_attempts_by_entry ON follow_up_attempts (entry_id, at);
    `);
  },
};
