import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../auth/auth-service.js';
import { principalOf } from '../auth/principal.js';
import { registerRoute } from '../http/register-route.js';
import { departmentRoutes as routes } from '../../../shared/api/departments-routes.js';
import { WORK_ORDER_READ_ROLES } from './work-order-access.js';
import type { DepartmentService } from './department-service.js';

/** Everyone who works with orders reads the list (to dispatch); the center admin manages it. */
export function registerDepartmentRoutes(app: FastifyInstance, auth: AuthService, service: DepartmentService): void {
  const admin = { preHandler: auth.requireRole('center_admin') };

  registerRoute(app, routes.list, { preHandler: auth.requireRole(...WORK_ORDER_READ_ROLES) }, (_, request) => ({
    departments: service.list(principalOf(request)),
  }));
  registerRoute(app, routes.create, admin, ({ body }, request) => service.create(principalOf(request), body));
  registerRoute(app, routes.update, admin, ({ params, body }, request) => service.update(principalOf(request), params.id, body));
}
