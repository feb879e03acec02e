import { defineRoute } from './route.js';
import { auditQuerySchema, auditResponseSchema } from './audit.js';

/** The audit trail, for the center admin. */
export const auditRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/v1/audit', query: auditQuerySchema, response: auditResponseSchema }),
};
