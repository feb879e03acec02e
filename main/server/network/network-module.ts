import type { ServerModuleFactory } from '../context.js';
import { SERVICES } from '../services.js';
import { AttendanceService } from '../metrics/attendance-service.js';
import { localDateOf } from '../../../shared/time/zoned.js';
import { regionLevel } from '../../../shared/regions/gbt2260.js';
import { CenterDaySource } from './center-day-source.js';
import { FeedReceiver } from './network-feed-receiver.js';
import { NetworkDayStore } from './network-day-store.js';
import { NetworkFeeder } from './network-feeder.js';
import { NetworkOutbox } from './network-outbox.js';
import { NetworkOverview } from './network-overview.js';
import { NetworkRegistry } from './network-registry.js';
import { areaCodeOf } from './network-mode.js';
import { registerNetworkRoutes } from './network-routes.js';
import { ResendRequests } from './resend-requests.js';
import { ListedCenters } from './listed-centers.js';
import type { NetworkDay } from '../../../shared/api/network.js';

/**
 * The supervision network (§3.1, docs/network.md). A center feeds its days to its province; a
 * province keeps its centers' days, forwards them to the ministry and shows their figures; the
 * ministry shows every province's. After auth (and, at a center, after metrics) in modules.ts.
 */
export const networkModule: ServerModuleFactory = (ctx) => {
  const { config, db, clock, logger } = ctx;
  const auth = ctx.services.get(SERVICES.auth);
  const audit = ctx.services.get(SERVICES.audit);
  if (!auth || !audit) throw new Error('the network module needs the auth module before it in modules.ts');
  const mode = config.mode;
  const code = areaCodeOf(config);
  const log = logger.child({ module: 'network', mode, code });
  const today = () => localDateOf(clock.now(), config.timeZone);

  const outbox = new NetworkOutbox(db);
  let source: CenterDaySource | undefined;
  if (mode === 'center') {
    const metrics = ctx.services.get(SERVICES.metrics);
    if (!metrics) throw new Error('the network module needs the metrics module before it in modules.ts');
    source = new CenterDaySource(metrics, new AttendanceService({ db, clock, centerCode: config.centerCode, timeZone: config.timeZone }));
  }
  const feeder = new NetworkFeeder({
    db,
    clock,
    logger: log,
    outbox,
    ...(source ? { source } : {}),
    code,
    ...(config.parentUrl ? { parentUrl: config.parentUrl } : {}),
    ...(config.parentToken ? { parentToken: config.parentToken } : {}),
    intervalMs: config.networkFeedMs,
    daysFor: (from: string, to: string): NetworkDay[] => pull?.(from, to) ?? [],
    // A province tells the ministry which centers it registered.
    ...(mode === 'province' ? { centers: () => registry.list().map((c) => c.code) } : {}),
  });
  const registry = new NetworkRegistry(db, regionLevel(code) ?? 'center', code);
  const store = new NetworkDayStore(db);
  const forward =
    mode === 'province' && config.parentUrl
      ? (dayCode: string, date: string, day: { revision: number; counts: object; attendance?: object | undefined }) =>
          outbox.enqueue(
            dayCode,
            date,
            day.revision,
            JSON.stringify({ counts: day.counts, ...(day.attendance ? { attendance: day.attendance } : {}) }),
            clock.now(),
          )
      : undefined;
  const receiver = new FeedReceiver({ mode, registry, store, audit, logger: log, today, ...(forward ? { forward } : {}) });
  const listed = mode === 'ministry' ? new ListedCenters(db) : undefined;
  const overview =
    mode === 'center' ? undefined : new NetworkOverview({ mode, code, timeZone: config.timeZone, store, registry, db, today, ...(listed ? { listed } : {}) });
  const resend = new ResendRequests(db);
  const pull: ((from: string, to: string) => NetworkDay[]) | undefined =
    mode === 'center'
      ? (from: string, to: string) => feeder.producedDays(from, to)
      : mode === 'province'
        ? (from: string, to: string) => store.days(from, to)
        : undefined;

  return {
    name: 'network',
    registerRoutes(app) {
      registerNetworkRoutes(app, { mode, code, auth, audit, clock, parentToken: config.parentToken, receiver, registry, resend, overview, listed, pull });
    },
    start() {
      // Without a parent there is no one to feed; once one is configured the first turn sends the last 35 days.
      if (config.parentUrl) feeder.start();
    },
    async stop() {
      await feeder.stop();
    },
  };
};
