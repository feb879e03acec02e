import type { FastifyInstance } from 'fastify';
import { ROLES } from '../../../shared/api/auth.js';
import { authRoutes as routes } from '../../../shared/api/auth-routes.js';
import { registerRoute } from '../http/register-route.js';
import type { AuthService } from './auth-service.js';
import { principalOf } from './principal.js';

export function registerAuthRoutes(app: FastifyInstance, auth: AuthService): void {
  registerRoute(app, routes.login, {}, ({ body }, request) => auth.login(body.workNumber, body.password, request.ip));

  registerRoute(app, routes.logout, { preHandler: auth.requireRole(...ROLES) }, (_, request) => {
    if (request.sessionTokenHash) auth.logout(request.sessionTokenHash);
  });

  registerRoute(app, routes.me, { preHandler: auth.requireRole(...ROLES) }, (_, request) => {
    const principal = principalOf(request);
    const { expiresAt, userId, ...rest } = principal;
    return { user: { id: userId, ...rest }, expiresAt: new Date(expiresAt).toISOString() };
  });
}
