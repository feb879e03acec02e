import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import type { EventHub } from '../events/event-hub.js';
import type { AuditService } from '../audit/audit-service.js';
import type { Principal } from '../auth/principal.js';
import { assertCenter } from '../auth/principal.js';
import { HttpError } from '../http/http-app.js';
import type { CreateWorkOrderRequest, ListWorkOrdersQuery, TransitionRequest, WorkOrder, WorkOrderDetail } from '../../../shared/api/work-orders.js';
import type { DueDate, WorkingCalendar } from '../../../shared/calendar/working-calendar.js';
import { SLA_WORKING_DAYS } from '../../../shared/work-orders/categories.js';
import {
  CREATE_ROLES,
  STATE_LABELS,
  findTransition,
  type WorkOrderAction,
  type WorkOrderState,
} from '../../../shared/work-orders/state-machine.js';
import { WorkOrderRepository, type WorkOrderChanges, type WorkOrderRow } from './work-order-repository.js';
import { assertCanSee, departmentScope } from './work-order-access.js';
import { summarizeFollowUps, toFollowUpCall, toHistoryEntry, toWorkOrder } from './work-order-view.js';

export interface WorkOrderServiceDeps {
  db: Db;
  clock: Clock;
  events: EventHub;
  audit: AuditService;
  calendar: WorkingCalendar;
  centerCode: string;
  timeZone: string;
}

/** Registered as ctx.services.get(SERVICES.workOrders). */
export type WorkOrderService = ReturnType<typeof createWorkOrderService>;

export function createWorkOrderService(deps: WorkOrderServiceDeps) {
  const { db, clock, events, audit, calendar } = deps;
  const repo = new WorkOrderRepository(db);

  const load = (principal: Principal, id: number): WorkOrderRow => {
    const row = repo.get(id);
    if (!row) throw new HttpError(404, 'not_found', `no work order ${id}`);
    assertCanSee(principal, row);
    return row;
  };

  const detail = (row: WorkOrderRow): WorkOrderDetail => {
    const calls = repo.followUpCalls(row.id);
    return { ...toWorkOrder(row, clock.now(), summarizeFollowUps(calls)), history: repo.history(row.id).map(toHistoryEntry), followUpCalls: calls.map(toFollowUpCall) };
  };

  /** History, audit and the live event for one step; the caller holds the transaction. */
  const trail = (row: WorkOrderRow, principal: Principal, action: WorkOrderAction | 'create', from: WorkOrderState | null, to: WorkOrderState, comment: string | null, department: string | null, at: number) => {
    repo.addHistory(row.id, at, principal.userId, action, from, to, comment, department);
    audit.record({
      actorUserId: principal.userId,
      action: `work_order.${action}`,
      entityType: 'work_order',
      entityId: row.id,
      callId: row.call_id,
      detail: { from, to, ...(comment ? { comment } : {}), ...(department ? { department } : {}) },
    });
    return () =>
      events.publish({ type: 'work-order.changed', workOrderId: row.id, centerCode: row.center_code, action, from, state: to, department: department ?? row.department, actorUserId: principal.userId, at: new Date(at).toISOString() });
  };

  /** Never fails for a missing year: the calendar stands in a provisional one (marked on the order). */
  const dueAt = (createdAt: number, category: WorkOrderRow['category']): DueDate => calendar.due(createdAt, SLA_WORKING_DAYS[category], deps.timeZone);

  function transition(principal: Principal, id: number, body: TransitionRequest): WorkOrderDetail {
    const row = load(principal, id);
    const t = findTransition(row.state, body.action);
    if (!t) {
      throw new HttpError(409, 'illegal_transition', `cannot ${body.action} a work order that is ${row.state} (${STATE_LABELS[row.state]})`, { state: row.state, action: body.action });
    }
    if (!t.roles.includes(principal.role)) throw new HttpError(403, 'forbidden', `the role ${principal.role} may not ${body.action} a work order`);
    if (t.ownDepartment && principal.role !== 'center_admin' && row.department !== principal.department) {
      throw new HttpError(403, 'forbidden', 'this work order is with another department');
    }
    if (t.action === 'submit' && principal.role === 'agent' && row.created_by !== principal.userId) {
      throw new HttpError(403, 'forbidden', 'agents submit only their own drafts');
    }
    if (t.requires && !body[t.requires]) throw new HttpError(400, 'invalid_request', `${body.action} needs ${t.requires}`);

    const changes: WorkOrderChanges = {};
    if (t.action === 'dispatch') Object.assign(changes, { department: body.department, assignee: null });
    // A returned or reopened order goes back for a new dispatch: no department holds it meanwhile.
    if (t.action === 'return' || t.action === 'reopen') Object.assign(changes, { department: null, assignee: null });
    if (t.action === 'accept') changes.assignee = principal.userId;
    if (t.action === 'resolve') changes.resolution = body.resolution!;
    if (t.action === 'reply') changes.reply = body.reply!;

    const now = clock.now();
    const publish = db.transaction(() => {
      if (!repo.updateState(row, t.to, changes, now)) {
        throw new HttpError(409, 'illegal_transition', `work order ${id} changed meanwhile; reload it and try again`);
      }
      const department = t.action === 'dispatch' ? body.department! : t.action === 'return' ? row.department : null;
      return trail(row, principal, t.action, row.state, t.to, body.comment ?? null, department, now);
    })();
    publish();
    return detail(repo.get(id)!);
  }

  return {
    create(principal: Principal, body: CreateWorkOrderRequest): WorkOrderDetail {
      if (!CREATE_ROLES.includes(principal.role)) throw new HttpError(403, 'forbidden', `the role ${principal.role} may not open work orders`);
      assertCenter(principal, deps.centerCode);
      const now = clock.now();
      const due = dueAt(now, body.category);
      const { id, publish } = db.transaction(() => {
        const id = repo.insert({
          center_code: deps.centerCode,
          category: body.category,
          created_at: now,
          call_id: body.callId ?? null,
          title: body.title,
          description: body.description,
          caller_name: body.callerName ?? null,
          caller_number: body.callerNumber ?? null,
          callback_number: body.callbackNumber ?? null,
          created_by: principal.userId,
          due_at: due.dueAt,
          due_provisional: due.provisional ? 1 : 0,
        });
        return { id, publish: trail(repo.get(id)!, principal, 'create', null, 'draft', null, null, now) };
      })();
      publish();
      return body.submit ? transition(principal, id, { action: 'submit' }) : detail(repo.get(id)!);
    },

    list(principal: Principal, query: ListWorkOrdersQuery): WorkOrder[] {
      assertCenter(principal, deps.centerCode);
      const now = clock.now();
      const rows = repo.list({
        centerCode: deps.centerCode,
        department: departmentScope(principal),
        states: query.state ?? null,
        category: query.category ?? null,
        overdueBefore: query.overdue ? now : null,
        dueFrom: query.dueWithinHours ? now : null,
        dueTo: query.dueWithinHours ? now + query.dueWithinHours * 3600_000 : null,
        mine: query.mine ? principal.userId : null,
        limit: query.limit,
        offset: query.offset,
      });
      return rows.map((r) => toWorkOrder(r, now));
    },

    get(principal: Principal, id: number): WorkOrderDetail {
      return detail(load(principal, id));
    },

    /** For the voice core, when a follow-up call of an order is over: desks showing the order refresh it. */
    followUpEnded(id: number, callId: string): void {
      const row = repo.get(id);
      if (!row) return;
      events.publish({ type: 'work-order.follow-up', workOrderId: id, centerCode: row.center_code, department: row.department, callId, at: new Date(clock.now()).toISOString() });
    },

    /** For the voice core, before a follow-up call names an order: its center, if it exists. */
    centerOf(id: number): string | undefined {
      return repo.get(id)?.center_code;
    },

    transition,
  };
}
