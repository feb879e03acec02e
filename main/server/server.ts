import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ServerConfig } from './config.js';
import type { Logger } from './logger.js';
import { APP_VERSION } from './app-root.js';
import { closeDatabase, DATABASE_FILE, openDatabase, type Db } from './db/database.js';
import { WalCheckpointer } from './db/wal-checkpointer.js';
import { createHttpApp, type RegisteredRoute } from './http/http-app.js';
import { attachWebSocketRoutes, type WebSocketRoute } from './http/upgrade-router.js';
import { eventsRoute } from './events/events-endpoint.js';
import { EventHub } from './events/event-hub.js';
import { systemClock, type Clock } from './clock.js';
import type { ServerContext, ServerModule, ServerModuleFactory } from './context.js';
import { modulesForMode } from './modules.js';
import type { HealthResponse } from '../../shared/api/health.js';
import { SERVICES, ServiceRegistry } from './services.js';
import { areaCodeOf, areaNameOf } from './network/network-mode.js';

export interface RunningServer {
  httpPort: number;
  sipUdpPort: number;
  url: string;
  ctx: ServerContext;
  db: Db;
  /** Every HTTP route the server registered, with the shared route it came from (route-table.test.ts). */
  routes: readonly RegisteredRoute[];
  stop(): Promise<void>;
}

export interface StartOptions {
  modules?: readonly ServerModuleFactory[];
  clock?: Clock;
}

export { DATABASE_FILE };

const HTTP_CLOSE_GRACE_MS = 2_000;

/** Starts every part of the bundled server; stop() undoes it in reverse order. */
export async function startServer(config: ServerConfig, logger: Logger, options: StartOptions = {}): Promise<RunningServer> {
  const startedAt = new Date();
  const db = openDatabase(join(config.dataDir, DATABASE_FILE), { nativeBinding: config.sqliteNativeBinding });
  const cleanups: Array<() => Promise<void> | void> = [() => closeDatabase(db)];
  // The WAL's checkpoints off the thread that carries the calls (wal-checkpointer.ts).
  const checkpointer = WalCheckpointer.start(db, logger, { nativeBinding: config.sqliteNativeBinding });
  if (checkpointer) cleanups.push(() => checkpointer.stop());
  try {
    const ctx: ServerContext = { config, logger, db, events: new EventHub(), clock: options.clock ?? systemClock, services: new ServiceRegistry() };
    const modules: ServerModule[] = [];
    for (const factory of options.modules ?? modulesForMode(config.mode)) modules.push(await factory(ctx));

    const routes: RegisteredRoute[] = [];
    const app = await createHttpApp({ logger, deskDir: config.deskDir, allowedOrigins: config.allowedOrigins, registered: routes });
    // The sip module publishes the bound port; a server started without it (a test's module subset) has no SIP.
    const sipUdpPort = () => ctx.services.get(SERVICES.sipUdpPort) ?? config.sipUdpPort;
    app.get('/healthz', async (): Promise<HealthResponse> => ({
      status: 'ok',
      name: 'agent-desk-12329',
      version: APP_VERSION,
      startedAt: startedAt.toISOString(),
      uptimeSeconds: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
      ...(config.mode === 'center'
        ? {
            sip: { websocketPath: '/sip', udpPort: sipUdpPort() },
            center: { code: config.centerCode, name: config.centerName, timeZone: config.timeZone, serviceHours: ctx.services.get(SERVICES.serviceHours) },
          }
        : // A province or ministry server supervises an area: no SIP, no 人工 hours, no center of its own.
          { center: { code: areaCodeOf(config), name: areaNameOf(config), timeZone: config.timeZone } }),
      network: { mode: config.mode, code: areaCodeOf(config) },
    }));
    for (const module of modules) await module.registerRoutes?.(app);
    await app.listen({ host: config.host, port: config.httpPort });
    cleanups.push(async () => {
      logger.info({ event: 'http_closing' }, 'closing http');
      // Idle keep-alives close at once; a connection still busy after a short grace (a browser's
      // paused audio download, a stuck client) is cut rather than holding the whole stop.
      const force = setTimeout(() => app.server.closeAllConnections(), HTTP_CLOSE_GRACE_MS);
      force.unref();
      await app.close();
      clearTimeout(force);
    });

    const auth = ctx.services.get(SERVICES.auth);
    const socketRoutes: WebSocketRoute[] = [eventsRoute(ctx.events, logger, auth && ((request) => auth.authenticateToken(auth.tokenFromRequest(request))))];
    for (const module of modules) socketRoutes.push(...(module.websocketRoutes?.() ?? []));
    cleanups.push(attachWebSocketRoutes(app.server, socketRoutes, logger));

    for (const module of modules) {
      await module.start?.();
      if (module.stop) {
        cleanups.push(async () => {
          logger.info({ event: 'module_stopping', module: module.name }, 'stopping');
          await module.stop!();
        });
      }
    }

    const httpPort = (app.server.address() as AddressInfo).port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const url = `http://${host}:${httpPort}`;
    logger.info(
      { event: 'listening', url, httpPort, sipUdpPort: sipUdpPort(), dataDir: config.dataDir, version: APP_VERSION, modules: modules.map((m) => m.name) },
      'server listening',
    );

    return {
      httpPort,
      sipUdpPort: sipUdpPort(),
      url,
      ctx,
      db,
      routes,
      async stop() {
        for (const cleanup of cleanups.reverse()) await cleanup();
        logger.info({ event: 'stopped' }, 'server stopped');
      },
    };
  } catch (error) {
    for (const cleanup of cleanups.reverse()) await cleanup();
    throw error;
  }
}
