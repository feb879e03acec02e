// GET /api/v1/metrics (JSON, CSV, XLSX), its work-order figures, series, attendance, hours and per-agent figures.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MetricsService } from './metrics-service.js';
import type { AttendanceService } from './attendance-service.js';
import { exportFileName, toCsv, toXlsx } from './metrics-export.js';
import type { AgentFiguresService } from './agent-figures-service.js';
import { agentsExportFileName, agentsToCsv, agentsToXlsx } from './agent-figures-export.js';
import { figuresFileName, toFiguresCsv } from './work-order-figures-export.js';
import { registerRoute } from '../http/register-route.js';
import { routes } from '../../../shared/api/routes.js';

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
  const options = { preHandler: guard };
  const r = routes.metrics;

  // JSON through the table; a CSV or XLSX export is sent on the reply.
  registerRoute(app, r.report, options, async ({ query }, _request, reply) => {
    const report = metrics.report(query.period, query.date);
    if (query.format === 'json') return report;
    const disposition = `attachment; filename="${exportFileName(report, query.format)}"`;
    reply.header('Content-Disposition', disposition).header('Cache-Control', 'no-store');
    if (query.format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(report));
    return reply.type(XLSX_CONTENT_TYPE).send(await toXlsx(report));
  });

  // On-time rate and follow-up survey of a period (JSON or CSV; the XLSX export has them on a sheet).
  registerRoute(app, r.workOrders, options, async ({ query }, _request, reply) => {
    const report = metrics.report(query.period, query.date);
    if (query.format === 'json') return report.workOrders!;
    // XLSX: the one workbook, the eight on their sheet and these on theirs.
    const file = query.format === 'xlsx' ? exportFileName(report, 'xlsx') : figuresFileName(report);
    reply.header('Content-Disposition', `attachment; filename="${file}"`).header('Cache-Control', 'no-store');
    if (query.format === 'xlsx') return reply.type(XLSX_CONTENT_TYPE).send(await toXlsx(report));
    return reply.type('text/csv; charset=utf-8').send(toFiguresCsv(report.workOrders!));
  });

  registerRoute(app, r.series, options, ({ query }) => metrics.series(query.period, query.from, query.to));
  registerRoute(app, r.attendance, options, ({ query }) => attendance.report(query.period, query.date));
  registerRoute(app, r.hours, options, ({ query }) => metrics.hours(query.date));

  registerRoute(app, r.agents, options, async ({ query }, _request, reply) => {
    const report = agentFigures.report(query.period, query.date);
    if (query.format === 'json') return report;
    reply.header('Content-Disposition', `attachment; filename="${agentsExportFileName(report, query.format)}"`).header('Cache-Control', 'no-store');
    if (query.format === 'csv') return reply.type('text/csv; charset=utf-8').send(agentsToCsv(report));
    return reply.type(XLSX_CONTENT_TYPE).send(await agentsToXlsx(report));
  });
}
