import type { FollowUpCallSummary, ReplyResult, WorkOrder, WorkOrderHistoryEntry } from '../../../shared/api/work-orders.js';
import { DONE_STATES, type WorkOrderAction, type WorkOrderState } from '../../../shared/work-orders/state-machine.js';
import type { AuditEntry } from '../audit/audit-service.js';
import { DUE_SOON_HOURS } from '../../../shared/work-orders/categories.js';
import type { FollowUpCallRow, WorkOrderRow } from './work-order-repository.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** The follow-up summary of a list row (its subqueries). */
function followUpsOfRow(row: WorkOrderRow): WorkOrder['followUps'] {
  return {
    count: row.follow_up_count ?? 0,
    answered: row.follow_up_answered ?? 0,
    lastAt: row.follow_up_last_at ? iso(row.follow_up_last_at) : null,
    lastSurvey: row.follow_up_last_survey ?? null,
  };
}

/** The same summary from the calls themselves (ordered by time), for the detail that lists them. */
export function summarizeFollowUps(calls: readonly FollowUpCallRow[]): WorkOrder['followUps'] {
  const last = calls.at(-1);
  const lastSurvey = calls.findLast((c) => c.survey_result !== null)?.survey_result ?? null;
  return { count: calls.length, answered: calls.filter((c) => c.answered_at !== null).length, lastAt: last ? iso(last.arrived_at) : null, lastSurvey };
}

/**
 * Overdue as of `now`: still open past its due time, or resolved after it. An order resolved late
 * stays overdue for good (督办 counts it); a voided draft never is.
 */
export function isOverdue(row: Pick<WorkOrderRow, 'state' | 'due_at' | 'resolved_at'>, now: number): boolean {
  if (row.due_at === null || row.state === 'voided') return false;
  if (row.resolved_at !== null) return row.resolved_at > row.due_at;
  return !DONE_STATES.includes(row.state) && row.due_at < now;
}

/** The API shape of a row, with the overdue and nearly-due flags as of `now` and what the viewer may do. */
export function toWorkOrder(row: WorkOrderRow, now: number, viewer: Pick<WorkOrder, 'actions' | 'editable'>, followUps = followUpsOfRow(row)): WorkOrder {
  const open = !DONE_STATES.includes(row.state);
  const due = row.due_at;
  const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));
  return {
    id: row.id,
    centerCode: row.center_code,
    category: row.category,
    state: row.state,
    title: row.title,
    description: row.description,
    callerName: row.caller_name,
    callerNumber: row.caller_number,
    callbackNumber: row.callback_number,
    callId: row.call_id,
    department: row.department,
    createdBy: row.created_by,
    assignee: row.assignee,
    resolution: row.resolution,
    reply: row.reply,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at ?? row.created_at),
    dueAt: due === null ? null : iso(due),
    dueProvisional: row.due_provisional === 1,
    submittedAt: isoOrNull(row.submitted_at),
    resolvedAt: isoOrNull(row.resolved_at),
    repliedAt: isoOrNull(row.replied_at),
    replyResult: row.reply_result,
    extensionDays: row.extension_days,
    overdue: isOverdue(row, now),
    dueSoon: open && due !== null && due >= now && due < now + DUE_SOON_HOURS * 3600_000,
    actions: viewer.actions,
    editable: viewer.editable,
    followUps,
  };
}

export function toFollowUpCall(row: FollowUpCallRow): FollowUpCallSummary {
  return {
    callId: row.id,
    at: iso(row.arrived_at),
    agentWorkNumber: row.agent_work_number,
    number: row.callee,
    answered: row.answered_at !== null,
    talkSeconds: row.answered_at !== null && row.hung_up_at !== null ? Math.round((row.hung_up_at - row.answered_at) / 1000) : null,
    endReason: row.end_reason,
    surveyResult: row.survey_result,
  };
}

/** One step of the timeline, from its audit entry (detail: from, to, comment, department, days, replyResult). */
export function toTimelineEntry(entry: AuditEntry, names: ReadonlyMap<number, string>): WorkOrderHistoryEntry {
  const d = entry.detail ?? {};
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    at: entry.at,
    actorUserId: entry.actorUserId ?? 0,
    actorName: entry.actorUserId === null ? null : (names.get(entry.actorUserId) ?? null),
    action: entry.action.slice('work_order.'.length) as WorkOrderAction | 'create' | 'edit',
    from: str(d.from) as WorkOrderState | null,
    to: str(d.to) as WorkOrderState,
    comment: str(d.comment),
    department: str(d.department),
    days: typeof d.days === 'number' ? d.days : null,
    replyResult: str(d.replyResult) as ReplyResult | null,
  };
}
