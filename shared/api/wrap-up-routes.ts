import { defineRoute } from './route.js';
import {
  createWrapUpCodeRequestSchema,
  updateWrapUpCodeRequestSchema,
  wrapUpCodeIdParamsSchema,
  wrapUpCodeSchema,
  wrapUpCodesResponseSchema,
  wrapUpReportQuerySchema,
  wrapUpReportResponseSchema,
  wrapUpSettingsRequestSchema,
} from './wrap-up.js';

/** The center's wrap-up codes: agents read the active ones, the admin keeps the list and the rule, leads read the report. */
export const wrapUpRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/v1/wrap-up-codes', response: wrapUpCodesResponseSchema }),
  create: defineRoute({ method: 'POST', path: '/api/v1/wrap-up-codes', body: createWrapUpCodeRequestSchema, response: wrapUpCodeSchema, status: 201 }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/v1/wrap-up-codes/:id',
    params: wrapUpCodeIdParamsSchema,
    body: updateWrapUpCodeRequestSchema,
    response: wrapUpCodeSchema,
  }),
  settings: defineRoute({ method: 'PUT', path: '/api/v1/wrap-up-codes/settings', body: wrapUpSettingsRequestSchema, response: wrapUpCodesResponseSchema }),
  report: defineRoute({ method: 'GET', path: '/api/v1/wrap-up-codes/report', query: wrapUpReportQuerySchema, response: wrapUpReportResponseSchema }),
};
