import { join } from 'node:path';
import type { ServerModuleFactory } from '../context.js';
import { loadFlowFile } from '../ivr/flow-loader.js';
import { SERVICES } from '../services.js';
import { serviceHoursCheck, serviceHoursFor } from './ivr-main-menu.js';
import type { ServiceHoursResponse } from '../../../shared/api/service-hours.js';

/**
 * GET /api/v1/service-hours for the desk's banner: the same hours the IVR applies to 人工 (the
 * flow's, or --service-hours, on the center's working days). Needs 'auth' before it.
 */
export const serviceHoursModule: ServerModuleFactory = (ctx) => {
  const auth = ctx.services.require(SERVICES.auth, 'service-hours');
  const { flow } = loadFlowFile(join(ctx.config.resourcesDir, 'ivr', '12329.json'), join(ctx.config.resourcesDir, 'prompts', 'zh'));
  const isOpen = serviceHoursCheck(ctx, flow);
  const always = ctx.config.serviceHours === 'always';
  const periods = serviceHoursFor(flow, ctx.config.serviceHours).config.periods.map((p) => ({ from: p.from, to: p.to }));
  return {
    name: 'service-hours',
    registerRoutes(app) {
      app.get('/api/v1/service-hours', { preHandler: auth.requireRole('agent', 'team_lead', 'center_admin') }, async (): Promise<ServiceHoursResponse> => ({
        open: isOpen(ctx.clock.now()),
        periods,
        always,
      }));
    },
  };
};
