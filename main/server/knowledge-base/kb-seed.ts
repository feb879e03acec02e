import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../logger.js';
import { kbArticleInputSchema } from '../../../shared/api/knowledge-base.js';
import type { KnowledgeBaseService } from './kb-service.js';

const seedFileSchema = z.array(kbArticleInputSchema.and(z.object({ key: z.string().regex(/^[a-z0-9-]+$/) })));

/** First start: the articles of resources/kb/*.json, each file an array of articles with a unique key. */
export function seedKnowledgeBase(kb: KnowledgeBaseService, dir: string, logger: Logger): number {
  if (kb.count() > 0) return 0;
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch {
    logger.warn({ event: 'kb_seed_missing', dir }, 'no seed articles found');
    return 0;
  }
  let loaded = 0;
  for (const file of files) {
    const parsed = seedFileSchema.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    if (!parsed.success)
      throw new Error(`seed articles ${file} are invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    for (const { key, ...article } of parsed.data) {
      kb.create(article, null, key);
      loaded++;
    }
  }
  logger.info({ event: 'kb_seeded', articles: loaded, files: files.length }, 'knowledge base seeded');
  return loaded;
}
