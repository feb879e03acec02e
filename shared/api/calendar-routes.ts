import { z } from 'zod';
import { defineRoute } from './route.js';
import { calendarYearParamsSchema, calendarYearResponseSchema, loadCalendarYearResponseSchema } from './calendar.js';

/** The working-day calendar of a year (docs/work-orders.md). */
export const calendarRoutes = {
  get: defineRoute({ method: 'GET', path: '/api/v1/calendar/:year', params: calendarYearParamsSchema, response: calendarYearResponseSchema }),
  /** The admin loads a year's official notice; the calendar service checks the body itself (its errors name the days). */
  put: defineRoute({
    method: 'PUT',
    path: '/api/v1/calendar/:year',
    params: calendarYearParamsSchema,
    body: z.unknown(),
    response: loadCalendarYearResponseSchema,
  }),
};
