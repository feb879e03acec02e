import type Database from 'better-sqlite3';
import type { Db } from '../db/database.js';
import type { KbSearchResponse } from '../../../shared/api/knowledge-base.js';
import { BM25_WEIGHTS, HIT_COLUMNS, IN_EFFECT, queryTerms, rerank, toHit, type HitRow, type KbSearchOptions } from './kb-search.js';
import { queryWords } from './word-segmenter.js';

type RankedRow = HitRow & { rank: number };

const MAX_WORDS = 8;
// bm25 costs ~0.7 µs per matching article (fts5 reads each one's column sizes): an expression
// estimated to match at most this many is ranked whole, one expected to match more is cut first.
const RANK_ALL = 1500;
// Words of one term found within this many tokens of each other count as the term's phrase.
const NEAR = 4;
// The cut: the newest articles holding the words in their title or keywords, then ranked.
const NEWEST_CUT = 200;
// Index matches joined to kb_articles when ranked whole (as KbSearch's CANDIDATE_CAP).
const CANDIDATE_CAP = 400;
// A word in more than this share of the articles (公积金, 住房) is left out of the OR.
const COMMON_SHARE = 0.2;
const FREQUENCY_TTL_MS = 60_000;
// Words of a caller's question that say nothing about its topic.
const STOP_WORDS = new Set(
  (
    '怎么办 怎么样 怎样 怎么 如何 能不能 能否 可不可以 可以 是否 什么 多少 哪些 哪里 请问 吗 呢 吧 啊 的 了 是 在 和 与 及 或 ' +
    '我 我们 你 您 他 她 能 会 要 想 还 也 都 就 后 来 给 不 有 没有 一下 需要 办理 问 下'
  ).split(' '),
);

/**
 * Knowledge-base search by words (kb_words, migration 26): the query is segmented by jieba as the
 * articles were, question words dropped. First the AND of its words, then (when too few) the OR
 * of those not in most articles; bm25 ranks the matches and rerank (kb-search.ts) puts the
 * articles whose title covers the query first. The cost of bm25 grows with the matches, so an
 * expression whose rarest word is in more than RANK_ALL articles (贷款 alone is in a third of
 * them) is ranked over the NEWEST_CUT newest articles holding it in title or keywords: fts5 walks
 * rowids newest first and stops there. Returns undefined when no word is in the index; the caller
 * then asks the trigram search (KbSearch), which also finds words the segmenter cut differently.
 */
export class KbWordSearch {
  private readonly statements = new Map<string, Database.Statement<Record<string, string | number | null>, RankedRow>>();
  private readonly wordDocs: Database.Statement<[string], number>;
  private readonly count: Database.Statement<[string], number>;
  private readonly articleCount: Database.Statement<[], number>;
  private since = 0;
  private articles = 0;
  private readonly byWord = new Map<string, number>();

  constructor(private readonly db: Db) {
    db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.kb_words_vocab USING fts5vocab(main, kb_words, 'row')");
    this.wordDocs = db.prepare<[string], number>('SELECT doc FROM temp.kb_words_vocab WHERE term = ?').pluck();
    this.articleCount = db.prepare<[], number>('SELECT count(*) FROM kb_words_docsize').pluck();
    this.count = db.prepare<[string], number>('SELECT count(*) FROM kb_words WHERE kb_words MATCH ?').pluck();
  }

  search(options: KbSearchOptions): KbSearchResponse | undefined {
    // Each term (split on spaces and punctuation, as KbSearch does) as its words.
    const groups = queryTerms(options.q)
      .map((term) => [...new Set(queryWords(term).filter((w) => !STOP_WORDS.has(w)))])
      .filter((g) => g.length > 0);
    const words = [...new Set(groups.flat())];
    // A single character left over is a piece the dictionary did not know (单位不交公积金: 交):
    // such questions, and words not in any article, go to the trigram search.
    if (words.length === 0 || words.length > MAX_WORDS || words.some((w) => Array.from(w).length < 2)) return undefined;
    const docs = this.frequencies(words);
    if (words.some((w) => docs.get(w) === 0)) return undefined;
    const want = Math.min(200, Math.max(40, options.limit * 4));
    const params = { date: options.date, category: options.category ?? null, limit: want };
    const quote = (w: string) => `"${w.replaceAll('"', '""')}"`;

    const and = words.map(quote).join(' AND ');
    const andEstimate = Math.min(...words.map((w) => docs.get(w)!));
    let candidates: RankedRow[] = [];
    if (andEstimate > RANK_ALL && groups.some((g) => g.length > 1)) {
      // Many articles may hold every word (租房 and 提取 are in a thousand): first those holding
      // each term's words close together, as a phrase (the trigram search's AND is as strict).
      candidates = this.rank(groups.map((g) => (g.length > 1 ? `NEAR(${g.map(quote).join(' ')}, ${NEAR})` : quote(g[0]!))).join(' AND '), andEstimate, params);
    }
    if (candidates.length < want) {
      const seen = new Set(candidates.map((c) => c.id));
      candidates = [...candidates, ...this.rank(and, andEstimate, params).filter((m) => !seen.has(m.id))];
    }
    if (candidates.length < want && words.length > groups.length) {
      // Then any word of each term, leaving out those in most articles where the term has others.
      const common = (w: string) => docs.get(w)! > this.articles * COMMON_SHARE;
      const ors = groups.map((g) => (g.some((w) => !common(w)) ? g.filter((w) => !common(w)) : g));
      const match = ors.map((g) => `(${g.map(quote).join(' OR ')})`).join(' AND ');
      const estimate = Math.min(...ors.map((g) => g.reduce((sum, w) => sum + docs.get(w)!, 0)));
      const seen = new Set(candidates.map((c) => c.id));
      candidates = [...candidates, ...this.rank(match, estimate, params).filter((m) => !seen.has(m.id))];
    }
    if (candidates.length === 0) return undefined;
    const rows = rerank(candidates, words).slice(0, options.limit);
    return { query: options.q, mode: 'fulltext', items: rows.map((r) => toHit(r, words)) };
  }

  /**
   * Matches of `match` in effect, best bm25 first: all ranked when they are few (`estimate` is an
   * upper bound from the words' article counts; above RANK_ALL they are counted, which is cheap),
   * else the newest cut.
   */
  private rank(match: string, estimate: number, params: Record<string, string | number | null>): RankedRow[] {
    if (estimate <= RANK_ALL || (this.count.get(match) ?? 0) <= RANK_ALL) {
      const capped = this.statement('ranked').all({ ...params, match, cap: CANDIDATE_CAP });
      if (capped.length >= (params.limit as number) || estimate <= CANDIDATE_CAP) return capped;
      return this.statement('ranked').all({ ...params, match, cap: -1 });
    }
    const titled = this.statement('newest').all({ ...params, match: `{title keywords} : (${match})`, cap: NEWEST_CUT });
    if (titled.length >= (params.limit as number)) return titled;
    return this.statement('newest').all({ ...params, match, cap: NEWEST_CUT * 4 });
  }

  private statement(order: 'ranked' | 'newest') {
    let statement = this.statements.get(order);
    if (!statement) {
      // CROSS JOIN keeps the index as the outer loop (see KbSearch.statement).
      statement = this.db.prepare(`
        SELECT ${HIT_COLUMNS}, f.rank FROM (
          SELECT rowid, bm25(kb_words, ${BM25_WEIGHTS}) AS rank FROM kb_words WHERE kb_words MATCH @match
          ORDER BY ${order === 'ranked' ? 'rank' : 'rowid DESC'} LIMIT @cap
        ) f CROSS JOIN kb_articles a ON a.id = f.rowid
        WHERE ${IN_EFFECT}
        ORDER BY f.rank LIMIT @limit`);
      this.statements.set(order, statement);
    }
    return statement;
  }

  /** The number of articles holding each word (cached for a minute, with the article count). */
  private frequencies(words: readonly string[]): Map<string, number> {
    const now = Date.now();
    if (now - this.since > FREQUENCY_TTL_MS) {
      this.since = now;
      this.articles = this.articleCount.get() ?? 0;
      this.byWord.clear();
    }
    for (const w of words) if (!this.byWord.has(w)) this.byWord.set(w, this.wordDocs.get(w) ?? 0);
    return this.byWord;
  }
}
