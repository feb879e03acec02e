import type { Migration } from '../migrate.js';

// Owner: work-orders module. Departments become managed records (§2.5-2: dispatch only to one that
// exists); work orders gain 已作废 (a voided draft), the instants their counts need (submitted:
// complaints count when they leave 草稿; resolved: an order resolved late stays overdue; replied
// and its result), a pending extension request, the last overdue notice, and indexes for finding any order.
//
// SQLite cannot change a CHECK, so work_orders is rebuilt inside the migration's transaction,
// where foreign keys cannot be switched off: they are deferred instead. Dropping the old table
// cascades into work_order_transitions, so that is kept aside and put back; the links of calls and
// call_notes are violated only until the same ids exist again. foreign_key_check proves it.
export const m0014DepartmentsAndOrderLifecycle: Migration = {
  version: 14,
  name: 'departments-and-order-lifecycle',
  up(db) {
    db.exec(`
      CREATE TABLE departments (
        id INTEGER PRIMARY KEY,
        center_code TEXT NOT NULL,
        code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 20),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
        leader_user_id INTEGER REFERENCES users(id),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (center_code, code),
        UNIQUE (center_code, name)
      ) STRICT;
    `);
    db.pragma('defer_foreign_keys = ON');
    db.exec(`
        CREATE TEMP TABLE work_orders_v13 AS SELECT * FROM work_orders;
        CREATE TEMP TABLE transitions_v13 AS SELECT * FROM work_order_transitions;
        DROP TABLE work_orders;
        CREATE TABLE work_orders (
          id INTEGER PRIMARY KEY,
          center_code TEXT NOT NULL,
          category TEXT NOT NULL CHECK (category IN ('complaint', 'suggestion', 'inquiry')),
          created_at INTEGER NOT NULL,
          call_id TEXT,
          state TEXT NOT NULL DEFAULT 'draft'
            CHECK (state IN ('draft', 'pending_approval', 'dispatched', 'in_progress', 'resolved', 'replied', 'closed', 'voided')),
          title TEXT NOT NULL DEFAULT '',
          description TEXT NOT NULL DEFAULT '',
          caller_name TEXT,
          caller_number TEXT,
          callback_number TEXT,
          department TEXT,
          created_by INTEGER REFERENCES users(id),
          assignee INTEGER REFERENCES users(id),
          due_at INTEGER,
          -- Migration 13's: due_at was counted over a year without its official calendar.
          due_provisional INTEGER NOT NULL DEFAULT 0 CHECK (due_provisional IN (0, 1)),
          resolution TEXT,
          reply TEXT,
          updated_at INTEGER,
          submitted_at INTEGER,
          resolved_at INTEGER,
          replied_at INTEGER,
          reply_result TEXT CHECK (reply_result IN ('satisfied', 'basically_satisfied', 'unsatisfied', 'no_opinion')),
          voided_at INTEGER,
          extension_days INTEGER CHECK (extension_days BETWEEN 1 AND 30),
          -- The last 督办 notice sent for the current due time (overdue-supervisor.ts).
          due_notice TEXT CHECK (due_notice IN ('due_soon', 'overdue')),
          CHECK (due_at IS NULL OR due_at > created_at),
          CHECK (state NOT IN ('dispatched', 'in_progress') OR department IS NOT NULL),
          CHECK ((state = 'voided') = (voided_at IS NOT NULL))
        ) STRICT;
        INSERT INTO work_orders (id, center_code, category, created_at, call_id, state, title, description, caller_name, caller_number,
                                 callback_number, department, created_by, assignee, due_at, due_provisional, resolution, reply, updated_at,
                                 submitted_at, resolved_at, replied_at)
          SELECT w.id, w.center_code, w.category, w.created_at, w.call_id, w.state, w.title, w.description, w.caller_name, w.caller_number,
                 w.callback_number, w.department, w.created_by, w.assignee, w.due_at, w.due_provisional, w.resolution, w.reply, w.updated_at,
                 -- The first submission, else (rows written without history) the creation.
                 CASE WHEN w.state = 'draft' AND NOT EXISTS (SELECT 1 FROM temp.transitions_v13 t WHERE t.work_order_id = w.id AND t.action = 'submit')
                      THEN NULL
                      ELSE COALESCE((SELECT MIN(t.at) FROM temp.transitions_v13 t WHERE t.work_order_id = w.id AND t.action = 'submit'), w.created_at) END,
                 CASE WHEN w.state IN ('resolved', 'replied', 'closed')
                      THEN COALESCE((SELECT MAX(t.at) FROM temp.transitions_v13 t WHERE t.work_order_id = w.id AND t.action = 'resolve'), w.updated_at, w.created_at) END,
                 CASE WHEN w.state IN ('replied', 'closed')
                      THEN COALESCE((SELECT MAX(t.at) FROM temp.transitions_v13 t WHERE t.work_order_id = w.id AND t.action = 'reply'), w.updated_at, w.created_at) END
          FROM temp.work_orders_v13 w;
        INSERT INTO work_order_transitions SELECT * FROM temp.transitions_v13;
        DROP TABLE temp.work_orders_v13;
        DROP TABLE temp.transitions_v13;

        CREATE INDEX work_orders_by_state_due ON work_orders (center_code, state, due_at);
        CREATE INDEX work_orders_by_department ON work_orders (department, state, created_at);
        -- Overdue for good: resolved after the due time (open overdue ones use by_state_due).
        CREATE INDEX work_orders_resolved_late ON work_orders (center_code, created_at) WHERE resolved_at > due_at;
        CREATE INDEX work_orders_by_call ON work_orders (call_id) WHERE call_id IS NOT NULL;
        -- Search (benchmarks/work-order-search.bench.ts): newest first within a caller, a state,
        -- a creator, or the whole center.
        CREATE INDEX work_orders_by_caller ON work_orders (center_code, caller_number, created_at);
        CREATE INDEX work_orders_by_state_created ON work_orders (center_code, state, created_at);
        CREATE INDEX work_orders_by_creator ON work_orders (created_by, created_at);
        CREATE INDEX work_orders_by_created ON work_orders (center_code, created_at);
        CREATE INDEX work_orders_due_provisional ON work_orders (center_code) WHERE due_provisional = 1;
        -- Metrics: complaints of a period, counted when submitted (replaces migration 9's by created_at).
        CREATE INDEX work_orders_by_category_submitted ON work_orders (center_code, category, submitted_at);
    `);
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`migration 13 broke ${broken.length} foreign keys: ${JSON.stringify(broken.slice(0, 3))}`);
  },
};
