import type Database from 'better-sqlite3';
import type { Db } from '../db/database.js';
import type { KbSearchResponse } from '../../../shared/api/knowledge-base.js';
import { HIT_COLUMNS, IN_EFFECT, queryTerms, rerank, toHit, type HitRow, type KbSearchOptions } from './kb-search.js';
import { idf } from './word-impacts.js';
import { queryWords } from './word-segmenter.js';

type RankedRow = HitRow & { rank: number };

const MAX_WORDS = 8;
// bm25 costs ~0.7 µs per matching article (fts5 reads each one's column sizes), and a common
// word is in thousands: candidates are each word's best articles by stored impact, this many
// times the rows reranked in all (160 for 10 hits), and never fewer than MIN_PER_WORD per word.
const CANDIDATES_PER_ROW = 4;
const MIN_PER_WORD = 40;
// FTS5's IDF is 0 (clamped to 1e-6) for a word in half the articles or more.
const COMMON_SHARE = 0.5;
const FREQUENCY_TTL_MS = 60_000;
// Words of a caller's question that say nothing about its topic.
const STOP_WORDS = new Set(
  (
    '怎么办 怎么样 怎样 怎么 如何 能不能 能否 可不可以 可以 是否 什么 多少 哪些 哪里 请问 吗 呢 吧 啊 的 了 是 在 和 与 及 或 ' +
    '我 我们 你 您 他 她 能 会 要 想 还 也 都 就 后 来 给 不 有 没有 一下 需要 办理 问 下 ' +
    // Verbs whose object carries the topic (换工作, 转公积金).
    '换 转'
  ).split(' '),
);

/**
 * A term's words that say something: words in no article (两个: cut otherwise there) are left out,
 * and so are words in half the articles or more (公积金, 账户: bm25 gives them no weight, IDF ≤ 0),
 * while the term has others.
 */
function telling(words: readonly string[], docs: ReadonlyMap<string, number>, articles: number): string[] {
  const known = words.filter((w) => docs.get(w)! > 0);
  const rare = known.filter((w) => docs.get(w)! < articles * COMMON_SHARE);
  return rare.length > 0 ? rare : known;
}

/**
 * Knowledge-base search by words (kb_words, migration 26): the query is segmented by jieba as the
 * articles were, question words dropped. Every term (space or punctuation separated) must be
 * matched by one of its words; articles holding all the words come first, then the others, by
 * bm25. FTS5's bm25() scores every article that matches (~0.7 µs each) and a common word is in
 * thousands (贷款 in 40 % of them): instead each word's best articles are read best first from
 * kb_word_impacts (migration 31: bm25's per-article part, stored at write), a few hundred in all,
 * and summed with each word's IDF. rerank (kb-search.ts) then puts the articles whose title covers
 * the query first. Returns undefined when a term has no word in the index or a single character
 * is left (the caller then asks the trigram search, KbSearch, which finds words the segmenter cut
 * differently), or when too few of the best candidates are in effect.
 */
export class KbWordSearch {
  private readonly best: Database.Statement<[string, number], [number, number]>;
  private readonly impacts: Database.Statement<[string, string], [number, number]>;
  private readonly rows: Database.Statement<Record<string, string | number | null>, HitRow>;
  private readonly wordDocs: Database.Statement<[string], number>;
  private readonly articleCount: Database.Statement<[], number>;
  private since = 0;
  private articles = 0;
  private readonly byWord = new Map<string, number>();

  constructor(private readonly db: Db) {
    db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.kb_words_vocab USING fts5vocab(main, kb_words, 'row')");
    this.wordDocs = db.prepare<[string], number>('SELECT doc FROM temp.kb_words_vocab WHERE term = ?').pluck();
    this.articleCount = db.prepare<[], number>('SELECT count(*) FROM kb_words_docsize').pluck();
    this.best = db
      .prepare<[string, number], [number, number]>('SELECT article_id, impact FROM kb_word_impacts WHERE word = ? ORDER BY impact DESC LIMIT ?')
      .raw();
    this.impacts = db
      .prepare<[string, string], [number, number]>(
        'SELECT i.article_id, i.impact FROM json_each(?) c CROSS JOIN kb_word_impacts i ON i.article_id = c.value AND i.word = ?',
      )
      .raw();
    // json_each walks the ids in rank order and the LIMIT stops it at the first `want` in effect.
    this.rows = db.prepare<Record<string, string | number | null>, HitRow>(
      `SELECT ${HIT_COLUMNS} FROM json_each(@ids) c CROSS JOIN kb_articles a ON a.id = c.value WHERE ${IN_EFFECT} LIMIT @limit`,
    );
  }

  search(options: KbSearchOptions): KbSearchResponse | undefined {
    // Each term (split on spaces and punctuation, as KbSearch does) as its words.
    const groups = queryTerms(options.q)
      .map((term) => [...new Set(this.joinSingles(queryWords(term)).filter((w) => !STOP_WORDS.has(w)))])
      .filter((g) => g.length > 0);
    // A single character left over is a piece the dictionary did not know (单位不交公积金: 交): such
    // questions go to the trigram search.
    const all = new Set(groups.flat());
    if (all.size === 0 || all.size > MAX_WORDS || [...all].some((w) => Array.from(w).length < 2)) return undefined;
    const docs = this.frequencies([...all]);
    // Each term keeps its telling words; a term left with none goes to the trigram search.
    const terms = groups.map((g) => telling(g, docs, this.articles));
    if (terms.some((t) => t.length === 0)) return undefined;
    const words = [...new Set(terms.flat())];
    const want = Math.min(200, Math.max(40, options.limit * 4));
    const { ranked, complete } = this.candidates(terms, words, docs, want);
    const rows = this.inEffect(ranked, want, options);
    // Too few in effect (or of the category) among a word's best articles: the exhaustive search.
    if (rows.length < options.limit && !complete) return undefined;
    if (rows.length === 0) return undefined;
    return {
      query: options.q,
      mode: 'fulltext',
      items: rerank(rows, words)
        .slice(0, options.limit)
        .map((r) => toHit(r, words)),
    };
  }

  /**
   * The articles holding a word of every term, best first: those holding all the words (the
   * AND), then the others, each by bm25 = Σ IDF(word) × impact(word, article). Only each word's
   * best `perWord` articles (kb_word_impacts, read best first from its index) are candidates,
   * instead of every article holding it; their impacts of the other words are read by key.
   */
  private candidates(terms: readonly string[][], words: readonly string[], docs: ReadonlyMap<string, number>, want: number) {
    const perWord = Math.max(MIN_PER_WORD, Math.ceil((want * CANDIDATES_PER_ROW) / words.length));
    const weights = words.map((w) => idf(docs.get(w)!, this.articles));
    const lists = words.map((w) => new Map(this.best.all(w, perWord)));
    const held = new Map<number, { words: Set<string>; score: number }>();
    const add = (id: number, i: number, impact: number) => {
      const h = held.get(id) ?? { words: new Set<string>(), score: 0 };
      h.words.add(words[i]!);
      h.score += weights[i]! * impact;
      held.set(id, h);
    };
    lists.forEach((list, i) => list.forEach((impact, id) => add(id, i, impact)));
    if (words.length > 1) {
      const ids = [...held.keys()];
      lists.forEach((list, i) => {
        const missing = ids.filter((id) => !list.has(id));
        if (missing.length > 0) for (const [id, impact] of this.impacts.all(JSON.stringify(missing), words[i]!)) add(id, i, impact);
      });
    }
    const ranked: Array<{ id: number; rank: number }> = [];
    for (const [id, h] of held)
      if (terms.every((t) => t.some((w) => h.words.has(w)))) ranked.push({ id, rank: (words.length - h.words.size) * 1000 - h.score });
    // Complete when no word had more articles than its list holds.
    return { ranked: ranked.sort((a, b) => a.rank - b.rank), complete: lists.every((list) => list.size < perWord) };
  }

  /**
   * A single character the query's cut left alone, joined with its neighbour's next character when
   * the articles have that word (首套房利率 is cut 首|套房|利率; the articles say 首套).
   */
  private joinSingles(words: string[]): string[] {
    return words.map((w, i) => {
      if (Array.from(w).length > 1 || STOP_WORDS.has(w)) return w;
      const joined = [w + (Array.from(words[i + 1] ?? '')[0] ?? ''), (Array.from(words[i - 1] ?? '').at(-1) ?? '') + w];
      return joined.find((j) => Array.from(j).length === 2 && (this.frequencies([j]).get(j) ?? 0) > 0) ?? w;
    });
  }

  /** The first `want` of the ranked ids that are in effect (and of the category), as hit rows. */
  private inEffect(ranked: ReadonlyArray<{ id: number; rank: number }>, want: number, options: KbSearchOptions): RankedRow[] {
    const rankOf = new Map(ranked.map((r) => [r.id, r.rank]));
    const params = { date: options.date, category: options.category ?? null, limit: want, ids: JSON.stringify(ranked.map((r) => r.id)) };
    return this.rows.all(params).map((row) => ({ ...row, rank: rankOf.get(row.id)! }));
  }

  /** Forgets the cached article counts: an article was written, so a word may be in more or fewer of them. */
  forget(): void {
    this.since = 0;
  }

  /** The number of articles holding each word (cached for a minute or until forget(), with the article count). */
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
