import { defineRoute, noContent } from './route.js';
import {
  childCodeParamsSchema,
  childrenResponseSchema,
  childSchema,
  childTokenResponseSchema,
  dateRangeQuerySchema,
  exportFileSchema,
  exportQuerySchema,
  feedDayParamsSchema,
  feedDayRequestSchema,
  feedDayResponseSchema,
  listedCentersRequestSchema,
  listedCentersResponseSchema,
  missingQuerySchema,
  missingResponseSchema,
  overviewQuerySchema,
  overviewResponseSchema,
  pullDaysResponseSchema,
  resendIdParamsSchema,
  resendRequestSchema,
  resendRequestsResponseSchema,
  registerChildRequestSchema,
  seriesQuerySchema,
  seriesResponseSchema,
} from './network.js';

/** The supervision network (docs/network.md): feed and pull take a parent-issued token, the rest a session. */
export const networkRoutes = {
  /** Child → parent: one center's day; bearer token. */
  putDay: defineRoute({
    method: 'PUT',
    path: '/api/v1/network/days/:code/:date',
    params: feedDayParamsSchema,
    body: feedDayRequestSchema,
    response: feedDayResponseSchema,
  }),
  /** Province → ministry, when its registry changes: the centers registered there; bearer token. */
  putCenters: defineRoute({
    method: 'PUT',
    path: '/api/v1/network/centers',
    body: listedCentersRequestSchema,
    response: listedCentersResponseSchema,
  }),
  /** Parent → child: the child's day rows over a range; bearer token. */
  pullDays: defineRoute({ method: 'GET', path: '/api/v1/network/days', query: dateRangeQuerySchema, response: pullDaysResponseSchema }),
  /** The parent's admin asks a child to send a center's days again (the pull on demand). */
  requestResend: defineRoute({
    method: 'POST',
    path: '/api/v1/network/children/:code/resend',
    params: childCodeParamsSchema,
    body: dateRangeQuerySchema,
    response: resendRequestSchema,
    status: 201,
  }),
  /** Child → parent, each feed turn: what the parent wants sent again; bearer token. */
  resendRequests: defineRoute({ method: 'GET', path: '/api/v1/network/resend-requests', response: resendRequestsResponseSchema }),
  /** Child → parent: the days of that request went into the feed; bearer token. */
  resendDone: defineRoute({
    method: 'POST',
    path: '/api/v1/network/resend-requests/:id/done',
    params: resendIdParamsSchema,
    response: noContent,
    status: 204,
  }),
  children: defineRoute({ method: 'GET', path: '/api/v1/network/children', response: childrenResponseSchema }),
  registerChild: defineRoute({
    method: 'POST',
    path: '/api/v1/network/children',
    body: registerChildRequestSchema,
    response: childSchema,
    status: 201,
  }),
  issueToken: defineRoute({ method: 'POST', path: '/api/v1/network/children/:code/token', params: childCodeParamsSchema, response: childTokenResponseSchema }),
  revokeToken: defineRoute({
    method: 'DELETE',
    path: '/api/v1/network/children/:code/token',
    params: childCodeParamsSchema,
    response: noContent,
    status: 204,
  }),
  overview: defineRoute({ method: 'GET', path: '/api/v1/network/overview', query: overviewQuerySchema, response: overviewResponseSchema }),
  series: defineRoute({ method: 'GET', path: '/api/v1/network/series', query: seriesQuerySchema, response: seriesResponseSchema }),
  missing: defineRoute({ method: 'GET', path: '/api/v1/network/missing', query: missingQuerySchema, response: missingResponseSchema }),
  /** The overview's table as CSV or XLSX (main/server/network/export/). */
  export: defineRoute({ method: 'GET', path: '/api/v1/network/export', query: exportQuerySchema, response: exportFileSchema }),
};
