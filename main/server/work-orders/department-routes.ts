import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../auth/auth-service.js';
import { principalOf } from '../auth/principal.js';
import { parseOrThrow } from '../http/validation.js';
import {
  createDepartmentRequestSchema,
  departmentIdParamsSchema,
  updateDepartmentRequestSchema,
  type Department,
  type DepartmentListResponse,
} from '../../../shared/api/departments.js';
import { WORK_ORDER_ROLES } from './work-order-access.js';
import type { DepartmentService } from './department-service.js';

/** Everyone who works with orders reads the list (to dispatch); the center admin manages it. */
export function registerDepartmentRoutes(app: FastifyInstance, auth: AuthService, service: DepartmentService): void {
  const admin = { preHandler: auth.requireRole('center_admin') };

  app.get('/api/v1/departments', { preHandler: auth.requireRole(...WORK_ORDER_ROLES) }, async (request): Promise<DepartmentListResponse> => {
    return { departments: service.list(principalOf(request)) };
  });

  app.post('/api/v1/departments', admin, async (request, reply) => {
    const body = parseOrThrow(createDepartmentRequestSchema, request.body);
    return reply.code(201).send(service.create(principalOf(request), body));
  });

  app.patch('/api/v1/departments/:id', admin, async (request): Promise<Department> => {
    const { id } = parseOrThrow(departmentIdParamsSchema, request.params, 'path');
    const body = parseOrThrow(updateDepartmentRequestSchema, request.body);
    return service.update(principalOf(request), id, body);
  });
}
