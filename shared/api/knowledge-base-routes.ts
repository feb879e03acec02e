import { z } from 'zod';
import { defineRoute } from './route.js';
import {
  kbArticleInputSchema,
  kbArticleListQuerySchema,
  kbArticleListResponseSchema,
  kbPinsBodySchema,
  kbArticleSchema,
  kbArticleUpdateSchema,
  kbArticleVersionSchema,
  kbHotQuerySchema,
  kbHotResponseSchema,
  kbSearchQuerySchema,
  kbSearchResponseSchema,
} from './knowledge-base.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });

/** Agents and team leads read; the center admin edits (and reads, to edit). */
export const knowledgeBaseRoutes = {
  search: defineRoute({ method: 'GET', path: '/api/v1/kb/search', query: kbSearchQuerySchema, response: kbSearchResponseSchema }),
  hot: defineRoute({ method: 'GET', path: '/api/v1/kb/hot', query: kbHotQuerySchema, response: kbHotResponseSchema }),
  /** Opening an article counts a view. */
  article: defineRoute({ method: 'GET', path: '/api/v1/kb/articles/:id', params: idParams, response: kbArticleSchema }),
  versions: defineRoute({
    method: 'GET',
    path: '/api/v1/kb/articles/:id/versions',
    params: idParams,
    response: z.object({ items: z.array(kbArticleVersionSchema) }),
  }),
  create: defineRoute({ method: 'POST', path: '/api/v1/kb/articles', body: kbArticleInputSchema, response: kbArticleSchema, status: 201 }),
  update: defineRoute({ method: 'PUT', path: '/api/v1/kb/articles/:id', params: idParams, body: kbArticleUpdateSchema, response: kbArticleSchema }),
  /** The editors' list: drafts, archived and expired articles too. */
  list: defineRoute({ method: 'GET', path: '/api/v1/kb/articles', query: kbArticleListQuerySchema, response: kbArticleListResponseSchema }),
  /** The pinned top of the hot list (置顶), in order; answers the hot list as agents now see it. */
  pins: defineRoute({ method: 'PUT', path: '/api/v1/kb/pins', body: kbPinsBodySchema, response: kbHotResponseSchema }),
};
