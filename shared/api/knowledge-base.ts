import { z } from 'zod';

/** Knowledge base (§2.4-6): answers agents read to callers, kept in step with policy changes. */

export const KB_CATEGORIES = ['缴存', '提取', '贷款', '转移接续', '异地', '其他'] as const;
export const kbCategorySchema = z.enum(KB_CATEGORIES);
export type KbCategory = z.infer<typeof kbCategorySchema>;

export const KB_STATUSES = ['draft', 'published', 'archived'] as const;
export const kbStatusSchema = z.enum(KB_STATUSES);
export type KbStatus = z.infer<typeof kbStatusSchema>;

const ymd = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine((v) => new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'a real calendar date');

/** What an editor sends (POST, and PUT with expectedVersion). */
export const kbArticleInputSchema = z
  .object({
    category: kbCategorySchema,
    title: z.string().trim().min(1).max(200),
    body: z.string().trim().min(1).max(20_000),
    keywords: z.array(z.string().trim().min(1).max(30)).max(30).default([]),
    effectiveFrom: ymd,
    /** The first day the article is no longer in effect; null: until further notice. */
    expiresAt: ymd.nullable().default(null),
    status: kbStatusSchema.default('published'),
  })
  .refine((a) => a.expiresAt === null || a.expiresAt > a.effectiveFrom, { message: 'expiresAt must be after effectiveFrom', path: ['expiresAt'] });
export type KbArticleInput = z.infer<typeof kbArticleInputSchema>;

export const kbArticleUpdateSchema = z.object({
  article: kbArticleInputSchema,
  /** The version the editor started from: a 409 when someone saved in between. */
  expectedVersion: z.number().int().positive(),
});
export type KbArticleUpdate = z.infer<typeof kbArticleUpdateSchema>;

export const kbArticleSchema = z.object({
  id: z.number().int(),
  category: kbCategorySchema,
  title: z.string(),
  body: z.string(),
  keywords: z.array(z.string()),
  effectiveFrom: z.string(),
  expiresAt: z.string().nullable(),
  status: kbStatusSchema,
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.number().int().nullable(),
  /** Published and in effect on the server's local today. */
  inEffect: z.boolean(),
});
export type KbArticle = z.infer<typeof kbArticleSchema>;

export const kbArticleVersionSchema = kbArticleSchema.omit({ id: true, updatedAt: true, updatedBy: true, inEffect: true }).extend({
  articleId: z.number().int(),
  editedAt: z.string(),
  /** null for the seed articles loaded at first start. */
  editedBy: z.number().int().nullable(),
});
export type KbArticleVersion = z.infer<typeof kbArticleVersionSchema>;

export const kbSearchQuerySchema = z.object({
  q: z.string().trim().min(1, 'a search text').max(100),
  category: kbCategorySchema.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  /** In effect on this day (default: today in the center's time zone). */
  date: ymd.optional(),
});
export type KbSearchQuery = z.infer<typeof kbSearchQuerySchema>;

export const kbSearchHitSchema = z.object({
  id: z.number().int(),
  category: kbCategorySchema,
  title: z.string(),
  /** HTML: the article text escaped, matches wrapped in <mark>…</mark>; safe to render. */
  titleHtml: z.string(),
  snippetHtml: z.string(),
  effectiveFrom: z.string(),
  expiresAt: z.string().nullable(),
  version: z.number().int(),
});
export type KbSearchHit = z.infer<typeof kbSearchHitSchema>;

export const kbSearchResponseSchema = z.object({
  query: z.string(),
  /**
   * fulltext: FTS5 trigram index with bm25 (terms of 3+ characters); bigram: the 2-character Han
   * index (提取, 贷款); substring: other short terms (1 character, short Latin), scanned and scored.
   */
  mode: z.enum(['fulltext', 'bigram', 'substring']),
  items: z.array(kbSearchHitSchema),
});
export type KbSearchResponse = z.infer<typeof kbSearchResponseSchema>;

export const kbHotQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) });

export const kbHotResponseSchema = z.object({
  /** The admin's pinned articles first (置顶, in their order), then the most opened of the week. */
  items: z.array(
    z.object({ id: z.number().int(), category: kbCategorySchema, title: z.string(), views: z.number().int(), pinned: z.boolean().default(false) }),
  ),
});
export type KbHotResponse = z.infer<typeof kbHotResponseSchema>;

/** GET /api/v1/kb/articles (editors): every article, drafts and expired ones included, to find one to edit. */
export const kbArticleListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  category: kbCategorySchema.optional(),
  status: kbStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const kbArticleListItemSchema = kbArticleSchema.omit({ body: true, keywords: true, updatedBy: true }).extend({
  /** Its place on the pinned list (1 = top), null when not pinned. */
  pinnedAt: z.number().int().nullable(),
});
export type KbArticleListItem = z.infer<typeof kbArticleListItemSchema>;

export const kbArticleListResponseSchema = z.object({ items: z.array(kbArticleListItemSchema) });

/** PUT /api/v1/kb/pins: the pinned articles (置顶) in order; [] unpins all. */
export const kbPinsBodySchema = z.object({
  articleIds: z
    .array(z.number().int().positive())
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, 'an article pinned twice'),
});
