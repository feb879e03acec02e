import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from './config.js';
import type { Logger } from './logger.js';
import type { Db } from './db/database.js';
import type { EventHub } from './events/event-hub.js';
import type { Clock } from './clock.js';
import type { WebSocketRoute } from './http/upgrade-router.js';
import type { ServiceRegistry } from './services.js';

/** What every server module is given: configuration, logging, storage, live events and time. */
export interface ServerContext {
  config: ServerConfig;
  logger: Logger;
  db: Db;
  events: EventHub;
  clock: Clock;
  /** Services other modules may call, registered by name as modules start (see modules.ts). */
  services: ServiceRegistry;
}

/**
 * One domain of the server (auth, work orders, knowledge base, voice, …). Modules are created in
 * the order of main/server/modules.ts and stopped in reverse.
 */
export interface ServerModule {
  name: string;
  registerRoutes?(app: FastifyInstance): void | Promise<void>;
  websocketRoutes?(): WebSocketRoute[];
  /** After the HTTP server listens (sockets, timers, SIP transports). */
  start?(): void | Promise<void>;
  stop?(): void | Promise<void>;
}

export type ServerModuleFactory = (ctx: ServerContext) => ServerModule | Promise<ServerModule>;
