import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import type { EventHub } from '../events/event-hub.js';
import { localDateOf } from '../../../shared/time/zoned.js';
import type { KbArticle, KbArticleInput, KbArticleListItem, KbArticleVersion, KbHotResponse, KbSearchResponse } from '../../../shared/api/knowledge-base.js';
import { KbRepository, splitKeywords, type ArticleRow } from './kb-repository.js';
import { KbSearch, type KbSearchOptions } from './kb-search.js';
import { KbWordSearch } from './kb-word-search.js';
import { warmSegmenter } from './word-segmenter.js';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export class KbConflictError extends Error {
  override name = 'KbConflictError';
}

/** Registered as ctx.services.get(SERVICES.knowledgeBase). */
export interface KnowledgeBaseService {
  search(options: Omit<KbSearchOptions, 'date'> & { date?: string | undefined }): KbSearchResponse;
  get(id: number): KbArticle | undefined;
  /** get() that counts a view for the hot list. */
  open(id: number, userId: number | null): KbArticle | undefined;
  versions(id: number): KbArticleVersion[];
  create(input: KbArticleInput, userId: number | null, seedKey?: string): KbArticle;
  /** undefined when there is no such article; KbConflictError when expectedVersion is stale. */
  update(id: number, input: KbArticleInput, expectedVersion: number, userId: number | null): KbArticle | undefined;
  /** The pinned articles (置顶) first, then the most opened in the last 7 days; in effect today. */
  hot(limit: number): KbHotResponse;
  /** The editors' list (drafts, archived and expired too), newest change first. */
  list(filter: { q?: string | undefined; category?: string | undefined; status?: string | undefined; limit: number }): KbArticleListItem[];
  /** Replaces the pinned list (and tells open desks); the ids that name no article, by their index. */
  setPins(ids: readonly number[], userId: number | null): { unknown: number[] };
  count(): number;
  today(): string;
}

export function createKnowledgeBaseService(db: Db, clock: Clock, events: EventHub, timeZone: string): KnowledgeBaseService {
  const repo = new KbRepository(db);
  const searcher = new KbSearch(db);
  const words = new KbWordSearch(db);
  warmSegmenter(); // the dictionary is loaded at start-up, not by the first search
  const search = (options: KbSearchOptions) => words.search(options) ?? searcher.search(options);
  const today = () => localDateOf(clock.now(), timeZone);

  const toArticle = (row: ArticleRow): KbArticle => {
    const day = today();
    return {
      id: row.id,
      category: row.category,
      title: row.title,
      body: row.body,
      keywords: splitKeywords(row.keywords),
      effectiveFrom: row.effective_from,
      expiresAt: row.expires_at,
      status: row.status,
      version: row.version,
      updatedAt: new Date(row.updated_at).toISOString(),
      updatedBy: row.updated_by,
      inEffect: row.status === 'published' && row.effective_from <= day && (row.expires_at === null || row.expires_at > day),
    };
  };

  const publish = (row: ArticleRow, change: 'created' | 'updated') =>
    events.publish({
      type: 'kb.article-changed',
      articleId: row.id,
      version: row.version,
      change,
      category: row.category,
      title: row.title,
      status: row.status,
      effectiveFrom: row.effective_from,
      expiresAt: row.expires_at,
      changedBy: row.updated_by,
      changedAt: new Date(row.updated_at).toISOString(),
    });

  return {
    search: (options) => search({ ...options, date: options.date ?? today() }),
    get(id) {
      const row = repo.get(id);
      return row && toArticle(row);
    },
    open(id, userId) {
      const row = repo.get(id);
      if (!row) return undefined;
      repo.recordView(id, userId, clock.now());
      return toArticle(row);
    },
    versions: (id) =>
      repo.versions(id).map((v) => ({
        articleId: v.article_id,
        version: v.version,
        category: v.category,
        title: v.title,
        body: v.body,
        keywords: splitKeywords(v.keywords),
        effectiveFrom: v.effective_from,
        expiresAt: v.expires_at,
        status: v.status,
        editedAt: new Date(v.edited_at).toISOString(),
        editedBy: v.edited_by,
      })),
    create(input, userId, seedKey) {
      const row = repo.create(input, userId, clock.now(), seedKey ?? null);
      words.forget();
      publish(row, 'created');
      return toArticle(row);
    },
    update(id, input, expectedVersion, userId) {
      const row = repo.update(id, input, expectedVersion, userId, clock.now());
      if (row === 'conflict') throw new KbConflictError(`article ${id} was changed since version ${expectedVersion}`);
      if (!row) return undefined;
      words.forget();
      publish(row, 'updated');
      return toArticle(row);
    },
    hot(limit) {
      const since = clock.now() - WEEK_MS;
      const pinned = repo.pinned(since, today()).map((a) => ({ ...a, pinned: true }));
      const ids = new Set(pinned.map((a) => a.id));
      const viewed = repo
        .hot(since, today(), limit + ids.size)
        .filter((a) => !ids.has(a.id))
        .map((a) => ({ ...a, pinned: false }));
      return { items: [...pinned, ...viewed].slice(0, Math.max(limit, pinned.length)) };
    },
    list(filter) {
      const pins = repo.pinPositions();
      return repo.list(filter).map((row) => {
        const { body: _body, keywords: _keywords, updatedBy: _by, ...item } = toArticle(row);
        return { ...item, pinnedAt: pins.get(row.id) ?? null };
      });
    },
    setPins(ids, userId) {
      const unknown = ids.flatMap((id, i) => (repo.get(id) ? [] : [i]));
      if (unknown.length) return { unknown };
      repo.setPins(ids);
      events.publish({ type: 'kb.pins-changed', articleIds: [...ids], changedBy: userId, changedAt: new Date(clock.now()).toISOString() });
      return { unknown };
    },
    count: () => repo.count(),
    today,
  };
}
