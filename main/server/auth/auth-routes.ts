import type { FastifyInstance } from 'fastify';
import { ROLES, loginRequestSchema, type LoginResponse, type MeResponse } from '../../../shared/api/auth.js';
import { parseOrThrow } from '../http/validation.js';
import type { AuthService } from './auth-service.js';
import { principalOf } from './principal.js';

export function registerAuthRoutes(app: FastifyInstance, auth: AuthService): void {
  app.post('/api/v1/auth/login', async (request): Promise<LoginResponse> => {
    const body = parseOrThrow(loginRequestSchema, request.body);
    return auth.login(body.workNumber, body.password, request.ip);
  });

  app.post('/api/v1/auth/logout', { preHandler: auth.requireRole(...ROLES) }, async (request, reply) => {
    if (request.sessionTokenHash) auth.logout(request.sessionTokenHash);
    return reply.code(204).send();
  });

  app.get('/api/v1/auth/me', { preHandler: auth.requireRole(...ROLES) }, async (request): Promise<MeResponse> => {
    const principal = principalOf(request);
    const { expiresAt, userId, ...rest } = principal;
    return { user: { id: userId, ...rest }, expiresAt: new Date(expiresAt).toISOString() };
  });
}
