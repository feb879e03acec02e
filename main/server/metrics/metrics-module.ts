import type { ServerModuleFactory } from '../context.js';
import { MetricsService } from './metrics-service.js';
import { AttendanceService } from './attendance-service.js';
import { AgentFiguresService } from './agent-figures-service.js';
import { isValidTimeZone } from '../../../shared/time/zoned.js';
import { METRICS_ROLES, registerMetricsRoutes } from './metrics-routes.js';
import { SERVICES } from '../services.js';

/**
 * The §3.2 indicators, the wallboard series and attendance. Comes after auth in the module list;
 * registers ctx.services.get(SERVICES.metrics) for reports and the province roll-up.
 */
const WARM_WEEKS = 57;

export const metricsModule: ServerModuleFactory = (ctx) => {
  const auth = ctx.services.get(SERVICES.auth);
  // Fail closed: the figures are never served without the role check.
  if (!auth) throw new Error('the metrics module needs the auth module before it in modules.ts');
  if (!isValidTimeZone(ctx.config.timeZone)) throw new Error(`timeZone ${ctx.config.timeZone} is not an IANA time zone this Node knows`);
  const options = { db: ctx.db, clock: ctx.clock, centerCode: ctx.config.centerCode, timeZone: ctx.config.timeZone };
  const metrics = new MetricsService(options);
  const attendance = new AttendanceService(options);
  const agentFigures = new AgentFiguresService({ ...options, attendance });
  ctx.services.provide(SERVICES.metrics, metrics);
  // After start, the day rows of the last 13 months are computed a week per turn of the event loop,
  // so that the first year's report a lead asks for is fast and calls are never held up for long.
  let warming: NodeJS.Timeout | undefined;
  const warm = (weeksAgo: number) => {
    if (weeksAgo >= WARM_WEEKS) return;
    metrics.warmDays(7 * (weeksAgo + 1), 7 * weeksAgo);
    warming = setTimeout(() => warm(weeksAgo + 1), 0).unref();
  };
  return {
    name: 'metrics',
    start() {
      warming = setTimeout(() => warm(0), 1000).unref();
    },
    stop() {
      clearTimeout(warming);
    },
    registerRoutes(app) {
      registerMetricsRoutes(app, metrics, attendance, agentFigures, auth.requireRole(...METRICS_ROLES));
    },
  };
};
