// GET /api/v1/network/export: the overview a province or ministry user reads, as a file. The
// network module registers it with the overview it serves, so the file and the screen agree.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OverviewQuery, OverviewResponse } from '../../../../shared/api/network.js';
import { routes } from '../../../../shared/api/routes.js';
import { registerRoute } from '../../http/register-route.js';
import { XLSX_CONTENT_TYPE } from '../../metrics/metrics-routes.js';
import { networkExportFileName, networkToCsv, networkToXlsx } from './network-export.js';

export function registerNetworkExportRoute(
  app: FastifyInstance,
  overview: (query: OverviewQuery) => OverviewResponse | Promise<OverviewResponse>,
  preHandler: (request: FastifyRequest, reply: FastifyReply) => Promise<void>,
): void {
  registerRoute(app, routes.network.export, { preHandler }, async ({ query }, _request, reply) => {
    const { format, ...asked } = query;
    const report = await overview(asked);
    reply.header('Content-Disposition', `attachment; filename="${networkExportFileName(report, format)}"`).header('Cache-Control', 'no-store');
    if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(networkToCsv(report));
    return reply.type(XLSX_CONTENT_TYPE).send(await networkToXlsx(report));
  });
}
