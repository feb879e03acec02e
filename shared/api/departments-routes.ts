import { defineRoute } from './route.js';
import {
  createDepartmentRequestSchema,
  departmentIdParamsSchema,
  departmentListResponseSchema,
  departmentSchema,
  updateDepartmentRequestSchema,
} from './departments.js';

/** The departments work orders are dispatched to; the center admin manages them. */
export const departmentRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/v1/departments', response: departmentListResponseSchema }),
  create: defineRoute({ method: 'POST', path: '/api/v1/departments', body: createDepartmentRequestSchema, response: departmentSchema, status: 201 }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/v1/departments/:id',
    params: departmentIdParamsSchema,
    body: updateDepartmentRequestSchema,
    response: departmentSchema,
  }),
};
