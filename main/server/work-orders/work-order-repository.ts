import type { Db } from '../db/database.js';
import type { WorkOrderCategory } from '../../../shared/work-orders/categories.js';
import type { WorkOrderState } from '../../../shared/work-orders/state-machine.js';

export interface WorkOrderRow {
  id: number;
  center_code: string;
  category: WorkOrderCategory;
  created_at: number;
  call_id: string | null;
  state: WorkOrderState;
  title: string;
  description: string;
  caller_name: string | null;
  caller_number: string | null;
  callback_number: string | null;
  department: string | null;
  created_by: number | null;
  assignee: number | null;
  due_at: number | null;
  /** 1 while due_at was counted over a year without its official calendar (migration 0013). */
  due_provisional: 0 | 1;
  resolution: string | null;
  reply: string | null;
  updated_at: number | null;
  /** Follow-up calls (回访) placed from this order (migration 0011); read-only, from list() only. */
  follow_up_count?: number;
  follow_up_answered?: number;
  follow_up_last_at?: number | null;
  follow_up_last_survey?: 1 | 2 | 3 | null;
}

export interface FollowUpCallRow {
  id: string;
  arrived_at: number;
  answered_at: number | null;
  hung_up_at: number | null;
  end_reason: string | null;
  agent_work_number: string;
  callee: string;
  survey_result: 1 | 2 | 3 | null;
}

export interface TransitionRow {
  at: number;
  actor_user_id: number;
  actor_name: string | null;
  action: string;
  from_state: WorkOrderState | null;
  to_state: WorkOrderState;
  comment: string | null;
  department: string | null;
}

export type NewWorkOrder = Pick<
  WorkOrderRow,
  'center_code' | 'category' | 'created_at' | 'call_id' | 'title' | 'description' | 'caller_name' | 'caller_number' | 'callback_number' | 'created_by' | 'due_at' | 'due_provisional'
>;

export interface WorkOrderFilter {
  centerCode: string;
  /** Department users see only orders now with their department. */
  department: string | null;
  states: WorkOrderState[] | null;
  category: WorkOrderCategory | null;
  /** Open and due before this instant. */
  overdueBefore: number | null;
  /** Open and due in [dueFrom, dueTo). */
  dueFrom: number | null;
  dueTo: number | null;
  /** Created by or assigned to this user. */
  mine: number | null;
  limit: number;
  offset: number;
}

/** What a transition changes besides the state; undefined keeps the column. */
export interface WorkOrderChanges {
  department?: string | null;
  assignee?: number | null;
  resolution?: string | null;
  reply?: string | null;
}

const OPEN = "state NOT IN ('resolved', 'replied', 'closed')";
/** list() shows each order's follow-up summary; get() leaves it out (detail derives it from the calls it lists). */
const WITH_FOLLOW_UPS = `SELECT w.*,
    (SELECT COUNT(*) FROM calls c WHERE c.work_order_id = w.id) AS follow_up_count,
    (SELECT COUNT(*) FROM calls c WHERE c.work_order_id = w.id AND c.answered_at IS NOT NULL) AS follow_up_answered,
    (SELECT MAX(c.arrived_at) FROM calls c WHERE c.work_order_id = w.id) AS follow_up_last_at,
    (SELECT c.survey_result FROM calls c WHERE c.work_order_id = w.id AND c.survey_result IS NOT NULL ORDER BY c.arrived_at DESC LIMIT 1) AS follow_up_last_survey
  FROM work_orders w`;

export class WorkOrderRepository {
  private readonly insertStmt;
  private readonly byId;
  private readonly listStmt;
  private readonly updateStmt;
  private readonly historyInsert;
  private readonly historyStmt;
  private readonly followUpsStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO work_orders (center_code, category, created_at, call_id, state, title, description, caller_name, caller_number, callback_number, created_by, due_at, due_provisional, updated_at)
       VALUES (@center_code, @category, @created_at, @call_id, 'draft', @title, @description, @caller_name, @caller_number, @callback_number, @created_by, @due_at, @due_provisional, @created_at)`,
    );
    this.byId = db.prepare<[number], WorkOrderRow>('SELECT * FROM work_orders WHERE id = ?');
    // NULL parameters mean "any": one prepared statement serves every combination of filters.
    this.listStmt = db.prepare<Record<string, unknown>, WorkOrderRow>(
      `${WITH_FOLLOW_UPS}
       WHERE center_code = @centerCode
         AND (@department IS NULL OR department = @department)
         AND (@states IS NULL OR state IN (SELECT value FROM json_each(@states)))
         AND (@category IS NULL OR category = @category)
         AND (@overdueBefore IS NULL OR (${OPEN} AND due_at < @overdueBefore))
         AND (@dueFrom IS NULL OR (${OPEN} AND due_at >= @dueFrom AND due_at < @dueTo))
         AND (@mine IS NULL OR created_by = @mine OR assignee = @mine)
       ORDER BY due_at IS NULL, due_at, id
       LIMIT @limit OFFSET @offset`,
    );
    // The state in WHERE makes a concurrent change lose cleanly instead of overwriting.
    this.updateStmt = db.prepare(
      `UPDATE work_orders SET state = @to, department = @department, assignee = @assignee, resolution = @resolution, reply = @reply, updated_at = @now
       WHERE id = @id AND state = @from`,
    );
    this.historyInsert = db.prepare(
      'INSERT INTO work_order_transitions (work_order_id, at, actor_user_id, action, from_state, to_state, comment, department) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.historyStmt = db.prepare<[number], TransitionRow>(
      `SELECT t.at, t.actor_user_id, u.display_name AS actor_name, t.action, t.from_state, t.to_state, t.comment, t.department
       FROM work_order_transitions t LEFT JOIN users u ON u.id = t.actor_user_id
       WHERE t.work_order_id = ? ORDER BY t.at, t.id`,
    );
    this.followUpsStmt = db.prepare<[number], FollowUpCallRow>(
      `SELECT id, arrived_at, answered_at, hung_up_at, end_reason, caller AS agent_work_number, callee, survey_result
       FROM calls WHERE work_order_id = ? AND direction = 'outbound' ORDER BY arrived_at, id`,
    );
  }

  followUpCalls(orderId: number): FollowUpCallRow[] {
    return this.followUpsStmt.all(orderId);
  }

  insert(order: NewWorkOrder): number {
    return Number(this.insertStmt.run(order).lastInsertRowid);
  }

  get(id: number): WorkOrderRow | undefined {
    return this.byId.get(id);
  }

  list(filter: WorkOrderFilter): WorkOrderRow[] {
    return this.listStmt.all({ ...filter, states: filter.states ? JSON.stringify(filter.states) : null });
  }

  /** False when the order is no longer in `from` (someone else moved it first). */
  updateState(row: WorkOrderRow, to: WorkOrderState, changes: WorkOrderChanges, now: number): boolean {
    const pick = <K extends keyof WorkOrderChanges>(key: K) => (changes[key] === undefined ? row[key] : changes[key]);
    const result = this.updateStmt.run({
      id: row.id,
      from: row.state,
      to,
      department: pick('department'),
      assignee: pick('assignee'),
      resolution: pick('resolution'),
      reply: pick('reply'),
      now,
    });
    return result.changes === 1;
  }

  addHistory(orderId: number, at: number, actorUserId: number, action: string, from: WorkOrderState | null, to: WorkOrderState, comment: string | null, department: string | null): void {
    this.historyInsert.run(orderId, at, actorUserId, action, from, to, comment, department);
  }

  history(orderId: number): TransitionRow[] {
    return this.historyStmt.all(orderId);
  }
}
