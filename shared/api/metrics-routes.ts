import { defineRoute } from './route.js';
import {
  ATTENDANCE_PATH,
  METRICS_PATH,
  METRICS_SERIES_PATH,
  WORK_ORDER_FIGURES_PATH,
  attendanceQuerySchema,
  attendanceResponseSchema,
  metricsQuerySchema,
  metricsReportSchema,
  metricsSeriesQuerySchema,
  metricsSeriesResponseSchema,
  workOrderFiguresSchema,
} from './metrics.js';
import {
  METRICS_AGENTS_PATH,
  METRICS_HOURS_PATH,
  metricsAgentsQuerySchema,
  metricsAgentsResponseSchema,
  metricsHoursQuerySchema,
  metricsHoursResponseSchema,
} from './indicators.js';

/**
 * §3.2 indicators and the figures beside them, for supervisors (team leads, admins, province,
 * ministry). With `format: 'csv' | 'xlsx'` a route answers a file instead of its JSON (the desk
 * fetches it with api.download); the response schema is the JSON's.
 */
export const metricsRoutes = {
  report: defineRoute({ method: 'GET', path: METRICS_PATH, query: metricsQuerySchema, response: metricsReportSchema }),
  /** On-time rate and follow-up survey of a period (the XLSX is the report's workbook, with them on a sheet). */
  workOrders: defineRoute({ method: 'GET', path: WORK_ORDER_FIGURES_PATH, query: metricsQuerySchema, response: workOrderFiguresSchema }),
  series: defineRoute({ method: 'GET', path: METRICS_SERIES_PATH, query: metricsSeriesQuerySchema, response: metricsSeriesResponseSchema }),
  attendance: defineRoute({ method: 'GET', path: ATTENDANCE_PATH, query: attendanceQuerySchema, response: attendanceResponseSchema }),
  /** The hours of one day (today against yesterday on the indicators screen). */
  hours: defineRoute({ method: 'GET', path: METRICS_HOURS_PATH, query: metricsHoursQuerySchema, response: metricsHoursResponseSchema }),
  /** Per-agent figures of a period. */
  agents: defineRoute({ method: 'GET', path: METRICS_AGENTS_PATH, query: metricsAgentsQuerySchema, response: metricsAgentsResponseSchema }),
};
