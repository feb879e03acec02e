// GET /api/v1/metrics (JSON, CSV, XLSX), /api/v1/metrics/series and /api/v1/metrics/attendance.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseOrThrow } from '../http/validation.js';
import type { MetricsService } from './metrics-service.js';
import type { AttendanceService } from './attendance-service.js';
import { exportFileName, toCsv, toXlsx } from './metrics-export.js';
import type { AgentFiguresService } from './agent-figures-service.js';
import { agentsExportFileName, agentsToCsv, agentsToXlsx } from './agent-figures-export.js';
import { METRICS_AGENTS_PATH, METRICS_HOURS_PATH, metricsAgentsQuerySchema, metricsHoursQuerySchema } from '../../../shared/api/indicators.js';
import { figuresFileName, toFiguresCsv } from './work-order-figures-export.js';
import {
  ATTENDANCE_PATH,
  METRICS_PATH,
  WORK_ORDER_FIGURES_PATH,
  METRICS_SERIES_PATH,
  attendanceQuerySchema,
  metricsQuerySchema,
  metricsSeriesQuerySchema,
} from '../../../shared/api/metrics.js';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Supervisors of the figures: team leads, the center's admins, province and ministry (§3.1). */
export const METRICS_ROLES = ['team_lead', 'center_admin', 'province', 'ministry'] as const;

export type RouteGuard = (request: FastifyRequest) => Promise<void>;

export function registerMetricsRoutes(
  app: FastifyInstance,
  metrics: MetricsService,
  attendance: AttendanceService,
  agentFigures: AgentFiguresService,
  guard: RouteGuard,
): void {
  app.get(METRICS_PATH, { preHandler: guard }, async (request, reply) => {
    const query = parseOrThrow(metricsQuerySchema, request.query, 'query');
    const report = metrics.report(query.period, query.date);
    if (query.format === 'json') return report;
    const disposition = `attachment; filename="${exportFileName(report, query.format)}"`;
    reply.header('Content-Disposition', disposition).header('Cache-Control', 'no-store');
    if (query.format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(report));
    return reply.type(XLSX_CONTENT_TYPE).send(await toXlsx(report));
  });

  // On-time rate and follow-up survey of a period (JSON or CSV; the XLSX export has them on a sheet).
  app.get(WORK_ORDER_FIGURES_PATH, { preHandler: guard }, async (request, reply) => {
    const query = parseOrThrow(metricsQuerySchema, request.query, 'query');
    const report = metrics.report(query.period, query.date);
    if (query.format === 'json') return report.workOrders;
    // XLSX: the one workbook, the eight on their sheet and these on theirs.
    const file = query.format === 'xlsx' ? exportFileName(report, 'xlsx') : figuresFileName(report);
    reply.header('Content-Disposition', `attachment; filename="${file}"`).header('Cache-Control', 'no-store');
    if (query.format === 'xlsx') return reply.type(XLSX_CONTENT_TYPE).send(await toXlsx(report));
    return reply.type('text/csv; charset=utf-8').send(toFiguresCsv(report.workOrders!));
  });

  app.get(METRICS_SERIES_PATH, { preHandler: guard }, async (request) => {
    const query = parseOrThrow(metricsSeriesQuerySchema, request.query, 'query');
    return metrics.series(query.period, query.from, query.to);
  });

  app.get(ATTENDANCE_PATH, { preHandler: guard }, async (request) => {
    const query = parseOrThrow(attendanceQuerySchema, request.query, 'query');
    return attendance.report(query.period, query.date);
  });

  app.get(METRICS_HOURS_PATH, { preHandler: guard }, async (request) => {
    const query = parseOrThrow(metricsHoursQuerySchema, request.query, 'query');
    return metrics.hours(query.date);
  });

  app.get(METRICS_AGENTS_PATH, { preHandler: guard }, async (request, reply) => {
    const query = parseOrThrow(metricsAgentsQuerySchema, request.query, 'query');
    const report = agentFigures.report(query.period, query.date);
    if (query.format === 'json') return report;
    reply.header('Content-Disposition', `attachment; filename="${agentsExportFileName(report, query.format)}"`).header('Cache-Control', 'no-store');
    if (query.format === 'csv') return reply.type('text/csv; charset=utf-8').send(agentsToCsv(report));
    return reply.type(XLSX_CONTENT_TYPE).send(await agentsToXlsx(report));
  });
}
