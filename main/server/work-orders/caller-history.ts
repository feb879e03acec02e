// A caller's earlier orders and calls for the desk that has that caller's call (issue 11).
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import type { AuthService } from '../auth/auth-service.js';
import { assertCenter, principalOf, type Principal } from '../auth/principal.js';
import { HttpError } from '../http/http-app.js';
import { registerRoute } from '../http/register-route.js';
import { routes } from '../../../shared/api/routes.js';
import { CALLER_HISTORY_LIMIT, type CallerHistoryCall, type CallerHistoryOrder, type CallerHistoryResponse } from '../../../shared/api/caller-history.js';
import type { WorkOrderRow } from './work-order-repository.js';

/** After the call ends the agent keeps the history this long (after-call work, the note). */
const AFTER_CALL_GRACE_MS = 15 * 60_000;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function createCallerHistory(db: Db, clock: Clock, centerCode: string) {
  // An agent's call from this number: ringing them (a ring attempt) or talked to by them (a turn).
  const deskCall = db
    .prepare<{ number: string; agent: number; callId: string | null; since: number; center: string }, number>(
      `SELECT COUNT(*) FROM calls c WHERE c.center_code = @center AND c.direction = 'inbound' AND c.caller = @number
         AND (@callId IS NULL OR c.id = @callId) AND (c.ended_at IS NULL OR c.ended_at >= @since)
         AND (EXISTS (SELECT 1 FROM call_ring_attempts r WHERE r.call_id = c.id AND r.agent_id = @agent)
           OR EXISTS (SELECT 1 FROM call_agent_turns t WHERE t.call_id = c.id AND t.agent_id = @agent))`,
    )
    .pluck();
  // By caller number, and orders opened on one of this caller's calls without the number typed in.
  const orderIds = `SELECT id FROM work_orders WHERE center_code = @center AND caller_number = @number
    UNION SELECT w.id FROM calls c JOIN work_orders w ON w.call_id = c.id WHERE c.caller = @number AND c.direction = 'inbound' AND w.center_code = @center`;
  const orders = db.prepare<{ number: string; center: string; limit: number }, WorkOrderRow>(
    `SELECT * FROM work_orders WHERE id IN (${orderIds}) AND state <> 'voided' ORDER BY created_at DESC, id DESC LIMIT @limit`,
  );
  const orderCount = db
    .prepare<{ number: string; center: string }, number>(`SELECT COUNT(*) FROM work_orders WHERE id IN (${orderIds}) AND state <> 'voided'`)
    .pluck();
  const callsOf = `SELECT id FROM calls WHERE caller = @number AND direction = 'inbound' AND center_code = @center
    UNION ALL SELECT id FROM calls WHERE callee = @number AND direction = 'outbound' AND center_code = @center`;
  interface CallRow {
    id: string;
    direction: 'inbound' | 'outbound';
    arrived_at: number;
    answered_at: number | null;
    talk_end: number | null;
    agent_work_number: string | null;
    survey_result: 1 | 2 | 3 | null;
    work_order_id: number | null;
  }
  const calls = db.prepare<{ number: string; center: string; limit: number; exclude: string }, CallRow>(
    `SELECT c.id, c.direction, c.arrived_at, c.answered_at, COALESCE(c.talk_ended_at, c.hung_up_at, c.ended_at) AS talk_end,
        CASE c.direction WHEN 'outbound' THEN c.caller ELSE u.work_number END AS agent_work_number, c.survey_result, c.work_order_id
     FROM calls c LEFT JOIN users u ON u.id = c.agent_id
     WHERE c.id IN (${callsOf}) AND c.id <> @exclude ORDER BY c.arrived_at DESC LIMIT @limit`,
  );
  const callCount = db.prepare<{ number: string; center: string; exclude: string }, number>(`SELECT COUNT(*) FROM (${callsOf}) WHERE id <> @exclude`).pluck();

  const toOrder = (r: WorkOrderRow, now: number): CallerHistoryOrder => ({
    id: r.id,
    category: r.category,
    state: r.state,
    title: r.title,
    createdAt: new Date(r.created_at).toISOString(),
    dueAt: iso(r.due_at),
    overdue:
      r.due_at !== null &&
      (r.resolved_at !== null ? r.resolved_at > r.due_at : ['draft', 'pending_approval', 'dispatched', 'in_progress'].includes(r.state) && now > r.due_at),
    department: r.department,
    resolution: r.resolution,
  });
  const toCall = (r: CallRow): CallerHistoryCall => ({
    id: r.id,
    direction: r.direction,
    arrivedAt: new Date(r.arrived_at).toISOString(),
    answered: r.answered_at !== null,
    agentWorkNumber: r.agent_work_number,
    talkSeconds: r.answered_at !== null && r.talk_end !== null ? Math.max(0, Math.round((r.talk_end - r.answered_at) / 1000)) : null,
    surveyResult: r.survey_result,
    workOrderId: r.work_order_id,
  });

  return {
    /** 403 `not_your_call` unless an agent has this caller's call at their desk; leads and admins see any caller. */
    get(principal: Principal, number: string, callId: string | undefined): CallerHistoryResponse {
      assertCenter(principal, centerCode);
      const now = clock.now();
      if (principal.role === 'agent') {
        const mine = deskCall.get({ number, agent: principal.userId, callId: callId ?? null, since: now - AFTER_CALL_GRACE_MS, center: centerCode });
        if (!mine) throw new HttpError(403, 'not_your_call', `no call from ${number} is ringing or answered at your desk`);
      }
      const args = { number, center: centerCode };
      const exclude = callId ?? '';
      return {
        number,
        workOrders: orders.all({ ...args, limit: CALLER_HISTORY_LIMIT }).map((r) => toOrder(r, now)),
        calls: calls.all({ ...args, exclude, limit: CALLER_HISTORY_LIMIT }).map(toCall),
        totalWorkOrders: orderCount.get(args)!,
        totalCalls: callCount.get({ ...args, exclude })!,
      };
    },
  };
}

export function registerCallerHistoryRoutes(app: FastifyInstance, auth: AuthService, history: ReturnType<typeof createCallerHistory>): void {
  registerRoute(app, routes.callers.history, { preHandler: auth.requireRole('agent', 'team_lead', 'center_admin') }, ({ params, query }, request) =>
    history.get(principalOf(request), params.number, query.callId),
  );
}
