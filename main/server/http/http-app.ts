import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../logger.js';
import type { ApiErrorBody } from '../../../shared/api/errors.js';
import { deskContentSecurityPolicy } from '../../../shared/security/csp.js';
import type { RouteShape } from '../../../shared/api/route.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The shared route a handler was registered from (http/register-route.ts). */
    contract?: RouteShape;
  }
}

export interface HttpAppOptions {
  logger: Logger;
  deskDir: string;
  allowedOrigins: readonly string[];
  /** Filled with every route as it is registered (the route-table check reads it). */
  registered?: RegisteredRoute[];
}

/** A route the app has, and the shared route it was registered from, if any (http/register-route.ts). */
export interface RegisteredRoute {
  method: string;
  url: string;
  contract: RouteShape | undefined;
}

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export async function createHttpApp(options: HttpAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
  });
  const csp = deskContentSecurityPolicy();
  const registered = options.registered;
  if (registered) {
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) registered.push({ method, url: route.url, contract: route.config?.contract });
    });
  }

  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    if (!request.url.startsWith('/api/')) reply.header('Content-Security-Policy', csp);
    // API answers carry tokens and personal data: never kept by a browser or a proxy.
    else reply.header('Cache-Control', 'no-store');
    const origin = request.headers.origin;
    if (origin && request.url.startsWith('/api/') && options.allowedOrigins.includes(origin)) {
      reply.header('Access-Control-Allow-Origin', origin);
      reply.header('Vary', 'Origin');
    }
  });

  app.options('/api/*', async (request, reply) => {
    const origin = request.headers.origin;
    if (!origin || !options.allowedOrigins.includes(origin)) return reply.code(403).send(errorBody('origin_not_allowed', 'this origin may not call the API'));
    return reply
      .code(204)
      .header('Access-Control-Allow-Methods', 'GET,POST,PUT,PATCH,DELETE')
      .header('Access-Control-Allow-Headers', 'Content-Type, Authorization')
      .header('Access-Control-Max-Age', '600')
      .send();
  });

  app.setErrorHandler((error: Error & { statusCode?: number; validation?: unknown }, request, reply) => {
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).send(errorBody(error.code, error.message, error.details));
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error, url: request.url }, 'request failed');
    const code = status === 500 ? 'internal_error' : status === 413 ? 'payload_too_large' : 'bad_request';
    return reply.code(status).send(errorBody(code, status === 500 ? 'internal server error' : error.message));
  });

  const hasDesk = existsSync(join(options.deskDir, 'index.html'));
  if (hasDesk) {
    await app.register(fastifyStatic, { root: options.deskDir, wildcard: false, index: ['index.html'] });
  } else {
    options.logger.warn({ deskDir: options.deskDir }, 'desk is not built: run `npm run build` to serve it at /');
  }

  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
    if (hasDesk && wantsPage) return reply.type('text/html').sendFile('index.html');
    return reply.code(404).send(errorBody('not_found', `no route for ${request.method} ${request.url.split('?')[0]}`));
  });

  return app;
}

export function errorBody(code: string, message: string, details?: unknown): ApiErrorBody {
  return details === undefined ? { code, message } : { code, message, details };
}
