import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseOrThrow } from '../http/validation.js';
import type { AuditService } from './audit-service.js';
import type { AuthService } from '../auth/auth-service.js';
import { assertCenter, principalOf } from '../auth/principal.js';

const instant = z
  .string()
  .refine((v) => /^\d+$/.test(v) || !Number.isNaN(Date.parse(v)), 'an ISO time or epoch milliseconds')
  .transform((v) => (/^\d+$/.test(v) ? Number(v) : Date.parse(v)));

export const auditQuerySchema = z.object({
  entityType: z.string().min(1).max(50).optional(),
  entityId: z.string().min(1).max(100).optional(),
  from: instant.optional(),
  to: instant.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** GET /api/v1/audit for the center admin: newest first. */
export function registerAuditRoutes(app: FastifyInstance, audit: AuditService, auth: AuthService, centerCode: string): void {
  app.get('/api/v1/audit', { preHandler: auth.requireRole('center_admin') }, async (request) => {
    assertCenter(principalOf(request), centerCode);
    const query = parseOrThrow(auditQuerySchema, request.query, 'query');
    return { entries: audit.query(query) };
  });
}
