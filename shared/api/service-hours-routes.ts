import { defineRoute } from './route.js';
import { serviceHoursResponseSchema, serviceScheduleSchema } from './service-hours.js';

/** §2.3 人工 hours: every desk reads them (the closed banner), the center admin saves them (audited, at once). */
export const serviceHoursRoutes = {
  get: defineRoute({ method: 'GET', path: '/api/v1/service-hours', response: serviceHoursResponseSchema }),
  put: defineRoute({ method: 'PUT', path: '/api/v1/service-hours', body: serviceScheduleSchema, response: serviceHoursResponseSchema }),
};
