import type { ServerModuleFactory } from '../context.js';
import { principalOf } from '../auth/principal.js';
import { HttpError } from '../http/http-app.js';
import { parseOrThrow } from '../http/validation.js';
import { SERVICES } from '../services.js';
import { centerDay } from '../calls/center-day.js';
import {
  createWrapUpCodeRequestSchema,
  updateWrapUpCodeRequestSchema,
  wrapUpSettingsRequestSchema,
  type WrapUpCodesResponse,
  type WrapUpReportResponse,
} from '../../../shared/api/wrap-up.js';
import { WrapUpRepository } from './wrap-up-repository.js';
import { registerRoute } from '../http/register-route.js';
import { routes } from '../../../shared/api/routes.js';
import { z } from 'zod';

const READ_ROLES = ['agent', 'team_lead', 'center_admin'] as const;
const CALL_TAKERS = ['agent', 'team_lead'] as const;
const REPORT_ROLES = ['team_lead', 'center_admin'] as const;
const idParam = z.object({ id: z.coerce.number().int().positive() });
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const reportQuery = z.object({ from: isoDay.optional(), to: isoDay.optional() });

/**
 * Wrap-up (disposition) codes: the center admin keeps the list and says whether a code is
 * required before leaving after-call work (the ACD then holds the agent in ACW until it is given);
 * agents code each call they took part in; team leads read calls per agent and per code.
 * Needs 'auth' and 'acd' before it.
 */
export const wrapUpModule: ServerModuleFactory = (ctx) => {
  const auth = ctx.services.require(SERVICES.auth, 'wrap-up');
  const acd = ctx.services.require(SERVICES.acd, 'wrap-up');
  const repo = new WrapUpRepository(ctx.db, ctx.config.centerCode);
  acd.setAcwGuard((agentId, callId) => !repo.required() || repo.codes(true).length === 0 || repo.hasWrapUp(callId, agentId));
  const listing = (activeOnly: boolean): WrapUpCodesResponse => ({ codes: repo.codes(activeOnly), required: repo.required() });

  return {
    name: 'wrap-up',
    registerRoutes(app) {
      app.get('/api/v1/wrap-up-codes', { preHandler: auth.requireRole(...READ_ROLES) }, async (request) =>
        listing(principalOf(request).role !== 'center_admin'),
      );

      app.post('/api/v1/wrap-up-codes', { preHandler: auth.requireRole('center_admin') }, async (request, reply) => {
        const body = parseOrThrow(createWrapUpCodeRequestSchema, request.body);
        const created = repo.create(body, ctx.clock.now());
        if (!created) throw new HttpError(409, 'wrap_up_code_taken', `wrap-up code ${body.code} exists`, { field: 'code' });
        return reply.code(201).send(created);
      });

      app.patch('/api/v1/wrap-up-codes/:id', { preHandler: auth.requireRole('center_admin') }, async (request) => {
        const { id } = parseOrThrow(idParam, request.params, 'path');
        const updated = repo.update(id, parseOrThrow(updateWrapUpCodeRequestSchema, request.body), ctx.clock.now());
        if (!updated) throw new HttpError(404, 'not_found', `no wrap-up code ${id}`);
        return updated;
      });

      app.put('/api/v1/wrap-up-codes/settings', { preHandler: auth.requireRole('center_admin') }, async (request) => {
        repo.setRequired(parseOrThrow(wrapUpSettingsRequestSchema, request.body).required, ctx.clock.now());
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

      app.get('/api/v1/wrap-up-codes/report', { preHandler: auth.requireRole(...REPORT_ROLES) }, async (request): Promise<WrapUpReportResponse> => {
        const query = parseOrThrow(reportQuery, request.query, 'query');
        const today = centerDay(ctx.clock.now(), ctx.config.timeZone).day;
        const from = query.from ?? today;
        const to = query.to ?? from;
        const start = centerDay(Date.parse(`${from}T12:00:00Z`), ctx.config.timeZone).from;
        const end = centerDay(Date.parse(`${to}T12:00:00Z`), ctx.config.timeZone).to;
        if (end <= start) throw new HttpError(400, 'invalid_request', 'to is before from', { field: 'to' });
        return { from, to, ...repo.report(start, end) };
      });
    },
  };
};
