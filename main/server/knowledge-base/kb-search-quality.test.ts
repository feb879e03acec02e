// Search quality over the seed knowledge base: for each caller-style question, the article an
// agent needs must be among the first 5 hits. Guards every change to the search's candidate cut
// or ranking (issue 17: KB search speed must not cost the quality of the first 5 hits).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROOT } from '../app-root.js';
import { ManualClock } from '../clock.js';
import { closeDatabase, openDatabase, type Db } from '../db/database.js';
import { EventHub } from '../events/event-hub.js';
import { createLogger } from '../logger.js';
import { createKnowledgeBaseService, type KnowledgeBaseService } from './kb-service.js';
import { seedKnowledgeBase } from './kb-seed.js';
import { EXPECTED_HITS } from './kb-quality-queries.js';

describe('knowledge-base search quality (seed articles)', () => {
  let dir: string;
  let db: Db;
  let kb: KnowledgeBaseService;
  const titleOf = new Map<string, string>();
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kb-quality-'));
    db = openDatabase(join(dir, 'db.sqlite'));
    kb = createKnowledgeBaseService(db, new ManualClock(Date.parse('2025-06-11T02:00:00Z')), new EventHub(), 'Asia/Shanghai');
    const seeds = resolve(APP_ROOT, 'resources', 'kb');
    seedKnowledgeBase(kb, seeds, createLogger('silent'));
    for (const file of readdirSync(seeds).filter((f) => f.endsWith('.json'))) {
      for (const a of JSON.parse(readFileSync(join(seeds, file), 'utf8')) as Array<{ key: string; title: string }>) titleOf.set(a.key, a.title);
    }
  });
  afterAll(() => {
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(EXPECTED_HITS)('"%s" has %s in its first 5 hits', (q, key) => {
    const title = titleOf.get(key);
    expect(title, `seed article ${key}`).toBeDefined();
    const top5 = kb.search({ q, limit: 5 }).items.map((i) => i.title);
    expect(top5).toContain(title);
  });
});
