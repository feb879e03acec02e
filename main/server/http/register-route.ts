import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { RouteInput, RouteReply, RouteShape } from '../../../shared/api/route.js';
import { parseOrThrow } from './validation.js';

export interface RouteOptions {
  /** Usually auth.requireRole(...): runs before the request is parsed, as before. */
  preHandler?: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  /** A larger body than the server's default 1 MiB (an uploaded recording). */
  bodyLimit?: number;
}

export type RouteHandler<R extends RouteShape> = (
  input: RouteInput<R>,
  request: FastifyRequest,
  reply: FastifyReply,
) => Promise<RouteReply<R> | FastifyReply> | RouteReply<R> | FastifyReply;

/**
 * Registers a handler for a shared route: its params, query and body are parsed by the route's
 * schemas (a 400 `invalid_request` with the field issues otherwise) and the success goes out with
 * the route's status. A handler that answers something else (a file, say) sends it on `reply`
 * and returns the reply.
 */
export function registerRoute<const R extends RouteShape>(app: FastifyInstance, route: R, options: RouteOptions, handler: RouteHandler<R>): void {
  app.route({
    method: route.method,
    url: route.path,
    config: { contract: route },
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    ...(options.preHandler ? { preHandler: options.preHandler as preHandlerAsyncHookHandler } : {}),
    handler: async (request, reply) => {
      const input = {
        params: route.params ? parseOrThrow(route.params, request.params, 'path') : undefined,
        query: route.query ? parseOrThrow(route.query, request.query, 'query') : undefined,
        body: route.body ? parseOrThrow(route.body, request.body) : undefined,
      } as RouteInput<R>;
      const result = await handler(input, request, reply);
      if (result === reply || reply.sent) return reply;
      reply.code(route.status ?? 200);
      return route.status === 204 ? reply.send() : result;
    },
  });
}
