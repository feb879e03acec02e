import type { Db } from '../db/database.js';
import type { WorkOrderCategory } from '../../../shared/work-orders/categories.js';
import type { WorkOrderState } from '../../../shared/work-orders/state-machine.js';
import type { ReplyResult } from '../../../shared/api/work-orders.js';
import type { Statement } from 'better-sqlite3';

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
  submitted_at: number | null;
  resolved_at: number | null;
  replied_at: number | null;
  reply_result: ReplyResult | null;
  voided_at: number | null;
  extension_days: number | null;
  due_notice: 'due_soon' | 'overdue' | null;
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

export type NewWorkOrder = Pick<
  WorkOrderRow,
  | 'center_code'
  | 'category'
  | 'created_at'
  | 'call_id'
  | 'title'
  | 'description'
  | 'caller_name'
  | 'caller_number'
  | 'callback_number'
  | 'created_by'
  | 'due_at'
  | 'due_provisional'
>;

export interface WorkOrderFilter {
  centerCode: string;
  /** Department users see only orders now with their department. */
  department: string | null;
  states: WorkOrderState[] | null;
  category: WorkOrderCategory | null;
  id: number | null;
  callerNumber: string | null;
  /** Created by this user (the agent filter). */
  createdBy: number | null;
  /** Created in [createdFrom, createdTo). */
  createdFrom: number | null;
  createdTo: number | null;
  /** Overdue as of this instant: open and past due, or resolved after due. */
  overdueAt: number | null;
  /** Waiting for the reply or the satisfaction call (回访). */
  followUp: boolean;
  /** Open and due in [dueFrom, dueTo). */
  dueFrom: number | null;
  dueTo: number | null;
  /** Created by or assigned to this user. */
  mine: number | null;
  /** 'due': nearest due first (inboxes); 'created': newest first (search). */
  sort: 'due' | 'created';
  limit: number;
  offset: number;
}

/** What a transition changes besides the state; undefined keeps the column. */
export interface WorkOrderChanges {
  department?: string | null;
  assignee?: number | null;
  resolution?: string | null;
  reply?: string | null;
  due_at?: number | null;
  due_provisional?: 0 | 1;
  submitted_at?: number | null;
  resolved_at?: number | null;
  replied_at?: number | null;
  reply_result?: ReplyResult | null;
  voided_at?: number | null;
  extension_days?: number | null;
  due_notice?: 'due_soon' | 'overdue' | null;
}
const CHANGEABLE = [
  'department',
  'assignee',
  'resolution',
  'reply',
  'due_at',
  'due_provisional',
  'submitted_at',
  'resolved_at',
  'replied_at',
  'reply_result',
  'voided_at',
  'extension_days',
  'due_notice',
] as const;

/** A draft's editable fields. */
export type DraftChanges = Partial<
  Pick<WorkOrderRow, 'category' | 'title' | 'description' | 'caller_name' | 'caller_number' | 'callback_number' | 'due_at' | 'due_provisional'>
>;

// Listed (not NOT IN) so that SQLite can range-scan work_orders_by_state_due for each open state.
const OPEN = "state IN ('draft', 'pending_approval', 'dispatched', 'in_progress')";
/** 回访 to do: a resolved complaint or suggestion not yet replied to, or replied without a satisfaction answer. */
const FOLLOW_UP = `category IN ('complaint', 'suggestion') AND (state = 'resolved' OR (state = 'replied'
  AND NOT EXISTS (SELECT 1 FROM calls c WHERE c.work_order_id = work_orders.id AND c.survey_result IS NOT NULL)))`;
// Overdue at @overdueAt (an overdue order stays overdue) is two disjoint sets, each read from its own index: open orders past due
// (work_orders_by_state_due) and orders resolved after due (work_orders_overdue_resolved, which
// carries due_at and resolved_at: counting and paging them never reads the table). As one OR,
// SQLite scans the whole center; as `id IN (union)` it looks up every match's row to sort it.
const OVERDUE_OPEN = `${OPEN} AND due_at < @overdueAt`;
const OVERDUE_RESOLVED = 'resolved_at > due_at';
/** list() shows each order's follow-up summary; get() leaves it out (detail derives it from the calls it lists). */
const WITH_FOLLOW_UPS = `SELECT w.*,
    (SELECT COUNT(*) FROM calls c WHERE c.work_order_id = w.id) AS follow_up_count,
    (SELECT COUNT(*) FROM calls c WHERE c.work_order_id = w.id AND c.answered_at IS NOT NULL) AS follow_up_answered,
    (SELECT MAX(c.arrived_at) FROM calls c WHERE c.work_order_id = w.id) AS follow_up_last_at,
    (SELECT c.survey_result FROM calls c WHERE c.work_order_id = w.id AND c.survey_result IS NOT NULL ORDER BY c.arrived_at DESC LIMIT 1) AS follow_up_last_survey
  FROM work_orders w`;

interface ListStatements {
  rows: Statement<Record<string, unknown>, WorkOrderRow>;
  count: Statement<Record<string, unknown>, number>;
}
const qualified = (order: string) => order.replaceAll(/(\w+_at|\bid\b)/g, 'w.$1');

export class WorkOrderRepository {
  private readonly insertStmt;
  private readonly byId;
  private readonly listCache = new Map<string, ListStatements>();
  private readonly updateStmt;
  private readonly editStmt;
  private readonly historyInsert;
  private readonly followUpsStmt;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO work_orders (center_code, category, created_at, call_id, state, title, description, caller_name, caller_number, callback_number, created_by, due_at, due_provisional, updated_at)
       VALUES (@center_code, @category, @created_at, @call_id, 'draft', @title, @description, @caller_name, @caller_number, @callback_number, @created_by, @due_at, @due_provisional, @created_at)`,
    );
    this.byId = db.prepare<[number], WorkOrderRow>('SELECT * FROM work_orders WHERE id = ?');
    // The state in WHERE makes a concurrent change lose cleanly instead of overwriting.
    this.updateStmt = db.prepare(
      `UPDATE work_orders SET state = @to, ${CHANGEABLE.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now
       WHERE id = @id AND state = @from`,
    );
    this.editStmt = db.prepare(
      `UPDATE work_orders SET category = @category, title = @title, description = @description, caller_name = @caller_name, caller_number = @caller_number,
         callback_number = @callback_number, due_at = @due_at, due_provisional = @due_provisional, updated_at = @now
       WHERE id = @id AND state = 'draft'`,
    );
    this.historyInsert = db.prepare(
      'INSERT INTO work_order_transitions (work_order_id, at, actor_user_id, action, from_state, to_state, comment, department) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
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

  /** One page of the orders matching the filter, and how many match in all. */
  list(filter: WorkOrderFilter): { rows: WorkOrderRow[]; total: number } {
    // Only the filters given enter the SQL, so that SQLite picks the index that fits them; one
    // prepared statement per combination.
    const where = ['center_code = @centerCode'];
    if (filter.department !== null) where.push('department = @department');
    if (filter.states !== null) where.push(filter.states.length === 1 ? 'state = @state' : 'state IN (SELECT value FROM json_each(@states))');
    if (filter.category !== null) where.push('category = @category');
    if (filter.id !== null) where.push('id = @id');
    if (filter.callerNumber !== null) where.push('caller_number = @callerNumber');
    if (filter.createdBy !== null) where.push('created_by = @createdBy');
    if (filter.createdFrom !== null) where.push('created_at >= @createdFrom');
    if (filter.createdTo !== null) where.push('created_at < @createdTo');
    if (filter.followUp) where.push(FOLLOW_UP);
    if (filter.dueFrom !== null) where.push(`${OPEN} AND due_at >= @dueFrom AND due_at < @dueTo`);
    if (filter.mine !== null) where.push('(created_by = @mine OR assignee = @mine)');
    const order = filter.sort === 'created' ? 'created_at DESC, id DESC' : 'due_at IS NULL, due_at, id';
    const key = `${where.join(' AND ')}|${order}|${filter.overdueAt === null ? '' : 'overdue'}`;
    let stmts = this.listCache.get(key);
    if (!stmts) {
      stmts = filter.overdueAt === null ? this.plainStatements(where, order) : this.overdueStatements(where, order);
      this.listCache.set(key, stmts);
    }
    const params: Record<string, unknown> = { centerCode: filter.centerCode };
    const used = (name: string, value: unknown) => {
      if (new RegExp(`@${name}\\b`).test(key)) params[name] = value;
    };
    used('department', filter.department);
    used('state', filter.states?.[0]);
    used('states', filter.states ? JSON.stringify(filter.states) : null);
    used('category', filter.category);
    used('id', filter.id);
    used('callerNumber', filter.callerNumber);
    used('createdBy', filter.createdBy);
    used('createdFrom', filter.createdFrom);
    used('createdTo', filter.createdTo);
    if (filter.overdueAt !== null) params.overdueAt = filter.overdueAt;
    used('dueFrom', filter.dueFrom);
    used('dueTo', filter.dueTo);
    used('mine', filter.mine);
    const total = stmts.count.get(params)!;
    return { rows: stmts.rows.all({ ...params, limit: filter.limit, offset: filter.offset }), total };
  }

  private plainStatements(where: string[], order: string): ListStatements {
    const base = `FROM work_orders WHERE ${where.join(' AND ')}`;
    return {
      rows: this.db.prepare<Record<string, unknown>, WorkOrderRow>(
        `${WITH_FOLLOW_UPS} WHERE w.id IN (SELECT id ${base} ORDER BY ${order} LIMIT @limit OFFSET @offset) ORDER BY ${qualified(order)}`,
      ),
      count: this.db.prepare<Record<string, unknown>, number>(`SELECT COUNT(*) ${base}`).pluck(),
    };
  }

  /** Overdue: the page sorted over the two sets' index entries, the total as the sum of two index counts. */
  private overdueStatements(where: string[], order: string): ListStatements {
    const branch = (condition: string) => `FROM work_orders WHERE ${[...where, condition].join(' AND ')}`;
    const both = `SELECT id, created_at, due_at ${branch(OVERDUE_OPEN)} UNION ALL SELECT id, created_at, due_at ${branch(OVERDUE_RESOLVED)}`;
    return {
      rows: this.db.prepare<Record<string, unknown>, WorkOrderRow>(
        `${WITH_FOLLOW_UPS} WHERE w.id IN (SELECT id FROM (${both}) ORDER BY ${order} LIMIT @limit OFFSET @offset) ORDER BY ${qualified(order)}`,
      ),
      count: this.db
        .prepare<Record<string, unknown>, number>(`SELECT (SELECT COUNT(*) ${branch(OVERDUE_OPEN)}) + (SELECT COUNT(*) ${branch(OVERDUE_RESOLVED)})`)
        .pluck(),
    };
  }

  /** False when the order is no longer a draft. */
  editDraft(row: WorkOrderRow, changes: DraftChanges, now: number): boolean {
    return this.editStmt.run({ ...row, ...changes, now }).changes === 1;
  }

  /** False when the order is no longer in `from` (someone else moved it first). */
  updateState(row: WorkOrderRow, to: WorkOrderState, changes: WorkOrderChanges, now: number): boolean {
    const params: Record<string, unknown> = { id: row.id, from: row.state, to, now };
    for (const c of CHANGEABLE) params[c] = changes[c] === undefined ? row[c] : changes[c];
    const result = this.updateStmt.run(params);
    return result.changes === 1;
  }

  addHistory(
    orderId: number,
    at: number,
    actorUserId: number,
    action: string,
    from: WorkOrderState | null,
    to: WorkOrderState,
    comment: string | null,
    department: string | null,
  ): void {
    this.historyInsert.run(orderId, at, actorUserId, action, from, to, comment, department);
  }
}
