import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../auth/auth-service.js';
import { principalOf } from '../auth/principal.js';
import { registerRoute } from '../http/register-route.js';
import { routes } from '../../../shared/api/routes.js';
import type { FollowUpLists } from './follow-up-lists.js';

/** Leads (team lead, center admin) make and assign lists; agents work the numbers given to them. */
export function registerFollowUpListRoutes(app: FastifyInstance, auth: AuthService, lists: FollowUpLists): void {
  const leads = { preHandler: auth.requireRole('team_lead', 'center_admin') };
  const workers = { preHandler: auth.requireRole('agent', 'team_lead', 'center_admin') };

  const r = routes.followUpLists;
  registerRoute(app, r.create, leads, ({ body }, request) => lists.create(principalOf(request), body));
  registerRoute(app, r.list, leads, (_, request) => ({ lists: lists.lists(principalOf(request)) }));
  registerRoute(app, r.mine, { preHandler: auth.requireRole('agent') }, (_, request) => lists.mine(principalOf(request)));
  registerRoute(app, r.get, leads, ({ params }, request) => lists.get(principalOf(request), params.id));
  registerRoute(app, r.assign, leads, ({ params, body }, request) => lists.assign(principalOf(request), params.id, body));
  registerRoute(app, r.recordAttempt, workers, ({ params, body }, request) => lists.recordAttempt(principalOf(request), params.id, body));
  registerRoute(app, r.markDone, workers, ({ params, body }, request) => lists.markDone(principalOf(request), params.id, body));
}
