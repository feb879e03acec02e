import { defineRoute } from './route.js';
import {
  createWorkOrderRequestSchema,
  listWorkOrdersQuerySchema,
  onTimeQuerySchema,
  onTimeResponseSchema,
  transitionRequestSchema,
  updateWorkOrderRequestSchema,
  workOrderDetailSchema,
  workOrderIdParamsSchema,
  workOrderListResponseSchema,
} from './work-orders.js';

/** §2.5 work orders (docs/work-orders.md). */
export const workOrderRoutes = {
  /** A draft, or straight to 待审核 with submit: true. */
  create: defineRoute({ method: 'POST', path: '/api/v1/work-orders', body: createWorkOrderRequestSchema, response: workOrderDetailSchema, status: 201 }),
  list: defineRoute({ method: 'GET', path: '/api/v1/work-orders', query: listWorkOrdersQuerySchema, response: workOrderListResponseSchema }),
  onTime: defineRoute({ method: 'GET', path: '/api/v1/work-orders/on-time', query: onTimeQuerySchema, response: onTimeResponseSchema }),
  get: defineRoute({ method: 'GET', path: '/api/v1/work-orders/:id', params: workOrderIdParamsSchema, response: workOrderDetailSchema }),
  /** Only a draft is edited. */
  edit: defineRoute({
    method: 'PATCH',
    path: '/api/v1/work-orders/:id',
    params: workOrderIdParamsSchema,
    body: updateWorkOrderRequestSchema,
    response: workOrderDetailSchema,
  }),
  transition: defineRoute({
    method: 'POST',
    path: '/api/v1/work-orders/:id/transitions',
    params: workOrderIdParamsSchema,
    body: transitionRequestSchema,
    response: workOrderDetailSchema,
  }),
};
