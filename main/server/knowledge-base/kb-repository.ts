import type { Db } from '../db/database.js';
import type { KbArticleInput, KbCategory, KbStatus } from '../../../shared/api/knowledge-base.js';
import { bigramText } from './bigrams.js';
import { wordText } from './word-segmenter.js';
import { impactsOfWords } from './word-impacts.js';

export interface ArticleRow {
  id: number;
  category: KbCategory;
  title: string;
  body: string;
  keywords: string;
  effective_from: string;
  expires_at: string | null;
  status: KbStatus;
  version: number;
  created_at: number;
  updated_at: number;
  updated_by: number | null;
}

/** A saved version: the article's content fields as they were, and who saved them when. */
export type VersionRow = Pick<ArticleRow, 'version' | 'category' | 'title' | 'body' | 'keywords' | 'effective_from' | 'expires_at' | 'status'> & {
  article_id: number;
  edited_by: number | null;
  edited_at: number;
};

/** Stored form of the keyword list: one space between keywords (searched like the title). */
export const joinKeywords = (keywords: readonly string[]) =>
  keywords
    .map((k) => k.replace(/\s+/g, ''))
    .filter(Boolean)
    .join(' ');
export const splitKeywords = (stored: string) => (stored ? stored.split(' ') : []);

/** Articles, their versions and views (migration 7). Search lives in kb-search.ts. */
export class KbRepository {
  private readonly q;

  constructor(private readonly db: Db) {
    this.q = {
      insert: db.prepare(`
        INSERT INTO kb_articles (category, title, body, keywords, effective_from, expires_at, status, version, created_at, updated_at, updated_by, seed_key)
        VALUES (@category, @title, @body, @keywords, @effectiveFrom, @expiresAt, @status, 1, @at, @at, @by, @seedKey)`),
      update: db.prepare(`
        UPDATE kb_articles SET category = @category, title = @title, body = @body, keywords = @keywords, effective_from = @effectiveFrom,
          expires_at = @expiresAt, status = @status, version = version + 1, updated_at = @at, updated_by = @by
        WHERE id = @id AND version = @expectedVersion`),
      snapshot: db.prepare<[number]>(`
        INSERT INTO kb_article_versions (article_id, version, category, title, body, keywords, effective_from, expires_at, status, edited_by, edited_at)
        SELECT id, version, category, title, body, keywords, effective_from, expires_at, status, updated_by, updated_at FROM kb_articles WHERE id = ?`),
      get: db.prepare<[number], ArticleRow>('SELECT * FROM kb_articles WHERE id = ?'),
      indexBigrams: db.prepare<[number, string, string, string]>('INSERT INTO kb_bigrams (rowid, title, keywords, body) VALUES (?, ?, ?, ?)'),
      unindexBigrams: db.prepare<[number]>('DELETE FROM kb_bigrams WHERE rowid = ?'),
      indexWords: db.prepare<[number, string, string, string]>('INSERT INTO kb_words (rowid, title, keywords, body) VALUES (?, ?, ?, ?)'),
      unindexWords: db.prepare<[number]>('DELETE FROM kb_words WHERE rowid = ?'),
      indexImpact: db.prepare<[number, string, number]>('INSERT INTO kb_word_impacts (article_id, word, impact) VALUES (?, ?, ?)'),
      unindexImpacts: db.prepare<[number]>('DELETE FROM kb_word_impacts WHERE article_id = ?'),
      versions: db.prepare<[number], VersionRow>('SELECT * FROM kb_article_versions WHERE article_id = ? ORDER BY version DESC'),
      count: db.prepare<[], number>('SELECT count(*) FROM kb_articles').pluck(),
      view: db.prepare<[number, number | null, number]>('INSERT INTO kb_views (article_id, user_id, viewed_at) VALUES (?, ?, ?)'),
      hot: db.prepare<{ since: number; today: string; limit: number }, { id: number; category: KbCategory; title: string; views: number }>(`
        SELECT a.id, a.category, a.title, v.views FROM (
          SELECT article_id, count(*) AS views FROM kb_views WHERE viewed_at >= @since GROUP BY article_id
        ) v JOIN kb_articles a ON a.id = v.article_id
        WHERE a.status = 'published' AND a.effective_from <= @today AND (a.expires_at IS NULL OR a.expires_at > @today)
        ORDER BY v.views DESC, a.id LIMIT @limit`),
      pinned: db.prepare<{ since: number; today: string }, { id: number; category: KbCategory; title: string; views: number }>(`
        SELECT a.id, a.category, a.title, (SELECT count(*) FROM kb_views v WHERE v.article_id = a.id AND v.viewed_at >= @since) AS views
        FROM kb_pins p JOIN kb_articles a ON a.id = p.article_id
        WHERE a.status = 'published' AND a.effective_from <= @today AND (a.expires_at IS NULL OR a.expires_at > @today)
        ORDER BY p.position`),
      pinPositions: db.prepare<[], { article_id: number; position: number }>('SELECT article_id, position FROM kb_pins ORDER BY position'),
      clearPins: db.prepare('DELETE FROM kb_pins'),
      pin: db.prepare<[number, number]>('INSERT INTO kb_pins (article_id, position) VALUES (?, ?)'),
      list: db.prepare<{ q: string | null; category: string | null; status: string | null; limit: number }, ArticleRow>(`
        SELECT * FROM kb_articles
        WHERE (@q IS NULL OR instr(title, @q) > 0 OR instr(keywords, @q) > 0 OR instr(body, @q) > 0)
          AND (@category IS NULL OR category = @category) AND (@status IS NULL OR status = @status)
        ORDER BY updated_at DESC, id DESC LIMIT @limit`),
    };
  }

  /** Inserts version 1 and its snapshot in one transaction. */
  create(input: KbArticleInput, by: number | null, at: number, seedKey: string | null = null): ArticleRow {
    return this.db.transaction(() => {
      const id = Number(this.q.insert.run({ ...input, keywords: joinKeywords(input.keywords), at, by, seedKey }).lastInsertRowid);
      this.q.snapshot.run(id);
      return this.indexBigrams(this.q.get.get(id)!);
    })();
  }

  /** A new version when `expectedVersion` is current; undefined when the article is missing, 'conflict' when stale. */
  update(id: number, input: KbArticleInput, expectedVersion: number, by: number | null, at: number): ArticleRow | 'conflict' | undefined {
    return this.db.transaction(() => {
      const changed = this.q.update.run({ ...input, keywords: joinKeywords(input.keywords), id, expectedVersion, at, by }).changes;
      if (changed === 0) return this.q.get.get(id) ? 'conflict' : undefined;
      this.q.snapshot.run(id);
      this.q.unindexBigrams.run(id);
      this.q.unindexWords.run(id);
      this.q.unindexImpacts.run(id);
      return this.indexBigrams(this.q.get.get(id)!);
    })();
  }

  /** The repository-written indexes: 2-character pieces (kb_bigrams), jieba words (kb_words) and their impacts. */
  private indexBigrams(row: ArticleRow): ArticleRow {
    this.q.indexBigrams.run(row.id, bigramText(row.title), bigramText(row.keywords), bigramText(row.body));
    const words = [wordText(row.title), wordText(row.keywords), wordText(row.body)] as const;
    this.q.indexWords.run(row.id, ...words);
    for (const [word, impact] of impactsOfWords(...words)) this.q.indexImpact.run(row.id, word, impact);
    return row;
  }

  get(id: number): ArticleRow | undefined {
    return this.q.get.get(id);
  }

  versions(id: number): VersionRow[] {
    return this.q.versions.all(id);
  }

  count(): number {
    return this.q.count.get() ?? 0;
  }

  recordView(articleId: number, userId: number | null, at: number): void {
    this.q.view.run(articleId, userId, at);
  }

  /** Pinned articles (置顶) still in effect, in the admin's order, with their views of the week. */
  pinned(since: number, today: string) {
    return this.q.pinned.all({ since, today });
  }

  pinPositions(): Map<number, number> {
    return new Map(this.q.pinPositions.all().map((p) => [p.article_id, p.position]));
  }

  /** Replaces the pinned list (ids known to exist). */
  setPins(ids: readonly number[]): void {
    this.db.transaction(() => {
      this.q.clearPins.run();
      ids.forEach((id, i) => this.q.pin.run(id, i + 1));
    })();
  }

  /** The editors' list: a plain substring match over title, keywords and body (drafts and expired ones too). */
  list(filter: { q?: string | undefined; category?: string | undefined; status?: string | undefined; limit: number }): ArticleRow[] {
    return this.q.list.all({ q: filter.q || null, category: filter.category ?? null, status: filter.status ?? null, limit: filter.limit });
  }

  hot(since: number, today: string, limit: number) {
    return this.q.hot.all({ since, today, limit });
  }
}
