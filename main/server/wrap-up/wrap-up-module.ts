import type { ServerModuleFactory } from '../context.js';
import { principalOf } from '../auth/principal.js';
import { HttpError } from '../http/http-app.js';
import { SERVICES } from '../services.js';
import { centerDay } from '../calls/center-day.js';
import type { WrapUpCodesResponse } from '../../../shared/api/wrap-up.js';
import { routes } from '../../../shared/api/routes.js';
import { registerRoute } from '../http/register-route.js';
import { WrapUpRepository } from './wrap-up-repository.js';

const READ_ROLES = ['agent', 'team_lead', 'center_admin'] as const;
const CALL_TAKERS = ['agent', 'team_lead'] as const;
const REPORT_ROLES = ['team_lead', 'center_admin'] as const;

/**
 * Wrap-up (disposition) codes: the center admin keeps the list and says whether a code is
 * required before leaving after-call work (the ACD then holds the agent in ACW until it is given);
 * agents code each call they took part in; team leads read calls per agent and per code.
 * Every change of the list or the rule is audited. Needs 'auth' and 'acd' before it.
 */
export const wrapUpModule: ServerModuleFactory = (ctx) => {
  const auth = ctx.services.require(SERVICES.auth, 'wrap-up');
  const acd = ctx.services.require(SERVICES.acd, 'wrap-up');
  const audit = ctx.services.require(SERVICES.audit, 'wrap-up');
  const repo = new WrapUpRepository(ctx.db, ctx.config.centerCode);
  acd.setAcwGuard((agentId, callId) => !repo.required() || repo.codes(true).length === 0 || repo.hasWrapUp(callId, agentId));
  const listing = (activeOnly: boolean): WrapUpCodesResponse => ({ codes: repo.codes(activeOnly), required: repo.required() });

  return {
    name: 'wrap-up',
    registerRoutes(app) {
      const admin = { preHandler: auth.requireRole('center_admin') };
      registerRoute(app, routes.wrapUp.list, { preHandler: auth.requireRole(...READ_ROLES) }, (_, request) =>
        listing(principalOf(request).role !== 'center_admin'),
      );

      registerRoute(app, routes.wrapUp.create, admin, ({ body }, request) => {
        const created = repo.create(body, ctx.clock.now());
        if (!created) throw new HttpError(409, 'wrap_up_code_taken', `wrap-up code ${body.code} exists`, { field: 'code' });
        audit.record({
          actorUserId: principalOf(request).userId,
          action: 'wrap_up.create',
          entityType: 'wrap_up_code',
          entityId: created.id,
          detail: { ...body },
        });
        return created;
      });

      registerRoute(app, routes.wrapUp.update, admin, ({ params, body }, request) => {
        const updated = repo.update(params.id, body, ctx.clock.now());
        if (!updated) throw new HttpError(404, 'not_found', `no wrap-up code ${params.id}`);
        audit.record({
          actorUserId: principalOf(request).userId,
          action: 'wrap_up.update',
          entityType: 'wrap_up_code',
          entityId: updated.id,
          detail: { code: updated.code, changes: body },
        });
        return updated;
      });

      registerRoute(app, routes.wrapUp.settings, admin, ({ body }, request) => {
        repo.setRequired(body.required, ctx.clock.now());
        audit.record({
          actorUserId: principalOf(request).userId,
          action: 'wrap_up.settings',
          entityType: 'wrap_up_settings',
          entityId: null,
          detail: { ...body },
        });
        return listing(false);
      });

      registerRoute(app, routes.callHistory.setWrapUp, { preHandler: auth.requireRole(...CALL_TAKERS) }, ({ params, body }, request) => {
        const principal = principalOf(request);
        const { callId } = params;
        const { codeId } = body;
        const code = repo.code(codeId);
        if (!code?.active) throw new HttpError(400, 'invalid_request', `no active wrap-up code ${codeId}`, { field: 'codeId' });
        if (!repo.tookPart(callId, principal.userId)) throw new HttpError(404, 'not_found', `call ${callId} is not one of this agent's`);
        repo.record(callId, principal.userId, codeId, ctx.clock.now());
        acd.acwRequirementMet(principal.userId, callId);
        return { callId, wrapUp: { codeId: code.id, code: code.code, label: code.label } };
      });

      registerRoute(app, routes.wrapUp.report, { preHandler: auth.requireRole(...REPORT_ROLES) }, ({ query }) => {
        const today = centerDay(ctx.clock.now(), ctx.config.timeZone).day;
        const from = query.from ?? today;
        const to = query.to ?? from;
        const start = centerDay(Date.parse(`${from}T12:00:00Z`), ctx.config.timeZone).from;
        const end = centerDay(Date.parse(`${to}T12:00:00Z`), ctx.config.timeZone).to;
        if (end <= start) throw new HttpError(400, 'invalid_request', 'to is before from', [{ path: 'to', code: 'invalid', message: 'to is before from' }]);
        return { from, to, ...repo.report(start, end) };
      });
    },
  };
};
