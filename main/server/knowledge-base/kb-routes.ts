import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http/http-app.js';
import { registerRoute } from '../http/register-route.js';
import { principalOf } from '../auth/principal.js';
import type { AuthService } from '../auth/auth-service.js';
import type { AuditService } from '../audit/audit-service.js';
import type { KbArticle } from '../../../shared/api/knowledge-base.js';
import { knowledgeBaseRoutes as routes } from '../../../shared/api/knowledge-base-routes.js';
import { KbConflictError, type KnowledgeBaseService } from './kb-service.js';

/** Agents and team leads read; the center admin edits (and reads, to edit); every edit is audited. */
export function registerKbRoutes(app: FastifyInstance, kb: KnowledgeBaseService, auth: AuthService, audit?: AuditService): void {
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

  const audited = (request: Parameters<typeof principalOf>[0], action: string, entityId: number | null, detail: Record<string, unknown>) =>
    audit?.record({ actorUserId: principalOf(request).userId, action, entityType: 'kb_article', entityId, detail });

  registerRoute(app, routes.list, { preHandler: editors }, ({ query }) => ({ items: kb.list(query) }));

  registerRoute(app, routes.create, { preHandler: editors }, ({ body }, request) => {
    const created = kb.create(body, principalOf(request).userId);
    audited(request, 'kb.create', created.id, { title: created.title, status: created.status, version: created.version, expiresAt: created.expiresAt });
    return created;
  });

  registerRoute(app, routes.pins, { preHandler: editors }, ({ body: { articleIds } }, request) => {
    const { unknown } = kb.setPins(articleIds, principalOf(request).userId);
    if (unknown.length)
      throw new HttpError(
        400,
        'invalid_request',
        'invalid body: no such article',
        unknown.map((i) => ({ path: `articleIds.${i}`, message: `no article ${articleIds[i]}` })),
      );
    audited(request, 'kb.pins', null, { articleIds });
    return kb.hot(10);
  });

  registerRoute(app, routes.update, { preHandler: editors }, ({ params: { id }, body: { article, expectedVersion } }, request) => {
    try {
      const saved = kb.update(id, article, expectedVersion, principalOf(request).userId);
      if (!saved) throw new HttpError(404, 'not_found', `no article ${id}`);
      audited(request, 'kb.update', id, { title: saved.title, status: saved.status, version: saved.version, expiresAt: saved.expiresAt });
      return saved;
    } catch (error) {
      if (error instanceof KbConflictError)
        throw new HttpError(409, 'version_conflict', 'someone saved this article in between: reload it and apply your change again');
      throw error;
    }
  });
}
