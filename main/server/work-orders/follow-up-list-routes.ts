import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../auth/auth-service.js';
import { principalOf } from '../auth/principal.js';
import { parseOrThrow } from '../http/validation.js';
import {
  assignEntriesRequestSchema,
  createFollowUpListRequestSchema,
  idParamsSchema,
  markDoneRequestSchema,
  recordAttemptRequestSchema,
} from '../../../shared/api/follow-up-lists.js';
import type { FollowUpLists } from './follow-up-lists.js';

/** Leads (team lead, center admin) make and assign lists; agents work the numbers given to them. */
export function registerFollowUpListRoutes(app: FastifyInstance, auth: AuthService, lists: FollowUpLists): void {
  const leads = { preHandler: auth.requireRole('team_lead', 'center_admin') };
  const workers = { preHandler: auth.requireRole('agent', 'team_lead', 'center_admin') };

  app.post('/api/v1/follow-up-lists', leads, async (request, reply) =>
    reply.code(201).send(lists.create(principalOf(request), parseOrThrow(createFollowUpListRequestSchema, request.body))),
  );
  app.get('/api/v1/follow-up-lists', leads, async (request) => ({ lists: lists.lists(principalOf(request)) }));
  app.get('/api/v1/follow-up-lists/mine', { preHandler: auth.requireRole('agent') }, async (request) => lists.mine(principalOf(request)));
  app.get('/api/v1/follow-up-lists/:id', leads, async (request) => lists.get(principalOf(request), parseOrThrow(idParamsSchema, request.params, 'path').id));
  app.post('/api/v1/follow-up-lists/:id/assign', leads, async (request) =>
    lists.assign(principalOf(request), parseOrThrow(idParamsSchema, request.params, 'path').id, parseOrThrow(assignEntriesRequestSchema, request.body)),
  );
  app.post('/api/v1/follow-up-entries/:id/attempts', workers, async (request, reply) =>
    reply
      .code(201)
      .send(
        lists.recordAttempt(
          principalOf(request),
          parseOrThrow(idParamsSchema, request.params, 'path').id,
          parseOrThrow(recordAttemptRequestSchema, request.body),
        ),
      ),
  );
  app.post('/api/v1/follow-up-entries/:id/done', workers, async (request) =>
    lists.markDone(principalOf(request), parseOrThrow(idParamsSchema, request.params, 'path').id, parseOrThrow(markDoneRequestSchema, request.body)),
  );
}
