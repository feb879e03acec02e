import { join } from 'node:path';
import type { ServerModuleFactory } from '../context.js';
import { loadFlowFile } from '../ivr/flow-loader.js';
import { registerRoute } from '../http/register-route.js';
import { principalOf } from '../auth/principal.js';
import { SERVICES } from '../services.js';
import { serviceHoursRoutes } from '../../../shared/api/service-hours-routes.js';
import { createServiceSchedule } from './service-schedule.js';
import { madePromptsDir } from './prompt-library.js';

/**
 * §2.3 人工 hours (SERVICES.serviceSchedule): what the IVR applies to every call and the desk's
 * banner shows (GET /api/v1/service-hours), saved by the center admin at run time (PUT, audited).
 * Needs 'auth' and 'audit' before it; the calendar when present (holidays, 调休).
 */
export const serviceHoursModule: ServerModuleFactory = (ctx) => {
  const auth = ctx.services.require(SERVICES.auth, 'service-hours');
  const audit = ctx.services.require(SERVICES.audit, 'service-hours');
  const { flow } = loadFlowFile(join(ctx.config.resourcesDir, 'ivr', '12329.json'), join(ctx.config.resourcesDir, 'prompts', 'zh'));
  const schedule = createServiceSchedule({
    db: ctx.db,
    clock: ctx.clock,
    logger: ctx.logger.child({ module: 'service-hours' }),
    audit,
    calendar: ctx.services.get(SERVICES.calendar),
    timeZone: ctx.config.timeZone,
    flowHours: flow.serviceHours,
    flag: ctx.config.serviceHours,
    madeDir: madePromptsDir(ctx.config.dataDir),
  });
  ctx.services.provide(SERVICES.serviceSchedule, schedule);
  return {
    name: 'service-hours',
    registerRoutes(app) {
      registerRoute(app, serviceHoursRoutes.get, { preHandler: auth.requireRole('agent', 'team_lead', 'center_admin') }, () => schedule.describe());
      registerRoute(app, serviceHoursRoutes.put, { preHandler: auth.requireRole('center_admin') }, ({ body }, request) =>
        schedule.save(principalOf(request).userId, body),
      );
    },
    start() {
      void schedule.makePromptIfMissing();
    },
  };
};
