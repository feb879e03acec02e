// The network's HTTP routes (shared/api/network-routes.ts). The feed and the pull take a token
// issued by a parent; the registry takes the center_admin; the figures take province, ministry
// and center_admin users. Every route exists in every mode and says 404 where it does not apply.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { networkRoutes } from '../../../shared/api/network-routes.js';
import { registerRoute } from '../http/register-route.js';
import { HttpError } from '../http/http-app.js';
import { bearerMatches } from '../http/bearer-token.js';
import { principalOf } from '../auth/principal.js';
import type { AuthService } from '../auth/auth-service.js';
import type { AuditService } from '../audit/audit-service.js';
import type { Clock } from '../clock.js';
import type { NetworkDay } from '../../../shared/api/network.js';
import type { FeedReceiver } from './network-feed-receiver.js';
import type { NetworkRegistry } from './network-registry.js';
import type { ResendRequests } from './resend-requests.js';
import type { ListedCenters } from './listed-centers.js';
import type { NetworkOverview } from './network-overview.js';
import { registerNetworkExportRoute } from './export/network-export-route.js';

export const NETWORK_READER_ROLES = ['center_admin', 'province', 'ministry'] as const;

export interface NetworkRouteDeps {
  mode: 'center' | 'province' | 'ministry';
  code: string;
  auth: AuthService;
  audit: AuditService;
  clock: Clock;
  parentToken?: string | undefined;
  receiver: FeedReceiver;
  registry: NetworkRegistry;
  resend: ResendRequests;
  overview?: NetworkOverview | undefined;
  /** At the ministry: the centers each province has registered. */
  listed?: ListedCenters | undefined;
  /** What this server answers a parent's pull with (its own days, or a province's centers'). */
  pull?: ((from: string, to: string) => NetworkDay[]) | undefined;
}

const bearer = (request: FastifyRequest) => /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];

export function registerNetworkRoutes(app: FastifyInstance, d: NetworkRouteDeps): void {
  const admin = { preHandler: d.auth.requireRole('center_admin') };
  const reader = { preHandler: d.auth.requireRole(...NETWORK_READER_ROLES) };
  const parentOnly = <T>(value: T | undefined): T => {
    if (d.mode === 'center' || value === undefined) throw new HttpError(404, 'not_a_parent', 'this server is a center: it has no children in the network');
    return value;
  };

  registerRoute(app, networkRoutes.putDay, {}, ({ params, body }, request) => ({
    result: d.receiver.receive(bearer(request), params.code, params.date, body, d.clock.now()),
  }));

  registerRoute(app, networkRoutes.pullDays, {}, ({ query }, request) => {
    if (!d.pull || !d.parentToken) throw new HttpError(404, 'not_a_child', 'this server feeds no parent');
    if (!bearerMatches(request.headers.authorization, d.parentToken))
      throw new HttpError(401, 'bad_token', 'the bearer token is not the one this server was given');
    return { code: d.code, days: d.pull(query.from, query.to) };
  });

  // The pull on demand: the parent's admin asks, the child collects on its next turn and re-sends.
  registerRoute(app, networkRoutes.requestResend, admin, ({ params, body }, request) => {
    const registry = parentOnly(d.mode !== 'center' ? d.registry : undefined);
    // At the ministry a center is reached through its registered province.
    const feeder = registry.get(params.code) ?? (d.mode === 'ministry' ? registry.get(`${params.code.slice(0, 2)}0000`) : undefined);
    if (!feeder) throw new HttpError(404, 'unknown_child', `${params.code} is not fed to this server by any registered child`);
    const asked = d.resend.request(params.code, body.from, body.to, principalOf(request).userId, d.clock.now());
    d.audit.record({
      actorUserId: principalOf(request).userId,
      action: 'network.resend_requested',
      entityType: 'network_child',
      entityId: params.code,
      detail: { from: body.from, to: body.to, via: feeder.code },
    });
    return asked;
  });

  const childOf = (request: FastifyRequest) => {
    const child = d.mode === 'center' ? undefined : d.registry.childOfToken(bearer(request));
    if (!child) throw new HttpError(401, 'bad_token', 'no child of this server holds that token');
    return child;
  };
  registerRoute(app, networkRoutes.resendRequests, {}, (_, request) => ({ requests: d.resend.pendingFor(childOf(request)) }));
  registerRoute(app, networkRoutes.resendDone, {}, ({ params }, request) => {
    if (!d.resend.done(params.id, childOf(request), d.clock.now())) throw new HttpError(404, 'not_found', `no pending request ${params.id} for this child`);
  });

  // A province's registry, so that the ministry lists its centers before (or without) their first day.
  registerRoute(app, networkRoutes.putCenters, {}, ({ body }, request) => {
    if (d.mode !== 'ministry' || !d.listed) throw new HttpError(404, 'not_a_ministry', "only the ministry keeps the provinces' lists of centers");
    const province = childOf(request);
    return { listed: d.listed.replace(province.code, body.centers, d.clock.now()) };
  });

  registerRoute(app, networkRoutes.children, admin, () => ({ children: parentOnly(d.mode !== 'center' ? d.registry : undefined).list() }));

  registerRoute(app, networkRoutes.registerChild, admin, ({ body }, request) => {
    const child = parentOnly(d.mode !== 'center' ? d.registry : undefined).register(body.code, d.clock.now());
    d.audit.record({ actorUserId: principalOf(request).userId, action: 'network.child_registered', entityType: 'network_child', entityId: body.code });
    return child;
  });

  registerRoute(app, networkRoutes.issueToken, admin, ({ params }, request) => {
    const token = parentOnly(d.mode !== 'center' ? d.registry : undefined).issueToken(params.code, d.clock.now());
    d.audit.record({ actorUserId: principalOf(request).userId, action: 'network.token_issued', entityType: 'network_child', entityId: params.code });
    return { token };
  });

  registerRoute(app, networkRoutes.revokeToken, admin, ({ params }, request) => {
    parentOnly(d.mode !== 'center' ? d.registry : undefined).revokeToken(params.code);
    d.audit.record({ actorUserId: principalOf(request).userId, action: 'network.token_revoked', entityType: 'network_child', entityId: params.code });
  });

  registerRoute(app, networkRoutes.overview, reader, ({ query }) => parentOnly(d.overview).overview(query));
  registerRoute(app, networkRoutes.series, reader, ({ query }) => parentOnly(d.overview).series(query.code, query.from, query.to));
  registerRoute(app, networkRoutes.missing, reader, ({ query }) => parentOnly(d.overview).missing(query.from, query.to, query.under));
  // The overview's table as CSV or XLSX (export/, the desk side's files).
  registerNetworkExportRoute(app, (query) => parentOnly(d.overview).overview(query), reader.preHandler);
}
