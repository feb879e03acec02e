// The word search's candidate cut (kb_word_impacts, migration 31): only each word's best articles
// are read, so these check what must not be lost by it: articles in effect below a crowd of
// better-scoring expired ones, new words right after an edit, and every term required.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, openDatabase, type Db } from '../db/database.js';
import { ManualClock } from '../clock.js';
import { EventHub } from '../events/event-hub.js';
import type { KbArticleInput } from '../../../shared/api/knowledge-base.js';
import { createKnowledgeBaseService, type KnowledgeBaseService } from './kb-service.js';

const article = (title: string, body: string, extra: Partial<KbArticleInput> = {}): KbArticleInput => ({
  category: '贷款',
  title,
  body,
  keywords: [],
  effectiveFrom: '2025-01-01',
  expiresAt: null,
  status: 'published',
  ...extra,
});

describe('word search over stored impacts', () => {
  let dir: string;
  let db: Db;
  let kb: KnowledgeBaseService;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kb-words-'));
    db = openDatabase(join(dir, 'db.sqlite'));
    kb = createKnowledgeBaseService(db, new ManualClock(Date.parse('2025-06-11T02:00:00Z')), new EventHub(), 'Asia/Shanghai');
  });
  afterEach(() => {
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds the articles in effect below more than a candidate list of expired better ones', () => {
    const expired = db.transaction(() =>
      Array.from({ length: 200 }, (_, i) => kb.create(article(`冻结账户说明${i}`, '冻结账户。', { expiresAt: '2025-01-02' }), null).id),
    )();
    const live = [1, 2, 3].map((i) => kb.create(article(`第${i}号通知`, `其他事项很多很多，末尾提到冻结账户的情形${i}。`), null).id);
    const result = kb.search({ q: '冻结', limit: 10 });
    // None in effect among the word's best 160: answered by the exhaustive search (bigram index).
    expect(result.mode).toBe('bigram');
    const hits = result.items.map((i) => i.id);
    expect(hits.sort()).toEqual(live.sort());
    expect(hits.some((id) => expired.includes(id))).toBe(false);
  });

  it('follows an edit at once: a new word is found, an old one forgotten', () => {
    const a = kb.create(article('提前还款办理', '提前还款需要预约。'), null);
    expect(kb.search({ q: '贴息', limit: 5 }).items).toEqual([]);
    kb.update(a.id, article('提前还款办理', '提前还款可申请贴息。'), 1, null);
    expect(kb.search({ q: '贴息', limit: 5 }).items.map((i) => i.id)).toEqual([a.id]);
    kb.update(a.id, article('提前还款办理', '提前还款需要预约。'), 2, null);
    expect(kb.search({ q: '贴息', limit: 5 }).items).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM kb_word_impacts WHERE article_id = ? AND word = ?').pluck().get(a.id, '贴息')).toBe(0);
  });

  it('requires every term, and ranks the article holding all words of a term first', () => {
    const both = kb.create(article('租房提取', '租房可以提取。'), null).id;
    const rentOnly = kb.create(article('租房补贴', '租房有补贴。'), null).id;
    kb.create(article('退休提取', '退休可以提取。'), null);
    expect(kb.search({ q: '租房 退休', limit: 5 }).items).toEqual([]);
    const hits = kb.search({ q: '租房提取', limit: 5 }).items.map((i) => i.id);
    expect(hits[0]).toBe(both);
    expect(hits).toContain(rentOnly);
  });
});
