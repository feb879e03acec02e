import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../auth/auth-service.js';
import type { AuditService } from '../audit/audit-service.js';
import type { Acd } from '../acd/acd.js';
import type { Clock } from '../clock.js';
import type { ServerEvent } from '../../../shared/api/events/index.js';
import { principalOf } from '../auth/principal.js';
import { HttpError } from '../http/http-app.js';
import { registerRoute } from '../http/register-route.js';
import { routes } from '../../../shared/api/routes.js';
import { AcdError } from '../acd/acd.js';
import type { CallbackResponse } from '../../../shared/api/supervision.js';
import { addDays, parseLocalDate } from '../../../shared/time/local-date.js';
import { localDateOf, startOfLocalDay } from '../../../shared/time/zoned.js';
import { LostCallerError, type LostCallers } from './lost-callers.js';

/** Who supervises agents and the queue. */
export const SUPERVISOR_ROLES = ['team_lead', 'center_admin'] as const;
/** Who may call a lost caller back: anyone who takes calls. */
const CALL_BACK_ROLES = ['agent', 'team_lead', 'center_admin'] as const;

export interface SupervisionRouteDeps {
  auth: AuthService;
  audit: AuditService;
  acd: Acd;
  lost: LostCallers;
  clock: Clock;
  timeZone: string;
  publish(event: ServerEvent): void;
}

/** HTTP of shared/api/supervision.ts: acting on agents and the queue, and the lost callers. */
export function registerSupervisionRoutes(app: FastifyInstance, d: SupervisionRouteDeps): void {
  const supervisors = { preHandler: d.auth.requireRole(...SUPERVISOR_ROLES) };
  const callTakers = { preHandler: d.auth.requireRole(...CALL_BACK_ROLES) };

  registerRoute(app, routes.supervision.forceAgent, supervisors, ({ params: { agentId }, body }, request) => {
    const principal = principalOf(request);
    const by = {
      userId: principal.userId,
      workNumber: principal.workNumber,
      displayName: principal.displayName,
      note: body.note,
    };
    const reason = body.state === 'not_ready' ? body.reason : null;
    const applied = asHttp(() => d.acd.forceState(agentId, { state: body.state, reason, by }));
    // A lead changing an agent's state is on the audit trail, with the reason the agent is shown.
    d.audit.record({
      actorUserId: principal.userId,
      action: 'supervision.force_state',
      entityType: 'agent',
      entityId: agentId,
      detail: { state: body.state, reason, note: body.note, applied },
    });
    return { applied };
  });

  registerRoute(app, routes.supervision.assignCall, supervisors, ({ params: { callId }, body: { agentId } }, request) => {
    const principal = principalOf(request);
    asHttp(() => d.acd.assignQueued(callId, agentId));
    d.audit.record({
      actorUserId: principal.userId,
      action: 'supervision.assign_call',
      entityType: 'call',
      entityId: callId,
      callId,
      detail: { agentId },
    });
    return { ok: true as const };
  });

  registerRoute(app, routes.supervision.lostCallers, callTakers, ({ query }) => {
    const date = query.date ? parseLocalDate(query.date) : localDateOf(d.clock.now(), d.timeZone);
    if (!date) throw new HttpError(400, 'invalid_request', `invalid query: date ${query.date} is no calendar date`);
    const start = startOfLocalDay(date, d.timeZone);
    const end = startOfLocalDay(addDays(date, 1), d.timeZone);
    return {
      date,
      callers: d.lost.list(start, end, query.open === '1'),
    };
  });

  registerRoute(app, routes.supervision.callBack, callTakers, ({ params: { callId } }, request) => {
    const principal = principalOf(request);
    let result: CallbackResponse;
    try {
      result = d.lost.markCalledBack(callId, principal.userId);
    } catch (error) {
      if (error instanceof LostCallerError) throw new HttpError(error.code === 'not_lost' ? 404 : 409, error.code, error.message);
      throw error;
    }
    d.audit.record({
      actorUserId: principal.userId,
      action: 'supervision.lost_caller_callback',
      entityType: 'call',
      entityId: callId,
      callId,
    });
    d.publish({
      type: 'supervision.lost-caller',
      callId,
      change: 'called_back',
    });
    return result;
  });
}

function asHttp<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof AcdError) throw new HttpError(error.code === 'unknown_agent' || error.code === 'not_queued' ? 404 : 409, error.code, error.message);
    throw error;
  }
}
