import type { FastifyInstance } from 'fastify';
import { auditRoutes as routes } from '../../../shared/api/audit-routes.js';
import { registerRoute } from '../http/register-route.js';
import type { AuditService } from './audit-service.js';
import type { AuthService } from '../auth/auth-service.js';
import { assertCenter, principalOf } from '../auth/principal.js';

/** GET /api/v1/audit for the center admin: newest first, a page at a time. */
export function registerAuditRoutes(app: FastifyInstance, audit: AuditService, auth: AuthService, centerCode: string): void {
  registerRoute(app, routes.list, { preHandler: auth.requireRole('center_admin') }, ({ query }, request) => {
    assertCenter(principalOf(request), centerCode);
    // One more than the page tells whether another page follows.
    const entries = audit.query({ ...query, limit: query.limit + 1 });
    return { entries: entries.slice(0, query.limit), hasMore: entries.length > query.limit };
  });
}
