import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { ServerModuleFactory } from '../context.js';
import { errorBody } from '../http/http-app.js';
import { bearerMatches } from '../http/bearer-token.js';
import { cachedDiskUsage, type DiskUsage } from './disk-usage.js';
import { opsMetricFamilies } from './ops-metrics.js';
import { readOps } from './ops-readings.js';
import { PROMETHEUS_CONTENT_TYPE, renderPrometheus } from './prometheus-text.js';

export const OPS_METRICS_PATH = '/metrics/prometheus';
const DISK_WALK_MAX_AGE_MS = 60_000;

/**
 * GET /metrics/prometheus for the center's monitoring, with `Authorization: Bearer <opsToken>`.
 * Not a desk user's session on purpose: a scraper is a machine with its own secret. Without
 * opsToken (AGENT_DESK_OPS_TOKEN) the route does not exist.
 */
export const opsModule: ServerModuleFactory = (ctx) => {
  const token = ctx.config.opsToken;
  if (!token) return { name: 'ops' };
  const started = performance.now();
  const lag = monitorEventLoopDelay({ resolution: 10 });
  const diskUsage = cachedDiskUsage(ctx.config.dataDir, DISK_WALK_MAX_AGE_MS);

  return {
    name: 'ops',
    registerRoutes(app) {
      app.get(OPS_METRICS_PATH, async (request, reply) => {
        if (!bearerMatches(request.headers.authorization, token)) {
          return reply
            .code(401)
            .header('WWW-Authenticate', 'Bearer')
            .send(errorBody('unauthorized', 'the operations metrics need the ops token as a bearer token'));
        }
        const disk = await diskUsage().catch((error: unknown): DiskUsage | undefined => {
          ctx.logger.warn({ err: error, dataDir: ctx.config.dataDir }, 'ops metrics: cannot measure the data folder');
          return undefined;
        });
        // Histogram values are nanoseconds; an interval with no sample reads as 0.
        const seconds = (ns: number) => (Number.isFinite(ns) ? Math.round(ns / 1e3) / 1e6 : 0);
        const loop = { p50: seconds(lag.percentile(50)), p99: seconds(lag.percentile(99)), max: seconds(lag.max) };
        lag.reset();
        const body = renderPrometheus(opsMetricFamilies(readOps(ctx.services), loop, disk, (performance.now() - started) / 1000));
        return reply.type(PROMETHEUS_CONTENT_TYPE).header('Cache-Control', 'no-store').send(body);
      });
    },
    start() {
      lag.enable();
    },
    stop() {
      lag.disable();
    },
  };
};
