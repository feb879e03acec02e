import { beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase, type Db } from '../db/database.js';
import { ManualClock } from '../clock.js';
import { EventHub } from '../events/event-hub.js';
import { createLogger } from '../logger.js';
import { APP_ROOT } from '../app-root.js';
import type { ServerEvent } from '../../../shared/api/events/index.js';
import type { KbArticleInput } from '../../../shared/api/knowledge-base.js';
import { KbConflictError, createKnowledgeBaseService, type KnowledgeBaseService } from './kb-service.js';
import { seedKnowledgeBase } from './kb-seed.js';

const NOW = Date.parse('2025-06-11T02:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

describe('knowledge base', () => {
  let db: Db;
  let clock: ManualClock;
  let events: ServerEvent[];
  let kb: KnowledgeBaseService;
  beforeEach(() => {
    db = openDatabase(join(mkdtempSync(join(tmpdir(), 'kb-')), 'db.sqlite'));
    clock = new ManualClock(NOW);
    const hub = new EventHub();
    events = [];
    hub.subscribe((e) => events.push(e));
    kb = createKnowledgeBaseService(db, clock, hub, 'Asia/Shanghai');
    seedKnowledgeBase(kb, resolve(APP_ROOT, 'resources', 'kb'), createLogger('silent'));
  });
  const first = (q: string, extra: { category?: '异地'; date?: string } = {}) => kb.search({ q, limit: 5, ...extra }).items[0]?.title;
  const titles = (q: string, extra: { date?: string; category?: '异地' | '提取' } = {}) => kb.search({ q, limit: 50, ...extra }).items.map((i) => i.title);

  it('loads the seed articles once', () => {
    expect(kb.count()).toBeGreaterThanOrEqual(40);
    expect(seedKnowledgeBase(kb, resolve(APP_ROOT, 'resources', 'kb'), createLogger('silent'))).toBe(0);
  });

  it('puts the right article first for Chinese questions', () => {
    expect(first('租房提取')).toBe('租房提取住房公积金');
    expect(first('公积金贷款额度')).toBe('住房公积金贷款额度怎么计算');
    expect(first('提前还款')).toBe('住房公积金贷款提前还款');
    expect(first('异地贷款')).toBe('异地贷款：在外地缴存能否在本市申请公积金贷款');
    expect(first('退休 提取公积金')).toBe('退休提取住房公积金');
    expect(first('查询密码锁定')).toBe('查询密码忘记或被锁定怎么办');
    expect(first('缴存基数调整')).toBe('缴存基数如何确定和调整');
    expect(first('换工作公积金怎么办')).toBe('本市内换工作怎样转移公积金账户');
    expect(first('商业贷款转公积金')).toBe('组合贷款和商业贷款转公积金贷款');
    expect(first('单位不交公积金')).toBe('单位欠缴、少缴住房公积金怎么办');
    expect(kb.search({ q: '租房提取', limit: 5 }).mode).toBe('fulltext');
    // No trigram in common with the article ("首套住房……利率"): scored 2-character pieces.
    expect(first('首套房利率')).toBe('住房公积金贷款利率（2025年5月8日起）');
  });

  it('answers 1–2 character queries from the word index, the bigram index or a scan, ranked by title', () => {
    const result = kb.search({ q: '提取', limit: 10 });
    expect(result.mode).toBe('fulltext'); // a dictionary word: kb_words
    // Two characters that are no word (the middle of 退休提取): the bigram index.
    expect(kb.search({ q: '休提', limit: 10 }).mode).toBe('bigram');
    expect(titles('休提')).toContain('退休提取住房公积金');
    expect(result.items.length).toBe(10);
    expect(result.items.slice(0, 5).every((i) => i.title.includes('提取'))).toBe(true);
    expect(first('离职')).toBe('离职后能否提取住房公积金');
    expect(titles('贷款', { category: '异地' }).length).toBeGreaterThan(0);
    expect(kb.search({ q: '贷款', limit: 50, category: '异地' }).items.every((i) => i.category === '异地')).toBe(true);
    // Every term must occur: 租房 and 退休 never meet in one article.
    expect(titles('租房 退休')).toEqual([]);
    // One character has no index: a scored scan.
    const one = kb.search({ q: '税', limit: 50 });
    expect(one.mode).toBe('substring');
    const scanned = kb.search({ q: '房', limit: 50 });
    expect(scanned.mode).toBe('substring');
    const mentioning = db
      .prepare("SELECT count(*) FROM kb_articles WHERE (expires_at IS NULL OR expires_at > '2025-06-11') AND instr(title || keywords || body, '房') > 0")
      .pluck()
      .get();
    expect(scanned.items.length).toBe(mentioning);
    expect(scanned.items.every((i) => i.titleHtml.includes('<mark>房</mark>') || i.snippetHtml.includes('<mark>房</mark>'))).toBe(true);
  });

  it('shows only articles in effect on the day', () => {
    expect(titles('利率')).toContain('住房公积金贷款利率（2025年5月8日起）');
    expect(titles('利率')).not.toContain('住房公积金贷款利率（2024年5月18日起）');
    expect(titles('贷款利率', { date: '2025-01-01' })).toContain('住房公积金贷款利率（2024年5月18日起）');
    expect(titles('贷款利率', { date: '2025-01-01' })).not.toContain('住房公积金贷款利率（2025年5月8日起）');
    expect(titles('贷款利率')).not.toContain('住房公积金贷款利率（2024年5月18日起）');
  });

  it('hides drafts and articles not yet in effect', () => {
    const base: KbArticleInput = {
      category: '提取',
      title: '公积金提取新规（试行）',
      body: '试行新规正文',
      keywords: ['试行新规'],
      effectiveFrom: '2025-07-01',
      expiresAt: null,
      status: 'published',
    };
    kb.create(base, null);
    kb.create({ ...base, title: '公积金提取新规草稿', effectiveFrom: '2025-01-01', status: 'draft' }, null);
    expect(titles('试行新规')).toEqual([]);
    expect(titles('试行新规', { date: '2025-07-01' })).toEqual(['公积金提取新规（试行）']);
    clock.advance(20 * DAY); // July 1st in Shanghai
    expect(titles('新规')).toEqual(['公积金提取新规（试行）']);
  });

  it('escapes the article text and marks the matches', () => {
    kb.create(
      {
        category: '其他',
        title: '<script>alert(1)</script>租房须知',
        body: '租房时请注意 <b>合同</b> & 发票',
        keywords: [],
        effectiveFrom: '2025-01-01',
        expiresAt: null,
        status: 'published',
      },
      null,
    );
    const hit = kb.search({ q: '租房须知', limit: 1 }).items[0]!;
    expect(hit.titleHtml).toBe('&lt;script&gt;alert(1)&lt;/script&gt;<mark>租房须知</mark>');
    const short = kb.search({ q: '合同 租房', limit: 50 }).items.find((i) => i.title.includes('script'))!;
    expect(short.snippetHtml).toBe('<mark>租房</mark>时请注意 &lt;b&gt;<mark>合同</mark>&lt;/b&gt; &amp; 发票');
  });

  it('keeps every version with who and when, refuses stale edits, and pushes each change', () => {
    const editor = Number(
      db
        .prepare(
          "INSERT INTO users (work_number, display_name, role, center_code, password_hash, created_at) VALUES ('9009', '编辑', 'center_admin', '330100', 'x', 0)",
        )
        .run().lastInsertRowid,
    );
    const created = kb.create(
      { category: '贷款', title: '贷款测试条目', body: '旧正文', keywords: ['测试'], effectiveFrom: '2025-01-01', expiresAt: null, status: 'published' },
      editor,
    );
    expect(events.at(-1)).toMatchObject({ type: 'kb.article-changed', articleId: created.id, version: 1, change: 'created' });
    clock.advance(60_000);
    const updated = kb.update(
      created.id,
      {
        category: '贷款',
        title: '贷款测试条目（修订）',
        body: '新正文：组合贷款额度',
        keywords: ['测试', '修订'],
        effectiveFrom: '2025-01-01',
        expiresAt: null,
        status: 'published',
      },
      1,
      null,
    )!;
    expect(updated.version).toBe(2);
    expect(events.at(-1)).toMatchObject({ type: 'kb.article-changed', articleId: created.id, version: 2, change: 'updated', title: '贷款测试条目（修订）' });
    expect(() => kb.update(created.id, { ...updated, keywords: [], expiresAt: null }, 1, null)).toThrow(KbConflictError);
    expect(kb.update(99_999, { ...updated, expiresAt: null }, 1, null)).toBeUndefined();

    const versions = kb.versions(created.id);
    expect(versions.map((v) => [v.version, v.title, v.body])).toEqual([
      [2, '贷款测试条目（修订）', '新正文：组合贷款额度'],
      [1, '贷款测试条目', '旧正文'],
    ]);
    expect(versions[1]!.editedAt).toBe(new Date(NOW).toISOString());
    expect(versions.map((v) => v.editedBy)).toEqual([null, editor]);
    expect(versions[0]!.editedAt).toBe(new Date(NOW + 60_000).toISOString());
    // The index follows the edit.
    expect(titles('贷款测试条目')).toContain('贷款测试条目（修订）');
    expect(db.prepare(`SELECT count(*) FROM kb_fts WHERE kb_fts MATCH '"旧正文"'`).pluck().get()).toBe(0);
    expect(titles('旧正')).toEqual([]);
    expect(titles('新正')).toEqual(['贷款测试条目（修订）']);
    expect(db.prepare(`SELECT rowid FROM kb_fts WHERE kb_fts MATCH '"组合贷款额度"'`).pluck().all()).toEqual([created.id]);
    // The word index too: the old body's words are forgotten, the new ones found.
    const words = (q: string) => db.prepare('SELECT rowid FROM kb_words WHERE kb_words MATCH ?').pluck().all(q);
    expect(words('"正文" AND "测试"')).toEqual([created.id]);
    expect(words('"旧"')).not.toContain(created.id);
    expect(words('"修订" AND "贷款额度"')).toEqual([created.id]);
    expect(kb.search({ q: '组合贷款额度 修订', limit: 5 }).items.map((i) => i.id)).toEqual([created.id]);
    // And the stored impacts (kb_word_impacts) the word search ranks by.
    const impacts = db.prepare<[number], string>('SELECT word FROM kb_word_impacts WHERE article_id = ?').pluck().all(created.id);
    expect(impacts).toContain('修订');
    expect(impacts).toContain('贷款额度');
    expect(impacts).not.toContain('旧');
  });

  it('lists the most opened articles of the last 7 days', () => {
    const [a, b, c] = [1, 2, 3];
    kb.open(c, null); // 8 days before the list is asked for: not counted
    clock.advance(8 * DAY);
    for (let i = 0; i < 3; i++) kb.open(a, null);
    kb.open(b, null);
    expect(kb.hot(10).items.map((i) => [i.id, i.views])).toEqual([
      [a, 3],
      [b, 1],
    ]);
  });
});
