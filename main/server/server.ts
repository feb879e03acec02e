import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from './config.js';
import type { Logger } from './logger.js';
import { APP_VERSION } from './app-root.js';
import { closeDatabase, openDatabase, type Db } from './db/database.js';
import { createHttpApp } from './http/http-app.js';
import { attachWebSocketRoutes } from './http/upgrade-router.js';
import { sipWebSocketRoute } from './sip/sip-websocket-endpoint.js';
import { openSipUdpEndpoint, type SipUdpEndpoint } from './sip/sip-udp-endpoint.js';
import { eventsRoute } from './events/events-endpoint.js';
import type { HealthResponse } from '../../shared/api/health.js';

export interface RunningServer {
  httpPort: number;
  sipUdpPort: number;
  url: string;
  db: Db;
  stop(): Promise<void>;
}

export const DATABASE_FILE = 'agent-desk.sqlite';

/** Starts every part of the bundled server; stop() undoes it in reverse order. */
export async function startServer(config: ServerConfig, logger: Logger): Promise<RunningServer> {
  const startedAt = new Date();
  const db = openDatabase(join(config.dataDir, DATABASE_FILE), { nativeBinding: config.sqliteNativeBinding });
  const cleanups: Array<() => Promise<void> | void> = [() => closeDatabase(db)];
  try {
    const sipUdp: SipUdpEndpoint = await openSipUdpEndpoint(config.host, config.sipUdpPort, logger);
    cleanups.push(() => sipUdp.close());

    const app: FastifyInstance = await createHttpApp({ logger, deskDir: config.deskDir, allowedOrigins: config.allowedOrigins });
    app.get('/healthz', async (): Promise<HealthResponse> => ({
      status: 'ok',
      name: 'agent-desk-12329',
      version: APP_VERSION,
      startedAt: startedAt.toISOString(),
      uptimeSeconds: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
      sip: { websocketPath: '/sip', udpPort: sipUdp.port },
    }));
    await app.listen({ host: config.host, port: config.httpPort });
    cleanups.push(() => app.close());
    const detachSockets = attachWebSocketRoutes(app.server, [sipWebSocketRoute(logger), eventsRoute(logger)], logger);
    cleanups.push(detachSockets);

    const httpPort = (app.server.address() as AddressInfo).port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const url = `http://${host}:${httpPort}`;
    logger.info({ event: 'listening', url, httpPort, sipUdpPort: sipUdp.port, dataDir: config.dataDir, version: APP_VERSION }, 'server listening');

    return {
      httpPort,
      sipUdpPort: sipUdp.port,
      url,
      db,
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
