import type { FollowUpCallSummary, WorkOrder, WorkOrderHistoryEntry } from '../../../shared/api/work-orders.js';
import { DONE_STATES, type WorkOrderAction } from '../../../shared/work-orders/state-machine.js';
import { DUE_SOON_HOURS } from '../../../shared/work-orders/categories.js';
import type { FollowUpCallRow, TransitionRow, WorkOrderRow } from './work-order-repository.js';

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

/** The API shape of a row, with the overdue and nearly-due flags as of `now`. */
export function toWorkOrder(row: WorkOrderRow, now: number, followUps = followUpsOfRow(row)): WorkOrder {
  const open = !DONE_STATES.includes(row.state);
  const due = row.due_at;
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
    overdue: open && due !== null && due < now,
    dueSoon: open && due !== null && due >= now && due < now + DUE_SOON_HOURS * 3600_000,
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

export function toHistoryEntry(row: TransitionRow): WorkOrderHistoryEntry {
  return {
    at: iso(row.at),
    actorUserId: row.actor_user_id,
    actorName: row.actor_name,
    action: row.action as WorkOrderAction | 'create',
    from: row.from_state,
    to: row.to_state,
    comment: row.comment,
    department: row.department,
  };
}
