import { z } from 'zod';
import type { ServerModuleFactory } from '../context.js';
import { HttpError } from '../http/http-app.js';
import { bearerMatches } from '../http/bearer-token.js';
import { parseOrThrow } from '../http/validation.js';
import { LogSmsSender } from '../self-service/sms-sender.js';
import { SERVICES } from '../services.js';
import { maskAccount } from '../../../shared/api/verification.js';
import { HttpSmsPlatform } from './http-sms-platform.js';
import { SmsOutbox, type SmsRow } from './sms-outbox.js';

export const SMS_DELIVERY_PATH = '/api/v1/sms/delivery';

const deliveryReportSchema = z.object({ id: z.string().min(1).max(100), status: z.enum(['delivered', 'undeliverable']) });
const listQuerySchema = z.object({
  state: z.enum(['queued', 'sent', 'delivered', 'undeliverable', 'failed']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

function toView(row: SmsRow) {
  return {
    id: row.id,
    account: maskAccount(row.fund_account),
    template: row.template,
    text: row.text,
    state: row.state,
    createdAt: new Date(row.created_at).toISOString(),
    attempts: row.attempts,
    lastError: row.last_error,
    sentAt: row.sent_at === null ? null : new Date(row.sent_at).toISOString(),
    reportedAt: row.reported_at === null ? null : new Date(row.reported_at).toISOString(),
  };
}

/**
 * Texts to citizens (§2.1 bookings, subscriptions). With `--sms-url` an outbox delivers them to the
 * center's platform over HTTP (docs/sms-http.md) and takes its delivery reports; without it they
 * are only logged. Team leads and admins see what went out and what failed.
 */
export const smsModule: ServerModuleFactory = (ctx) => {
  const logger = ctx.logger.child({ module: 'sms' });
  const { smsUrl, smsToken } = ctx.config;
  if (!smsUrl) {
    ctx.services.provide(SERVICES.sms, new LogSmsSender(logger));
    return { name: 'sms' };
  }
  const outbox = new SmsOutbox(
    ctx.db,
    ctx.clock,
    ctx.config.centerCode,
    new HttpSmsPlatform({ baseUrl: smsUrl, ...(smsToken ? { token: smsToken } : {}) }),
    logger,
  );
  ctx.services.provide(SERVICES.sms, outbox);
  const auth = ctx.services.require(SERVICES.auth, 'sms');
  return {
    name: 'sms',
    registerRoutes(app) {
      app.get('/api/v1/sms', { preHandler: auth.requireRole('team_lead', 'center_admin') }, async (request) => {
        const query = parseOrThrow(listQuerySchema, request.query, 'query');
        return { items: outbox.list({ limit: query.limit, ...(query.state ? { state: query.state } : {}) }).map(toView) };
      });
      // The platform's delivery report: a machine with the shared token, not a desk session.
      app.post(SMS_DELIVERY_PATH, async (request) => {
        if (!smsToken || !bearerMatches(request.headers.authorization, smsToken))
          throw new HttpError(401, 'unauthorized', 'a delivery report needs the SMS token as a bearer token');
        const report = parseOrThrow(deliveryReportSchema, request.body);
        if (!outbox.report(report.id, report.status)) throw new HttpError(404, 'sms_not_found', 'no message sent with this id');
        return { ok: true as const };
      });
    },
    start: () => outbox.start(),
    stop: () => outbox.stop(),
  };
};
