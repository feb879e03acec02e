import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../auth/auth-service.js';
import { principalOf } from '../auth/principal.js';
import { registerRoute } from '../http/register-route.js';
import { workOrderRoutes as routes } from '../../../shared/api/work-orders-routes.js';
import { CREATE_ROLES } from '../../../shared/work-orders/state-machine.js';
import { WORK_ORDER_READ_ROLES, WORK_ORDER_ROLES } from './work-order-access.js';
import type { WorkOrderService } from './work-order-service.js';

export function registerWorkOrderRoutes(app: FastifyInstance, auth: AuthService, service: WorkOrderService): void {
  const anyone = { preHandler: auth.requireRole(...WORK_ORDER_ROLES) };
  const creators = { preHandler: auth.requireRole(...CREATE_ROLES) };
  const readers = { preHandler: auth.requireRole(...WORK_ORDER_READ_ROLES) };

  registerRoute(app, routes.create, creators, ({ body }, request) => service.create(principalOf(request), body));
  registerRoute(app, routes.list, readers, ({ query }, request) => service.list(principalOf(request), query));
  registerRoute(app, routes.onTime, { preHandler: auth.requireRole('team_lead', 'department_leader', 'center_admin') }, ({ query }, request) =>
    service.onTime(principalOf(request), query),
  );
  registerRoute(app, routes.get, readers, ({ params }, request) => service.get(principalOf(request), params.id));
  registerRoute(app, routes.edit, creators, ({ params, body }, request) => service.edit(principalOf(request), params.id, body));
  registerRoute(app, routes.transition, anyone, ({ params, body }, request) => service.transition(principalOf(request), params.id, body));
}
