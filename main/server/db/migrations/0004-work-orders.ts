import type { Migration } from '../migrate.js';

// Owner: work-orders module. §2.5 work orders and their transition history.
// Metrics counts complaints from (center_code, category, created_at). The columns the app always
// fills but that have defaults or may be null (state, title, created_by, due_at, …) are so that
// rows written by other tools and fixtures with only those columns stay valid.
export const m0004WorkOrders: Migration = {
  version: 4,
  name: 'work-orders',
  up(db) {
    db.exec(`
      CREATE TABLE work_orders (
        id INTEGER PRIMARY KEY,
        center_code TEXT NOT NULL,
        category TEXT NOT NULL CHECK (category IN ('complaint', 'suggestion', 'inquiry')),
        created_at INTEGER NOT NULL,
        call_id TEXT,
        state TEXT NOT NULL DEFAULT 'draft'
          CHECK (state IN ('draft', 'pending_approval', 'dispatched', 'in_progress', 'resolved', 'replied', 'closed')),
        title TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        caller_name TEXT,
        caller_number TEXT,
        callback_number TEXT,
        department TEXT,
        created_by INTEGER REFERENCES users(id),
        assignee INTEGER REFERENCES users(id),
        due_at INTEGER,
        resolution TEXT,
        reply TEXT,
        updated_at INTEGER,
        CHECK (due_at IS NULL OR due_at > created_at),
        CHECK (state NOT IN ('dispatched', 'in_progress') OR department IS NOT NULL)
      ) STRICT;
      CREATE INDEX work_orders_by_state_due ON work_orders (center_code, state, due_at);
      CREATE INDEX work_orders_by_department ON work_orders (department, state);
      CREATE INDEX work_orders_by_call ON work_orders (call_id) WHERE call_id IS NOT NULL;

      CREATE TABLE work_order_transitions (
        id INTEGER PRIMARY KEY,
        work_order_id INTEGER NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        actor_user_id INTEGER NOT NULL REFERENCES users(id),
        action TEXT NOT NULL,
        from_state TEXT,
        to_state TEXT NOT NULL,
        comment TEXT,
        department TEXT
      ) STRICT;
      CREATE INDEX work_order_transitions_by_order ON work_order_transitions (work_order_id, at);
    `);
  },
};
