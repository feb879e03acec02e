import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../auth/auth-service.js';
import { principalOf } from '../auth/principal.js';
import { parseOrThrow } from '../http/validation.js';
import {
  createWorkOrderRequestSchema,
  listWorkOrdersQuerySchema,
  onTimeQuerySchema,
  type OnTimeResponse,
  transitionRequestSchema,
  updateWorkOrderRequestSchema,
  workOrderIdParamsSchema,
  type WorkOrderDetail,
  type WorkOrderListResponse,
} from '../../../shared/api/work-orders.js';
import { CREATE_ROLES } from '../../../shared/work-orders/state-machine.js';
import { WORK_ORDER_ROLES } from './work-order-access.js';
import type { WorkOrderService } from './work-order-service.js';

export function registerWorkOrderRoutes(app: FastifyInstance, auth: AuthService, service: WorkOrderService): void {
  const anyone = { preHandler: auth.requireRole(...WORK_ORDER_ROLES) };

  app.post('/api/v1/work-orders', { preHandler: auth.requireRole(...CREATE_ROLES) }, async (request, reply) => {
    const body = parseOrThrow(createWorkOrderRequestSchema, request.body);
    return reply.code(201).send(service.create(principalOf(request), body));
  });

  app.get('/api/v1/work-orders', anyone, async (request): Promise<WorkOrderListResponse> => {
    const query = parseOrThrow(listWorkOrdersQuerySchema, request.query, 'query');
    return service.list(principalOf(request), query);
  });

  app.get('/api/v1/work-orders/on-time', { preHandler: auth.requireRole('team_lead', 'department_leader', 'center_admin') }, async (request): Promise<OnTimeResponse> => {
    return service.onTime(principalOf(request), parseOrThrow(onTimeQuerySchema, request.query, 'query'));
  });

  app.get('/api/v1/work-orders/:id', anyone, async (request): Promise<WorkOrderDetail> => {
    const { id } = parseOrThrow(workOrderIdParamsSchema, request.params, 'path');
    return service.get(principalOf(request), id);
  });

  app.patch('/api/v1/work-orders/:id', { preHandler: auth.requireRole(...CREATE_ROLES) }, async (request): Promise<WorkOrderDetail> => {
    const { id } = parseOrThrow(workOrderIdParamsSchema, request.params, 'path');
    const body = parseOrThrow(updateWorkOrderRequestSchema, request.body);
    return service.edit(principalOf(request), id, body);
  });

  app.post('/api/v1/work-orders/:id/transitions', anyone, async (request): Promise<WorkOrderDetail> => {
    const { id } = parseOrThrow(workOrderIdParamsSchema, request.params, 'path');
    const body = parseOrThrow(transitionRequestSchema, request.body);
    return service.transition(principalOf(request), id, body);
  });
}
