import { z } from 'zod';
import { kbCategorySchema, kbStatusSchema } from '../knowledge-base.js';

/** Events of this domain pushed on /api/v1/events; add z.object({ type: z.literal('…'), … }) entries. */
export const knowledgeBaseEventSchemas = [
  // Sent at once on every save, so that open desks refresh the article and their search results.
  z.object({
    type: z.literal('kb.article-changed'),
    articleId: z.number().int(),
    version: z.number().int(),
    change: z.enum(['created', 'updated']),
    category: kbCategorySchema,
    title: z.string(),
    status: kbStatusSchema,
    effectiveFrom: z.string(),
    expiresAt: z.string().nullable(),
    changedBy: z.number().int().nullable(),
    changedAt: z.string(),
  }),
  // The admin's pinned list (置顶) changed: open desks reload their hot questions.
  z.object({
    type: z.literal('kb.pins-changed'),
    articleIds: z.array(z.number().int()),
    changedBy: z.number().int().nullable(),
    changedAt: z.string(),
  }),
] as const;
