import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http/http-app.js';
import { registerRoute } from '../http/register-route.js';
import { principalOf } from '../auth/principal.js';
import type { AuthService } from '../auth/auth-service.js';
import type { KbArticle } from '../../../shared/api/knowledge-base.js';
import { knowledgeBaseRoutes as routes } from '../../../shared/api/knowledge-base-routes.js';
import { KbConflictError, type KnowledgeBaseService } from './kb-service.js';

/** Agents and team leads read; the center admin edits (and reads, to edit). */
export function registerKbRoutes(app: FastifyInstance, kb: KnowledgeBaseService, auth: AuthService): void {
  const readers = auth.requireRole('agent', 'team_lead', 'center_admin');
  const editors = auth.requireRole('center_admin');

  registerRoute(app, routes.search, { preHandler: readers }, ({ query }) => kb.search(query));

  registerRoute(app, routes.hot, { preHandler: readers }, ({ query }) => kb.hot(query.limit));

  registerRoute(app, routes.article, { preHandler: readers }, ({ params: { id } }, request) => {
    const principal = principalOf(request);
    const visible = (a: KbArticle | undefined) => a && (a.status === 'published' || principal.role === 'center_admin');
    // Drafts and archived articles exist only for the editors; opening one counts a view.
    if (!visible(kb.get(id))) throw new HttpError(404, 'not_found', `no article ${id}`);
    return kb.open(id, principal.userId)!;
  });

  registerRoute(app, routes.versions, { preHandler: readers }, ({ params: { id } }, request) => {
    const article = kb.get(id);
    if (!article || (article.status !== 'published' && principalOf(request).role !== 'center_admin')) throw new HttpError(404, 'not_found', `no article ${id}`);
    return { items: kb.versions(id) };
  });

  registerRoute(app, routes.create, { preHandler: editors }, ({ body }, request) => kb.create(body, principalOf(request).userId));

  registerRoute(app, routes.update, { preHandler: editors }, ({ params: { id }, body: { article, expectedVersion } }, request) => {
    try {
      const saved = kb.update(id, article, expectedVersion, principalOf(request).userId);
      if (!saved) throw new HttpError(404, 'not_found', `no article ${id}`);
      return saved;
    } catch (error) {
      if (error instanceof KbConflictError)
        throw new HttpError(409, 'version_conflict', 'someone saved this article in between: reload it and apply your change again');
      throw error;
    }
  });
}
