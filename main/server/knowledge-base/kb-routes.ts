import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../http/http-app.js';
import { parseOrThrow } from '../http/validation.js';
import { principalOf } from '../auth/principal.js';
import type { AuthService } from '../auth/auth-service.js';
import {
  kbArticleInputSchema,
  kbArticleUpdateSchema,
  kbHotQuerySchema,
  kbSearchQuerySchema,
  type KbArticle,
  type KbArticleVersion,
  type KbHotResponse,
  type KbSearchResponse,
} from '../../../shared/api/knowledge-base.js';
import { KbConflictError, type KnowledgeBaseService } from './kb-service.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });

/** Agents and team leads read; the center admin edits (and reads, to edit). */
export function registerKbRoutes(app: FastifyInstance, kb: KnowledgeBaseService, auth: AuthService): void {
  const readers = auth.requireRole('agent', 'team_lead', 'center_admin');
  const editors = auth.requireRole('center_admin');

  app.get('/api/v1/kb/search', { preHandler: readers }, async (request): Promise<KbSearchResponse> => {
    const query = parseOrThrow(kbSearchQuerySchema, request.query, 'query');
    return kb.search(query);
  });

  app.get('/api/v1/kb/hot', { preHandler: readers }, async (request): Promise<KbHotResponse> => {
    return kb.hot(parseOrThrow(kbHotQuerySchema, request.query, 'query').limit);
  });

  app.get('/api/v1/kb/articles/:id', { preHandler: readers }, async (request): Promise<KbArticle> => {
    const { id } = parseOrThrow(idParams, request.params, 'path');
    const principal = principalOf(request);
    const visible = (a: KbArticle | undefined) => a && (a.status === 'published' || principal.role === 'center_admin');
    // Drafts and archived articles exist only for the editors; opening one counts a view.
    if (!visible(kb.get(id))) throw new HttpError(404, 'not_found', `no article ${id}`);
    return kb.open(id, principal.userId)!;
  });

  app.get('/api/v1/kb/articles/:id/versions', { preHandler: readers }, async (request): Promise<{ items: KbArticleVersion[] }> => {
    const { id } = parseOrThrow(idParams, request.params, 'path');
    const article = kb.get(id);
    if (!article || (article.status !== 'published' && principalOf(request).role !== 'center_admin')) throw new HttpError(404, 'not_found', `no article ${id}`);
    return { items: kb.versions(id) };
  });

  app.post('/api/v1/kb/articles', { preHandler: editors }, async (request, reply): Promise<KbArticle> => {
    const input = parseOrThrow(kbArticleInputSchema, request.body);
    reply.code(201);
    return kb.create(input, principalOf(request).userId);
  });

  app.put('/api/v1/kb/articles/:id', { preHandler: editors }, async (request): Promise<KbArticle> => {
    const { id } = parseOrThrow(idParams, request.params, 'path');
    const { article, expectedVersion } = parseOrThrow(kbArticleUpdateSchema, request.body);
    try {
      const saved = kb.update(id, article, expectedVersion, principalOf(request).userId);
      if (!saved) throw new HttpError(404, 'not_found', `no article ${id}`);
      return saved;
    } catch (error) {
      if (error instanceof KbConflictError) throw new HttpError(409, 'version_conflict', 'someone saved this article in between: reload it and apply your change again');
      throw error;
    }
  });
}
