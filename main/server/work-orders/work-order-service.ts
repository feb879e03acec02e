import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import type { EventHub } from '../events/event-hub.js';
import type { AuditService } from '../audit/audit-service.js';
import type { Principal } from '../auth/principal.js';
import { assertCenter } from '../auth/principal.js';
import { HttpError } from '../http/http-app.js';
import type {
  CreateWorkOrderRequest,
  ListWorkOrdersQuery,
  OnTimeQuery,
  OnTimeResponse,
  TransitionRequest,
  UpdateWorkOrderRequest,
  WorkOrder,
  WorkOrderDetail,
  WorkOrderListResponse,
} from '../../../shared/api/work-orders.js';
import { endOfLocalDay, startOfLocalDay } from '../../../shared/time/zoned.js';
import type { DueDate, WorkingCalendar } from '../../../shared/calendar/working-calendar.js';
import { SLA_WORKING_DAYS } from '../../../shared/work-orders/categories.js';
import {
  CREATE_ROLES,
  STATE_LABELS,
  WORK_ORDER_ACTIONS,
  findTransition,
  type WorkOrderAction,
  type WorkOrderState,
} from '../../../shared/work-orders/state-machine.js';
import { WorkOrderRepository, type DraftChanges, type WorkOrderChanges, type WorkOrderRow } from './work-order-repository.js';
import { assertCanSee, departmentScope } from './work-order-access.js';
import { summarizeFollowUps, toFollowUpCall, toTimelineEntry, toWorkOrder } from './work-order-view.js';
import { allowedActions, canEdit, denial } from './work-order-permissions.js';
import type { DepartmentService } from './department-service.js';
import { createOverdueSupervisor } from './overdue-supervisor.js';
import { onTimeRate } from '../../../shared/metrics/work-order-figures.js';

/** Audit actions that are steps of an order's timeline. */
const TIMELINE_ACTIONS = new Set([...WORK_ORDER_ACTIONS, 'create', 'edit'].map((a) => `work_order.${a}`));

export interface WorkOrderServiceDeps {
  db: Db;
  clock: Clock;
  events: EventHub;
  audit: AuditService;
  calendar: WorkingCalendar;
  departments: DepartmentService;
  centerCode: string;
  timeZone: string;
  teamLeadsConfirm: boolean;
}

/** Registered as ctx.services.get(SERVICES.workOrders). */
export type WorkOrderService = ReturnType<typeof createWorkOrderService>;

export function createWorkOrderService(deps: WorkOrderServiceDeps) {
  const { db, clock, events, audit, calendar } = deps;
  const repo = new WorkOrderRepository(db);
  const settings = { teamLeadsConfirm: deps.teamLeadsConfirm };
  const supervisor = createOverdueSupervisor(db, clock, events, deps.centerCode);
  const onTimeStmts = {
    category: db.prepare<[string, number, number], { key: string | null; resolved: number; onTime: number }>(
      'SELECT category AS key, COUNT(*) AS resolved, TOTAL(resolved_at <= due_at) AS onTime FROM work_orders WHERE center_code = ? AND resolved_at >= ? AND resolved_at < ? GROUP BY category ORDER BY category',
    ),
    department: db.prepare<[string, number, number], { key: string | null; resolved: number; onTime: number }>(
      'SELECT department AS key, COUNT(*) AS resolved, TOTAL(resolved_at <= due_at) AS onTime FROM work_orders WHERE center_code = ? AND resolved_at >= ? AND resolved_at < ? GROUP BY department ORDER BY department',
    ),
  };
  const userByNumber = db.prepare<[string], number>('SELECT id FROM users WHERE work_number = ?').pluck();
  const names = db.prepare<[], { id: number; display_name: string }>('SELECT id, display_name FROM users');
  const view = (principal: Principal, row: WorkOrderRow, now: number, followUps?: WorkOrder['followUps']): WorkOrder =>
    toWorkOrder(row, now, { actions: allowedActions(principal, row, settings), editable: canEdit(principal, row) }, followUps);

  const load = (principal: Principal, id: number): WorkOrderRow => {
    const row = repo.get(id);
    if (!row) throw new HttpError(404, 'not_found', `no work order ${id}`);
    assertCanSee(principal, row);
    return row;
  };

  /** The order with its timeline, read from the audit trail (who, when, what, comment). */
  const detail = (principal: Principal, row: WorkOrderRow): WorkOrderDetail => {
    const calls = repo.followUpCalls(row.id);
    const who = new Map(names.all().map((u) => [u.id, u.display_name]));
    const trailEntries = audit.query({ entityType: 'work_order', entityId: String(row.id), limit: 1000 }).reverse();
    return {
      ...view(principal, row, clock.now(), summarizeFollowUps(calls)),
      // The order's steps only: the trail also holds a due date recomputed by a calendar load, which is no step.
      history: trailEntries.filter((e) => TIMELINE_ACTIONS.has(e.action)).map((e) => toTimelineEntry(e, who)),
      followUpCalls: calls.map(toFollowUpCall),
    };
  };

  /** History, audit and the live event for one step; the caller holds the transaction. */
  const trail = (
    row: WorkOrderRow,
    principal: Principal,
    action: WorkOrderAction | 'create' | 'edit',
    from: WorkOrderState | null,
    to: WorkOrderState,
    comment: string | null,
    department: string | null,
    at: number,
    extra: Record<string, unknown> = {},
  ) => {
    repo.addHistory(row.id, at, principal.userId, action, from, to, comment, department);
    audit.record({
      actorUserId: principal.userId,
      action: `work_order.${action}`,
      entityType: 'work_order',
      entityId: row.id,
      callId: row.call_id,
      detail: { from, to, ...(comment ? { comment } : {}), ...(department ? { department } : {}), ...extra },
    });
    return () =>
      events.publish({
        type: 'work-order.changed',
        workOrderId: row.id,
        centerCode: row.center_code,
        action,
        from,
        state: to,
        department: department ?? row.department,
        actorUserId: principal.userId,
        at: new Date(at).toISOString(),
      });
  };

  /** Never fails for a missing year: the calendar stands in a provisional one (marked on the order). */
  const dueAt = (createdAt: number, category: WorkOrderRow['category']): DueDate => calendar.due(createdAt, SLA_WORKING_DAYS[category], deps.timeZone);

  function transition(principal: Principal, id: number, body: TransitionRequest): WorkOrderDetail {
    const row = load(principal, id);
    const t = findTransition(row.state, body.action);
    if (!t) {
      throw new HttpError(409, 'illegal_transition', `cannot ${body.action} a work order that is ${row.state} (${STATE_LABELS[row.state]})`, {
        state: row.state,
        action: body.action,
      });
    }
    const refused = denial(principal, row, t, settings);
    if (refused) throw refused;
    const missing = (t.requires ?? []).filter((f) => body[f] === undefined || body[f] === '');
    if (missing.length > 0) {
      throw new HttpError(
        400,
        'invalid_request',
        `${body.action} needs ${missing.join(', ')}`,
        missing.map((path) => ({ path, code: 'required', message: 'required' })),
      );
    }

    const now = clock.now();
    const changes: WorkOrderChanges = {};
    let department: string | null = null;
    const extra: Record<string, unknown> = {};
    switch (t.action) {
      case 'submit':
        changes.submitted_at = row.submitted_at ?? now;
        break;
      case 'void':
        changes.voided_at = now;
        break;
      case 'dispatch':
        department = deps.departments.resolve(body.department!).name;
        Object.assign(changes, { department, assignee: null });
        break;
      // A returned or reopened order goes back for a new dispatch: no department holds it meanwhile.
      case 'return':
        department = row.department;
        Object.assign(changes, { department: null, assignee: null, extension_days: null });
        break;
      case 'reopen':
        Object.assign(changes, { department: null, assignee: null, resolved_at: null, replied_at: null, reply_result: null });
        break;
      case 'accept':
        changes.assignee = principal.userId;
        break;
      case 'request_extension':
        changes.extension_days = body.days!;
        extra.days = body.days;
        break;
      case 'grant_extension': {
        changes.extension_days = null;
        const extended = row.due_at === null ? null : calendar.due(row.due_at, row.extension_days!, deps.timeZone);
        changes.due_at = extended?.dueAt ?? null;
        if (extended) changes.due_provisional = extended.provisional ? 1 : 0;
        changes.due_notice = null; // a new due time: 督办 starts over
        Object.assign(extra, { days: row.extension_days, dueAt: changes.due_at === null ? null : new Date(changes.due_at).toISOString() });
        break;
      }
      case 'deny_extension':
        changes.extension_days = null;
        extra.days = row.extension_days;
        break;
      case 'resolve':
        Object.assign(changes, { resolution: body.resolution!, resolved_at: now, extension_days: null });
        break;
      case 'reject_resolution':
        changes.resolved_at = null;
        break;
      case 'reply':
        Object.assign(changes, { reply: body.reply!, replied_at: now, reply_result: body.replyResult! });
        Object.assign(extra, { reply: body.reply, replyResult: body.replyResult });
        break;
      case 'reject':
      case 'close':
        break;
    }

    const publish = db.transaction(() => {
      if (!repo.updateState(row, t.to, changes, now)) {
        throw new HttpError(409, 'changed_meanwhile', `work order ${id} changed meanwhile; reload it and try again`);
      }
      return trail(row, principal, t.action, row.state, t.to, body.comment ?? null, department, now, extra);
    })();
    publish();
    return detail(principal, repo.get(id)!);
  }

  const dayStart = (day: string) => startOfLocalDay(day, deps.timeZone);

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
      return body.submit ? transition(principal, id, { action: 'submit' }) : detail(principal, repo.get(id)!);
    },

    /** A draft's fields, changed by its creator (or a lead); a new category moves the due date. */
    edit(principal: Principal, id: number, body: UpdateWorkOrderRequest): WorkOrderDetail {
      const row = load(principal, id);
      if (row.state !== 'draft')
        throw new HttpError(409, 'not_a_draft', `work order ${id} is ${row.state} (${STATE_LABELS[row.state]}); only a draft is edited`, { state: row.state });
      if (!canEdit(principal, row)) throw new HttpError(403, 'not_own_draft', 'agents edit only their own drafts');
      const changes: DraftChanges = {};
      if (body.category !== undefined && body.category !== row.category) {
        const due = dueAt(row.created_at, body.category);
        Object.assign(changes, { category: body.category, due_at: due.dueAt, due_provisional: due.provisional ? 1 : 0 });
      }
      if (body.title !== undefined) changes.title = body.title;
      if (body.description !== undefined) changes.description = body.description;
      if (body.callerName !== undefined) changes.caller_name = body.callerName;
      if (body.callerNumber !== undefined) changes.caller_number = body.callerNumber;
      if (body.callbackNumber !== undefined) changes.callback_number = body.callbackNumber;
      const now = clock.now();
      const publish = db.transaction(() => {
        if (!repo.editDraft(row, changes, now)) throw new HttpError(409, 'changed_meanwhile', `work order ${id} changed meanwhile; reload it and try again`);
        return trail(row, principal, 'edit', 'draft', 'draft', null, null, now, { fields: Object.keys(body) });
      })();
      publish();
      return detail(principal, repo.get(id)!);
    },

    list(principal: Principal, query: ListWorkOrdersQuery): WorkOrderListResponse {
      assertCenter(principal, deps.centerCode);
      const now = clock.now();
      const createdBy = query.agent === undefined ? null : (userByNumber.get(query.agent) ?? -1);
      const scope = departmentScope(principal);
      // A handler's own department filter cannot widen their scope: a different one finds nothing.
      const department = scope ?? query.department ?? null;
      const { rows, total } = repo.list({
        centerCode: deps.centerCode,
        department: scope !== null && query.department !== undefined && query.department !== scope ? '\u0000' : department,
        states: query.state ?? null,
        category: query.category ?? null,
        id: query.id ?? null,
        callerNumber: query.callerNumber ?? null,
        createdBy,
        createdFrom: query.from ? dayStart(query.from) : null,
        createdTo: query.to ? endOfLocalDay(query.to, deps.timeZone) + 1 : null,
        overdueAt: query.overdue ? now : null,
        followUp: query.followUp ?? false,
        dueFrom: query.dueWithinHours ? now : null,
        dueTo: query.dueWithinHours ? now + query.dueWithinHours * 3600_000 : null,
        mine: query.mine ? principal.userId : null,
        sort: query.sort,
        limit: query.limit,
        offset: query.offset,
      });
      return { workOrders: rows.map((r) => view(principal, r, now)), total };
    },

    /** §2.5-5 on-time rate: of the orders resolved in the period, those resolved by their due time. */
    onTime(principal: Principal, query: OnTimeQuery): OnTimeResponse {
      assertCenter(principal, deps.centerCode);
      const rate = onTimeRate;
      const rows = onTimeStmts[query.by]
        .all(deps.centerCode, dayStart(query.from), endOfLocalDay(query.to, deps.timeZone) + 1)
        .map((r) => ({ key: r.key, resolved: r.resolved, onTime: Math.round(r.onTime), rate: rate(r.onTime, r.resolved) }));
      const resolved = rows.reduce((a, r) => a + r.resolved, 0);
      const onTime = rows.reduce((a, r) => a + r.onTime, 0);
      return { from: query.from, to: query.to, by: query.by, rows, total: { key: null, resolved, onTime, rate: rate(onTime, resolved) } };
    },

    /** 督办: pushes what has become due soon or overdue since the last check (the module runs it every minute). */
    superviseDue: () => supervisor.check(),

    get(principal: Principal, id: number): WorkOrderDetail {
      return detail(principal, load(principal, id));
    },

    /** For the voice core, when a follow-up call of an order is over: desks showing the order refresh it. */
    followUpEnded(id: number, callId: string): void {
      const row = repo.get(id);
      if (!row) return;
      events.publish({
        type: 'work-order.follow-up',
        workOrderId: id,
        centerCode: row.center_code,
        department: row.department,
        callId,
        at: new Date(clock.now()).toISOString(),
      });
    },

    /** For the voice core, before a follow-up call names an order: its center, if it exists. */
    centerOf(id: number): string | undefined {
      return repo.get(id)?.center_code;
    },

    transition,
  };
}
