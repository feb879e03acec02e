import type { ServerModuleFactory } from '../context.js';
import { MetricsService } from './metrics-service.js';
import { AttendanceService } from './attendance-service.js';
import { isValidTimeZone } from '../../../shared/time/zoned.js';
import { METRICS_ROLES, registerMetricsRoutes } from './metrics-routes.js';
import { SERVICES } from '../services.js';


/**
 * The §3.2 indicators, the wallboard series and attendance. Comes after auth in the module list;
 * registers ctx.services.get(SERVICES.metrics) for reports and the province roll-up.
 */
export const metricsModule: ServerModuleFactory = (ctx) => {
  const auth = ctx.services.get(SERVICES.auth);
  // Fail closed: the figures are never served without the role check.
  if (!auth) throw new Error('the metrics module needs the auth module before it in modules.ts');
  if (!isValidTimeZone(ctx.config.timeZone)) throw new Error(`timeZone ${ctx.config.timeZone} is not an IANA time zone this Node knows`);
  const options = { db: ctx.db, clock: ctx.clock, centerCode: ctx.config.centerCode, timeZone: ctx.config.timeZone };
  const metrics = new MetricsService(options);
  const attendance = new AttendanceService(options);
  ctx.services.provide(SERVICES.metrics, metrics);
  return {
    name: 'metrics',
    registerRoutes(app) {
      registerMetricsRoutes(app, metrics, attendance, auth.requireRole(...METRICS_ROLES));
    },
  };
};
