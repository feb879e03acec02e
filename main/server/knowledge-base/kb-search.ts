import type Database from 'better-sqlite3';
import type { Db } from '../db/database.js';
import type { KbCategory, KbSearchHit, KbSearchResponse } from '../../../shared/api/knowledge-base.js';
import { highlight, snippet } from './highlight.js';
import { HAN_BIGRAM } from './bigrams.js';

export interface KbSearchOptions {
  q: string;
  category?: KbCategory | undefined;
  limit: number;
  /** YYYY-MM-DD: only articles published and in effect on this day. */
  date: string;
}

export interface HitRow {
  id: number;
  category: KbCategory;
  title: string;
  body: string;
  effective_from: string;
  expires_at: string | null;
  version: number;
  keywords: string;
}

const MAX_TERMS = 8;
const MAX_TRIGRAMS = 32;
// Index matches ranked before the join to kb_articles (see KbSearch.candidates).
const CANDIDATE_CAP = 400;
// A trigram in more than this share of the articles is left out of the first OR (see search).
const COMMON_SHARE = 0.2;
const FREQUENCY_TTL_MS = 60_000;
// Punctuation, Chinese and Western, separates terms; so does white space.
const SEPARATORS = /[\s,，。.、;；:：!！?？"“”'‘’()（）[\]【】《》<>{}\-—_*+^~|\\/=&%#@$]+/u;
// Title above keywords above body, as the knowledge base is searched by what an article is about.
export const BM25_WEIGHTS = '10.0, 6.0, 1.0';
export const IN_EFFECT =
  "a.status = 'published' AND a.effective_from <= @date AND (a.expires_at IS NULL OR a.expires_at > @date) AND (@category IS NULL OR a.category = @category)";
export const HIT_COLUMNS = 'a.id, a.category, a.title, a.body, a.effective_from, a.expires_at, a.version, a.keywords';

// Question words callers' questions are typed with; they say nothing about the topic and their
// trigrams would pull in every "…怎么办" title.
export const QUESTION_WORDS = /怎么办|怎么样|怎样|怎么|如何|能不能|能否|可不可以|可以吗|是否|什么|多少|哪些|哪里|请问|吗|呢/g;

/** Search terms: question words dropped, split on spaces and punctuation, lower-cased, without repeats. */
export function queryTerms(q: string): string[] {
  const stripped = q.replace(QUESTION_WORDS, ' ');
  const terms = (stripped.trim() ? stripped : q).toLowerCase().split(SEPARATORS).filter(Boolean);
  return [...new Set(terms)].slice(0, MAX_TERMS).map((t) => Array.from(t).slice(0, 30).join(''));
}

/** Overlapping 3-character pieces, what the trigram tokenizer indexes. */
export function trigramsOf(term: string): string[] {
  return ngrams(term, 3);
}

function ngrams(term: string, n: number): string[] {
  const chars = Array.from(term);
  const out: string[] = [];
  for (let i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(''));
  return out;
}

/**
 * Knowledge-base search. Terms of 3+ characters go through the FTS5 trigram index: the query is
 * the OR of its trigrams, so that "公积金贷款额度" finds "贷款额度" in an article even where the
 * words are not contiguous, and bm25 ranks articles matching more (and rarer) pieces first.
 * On a large knowledge base that OR matches most articles, so the candidates are cut first (each
 * step only when it still fills the candidates): the AND of the trigrams, then the OR of those
 * in at most 20 % of the articles, then the full OR; and the index ranks its matches before only
 * its best 400 are joined to the articles (benchmarks/kb-search.bench.ts, 10,000 articles).
 * Candidates are then reordered by exact keyword and whole-term title matches (rerank below).
 * Trigrams cannot match 1–2 characters (提取, 贷款: very common in Chinese). When all terms are
 * 2-character Han words they go through the kb_bigrams index (AND), as do the 2-character pieces
 * of a query whose trigrams found nothing (OR). Other short terms must each occur (instr): as a
 * filter on the full-text candidates when the query also has longer terms, or in a scored scan of
 * the in-effect articles: a term in the title counts most, then keywords, then (up to 5)
 * occurrences in the body.
 */
export class KbSearch {
  private readonly statements = new Map<string, Database.Statement<Record<string, string | number | null>, HitRow & { rank?: number }>>();

  private readonly trigramDocs: Database.Statement<[string], number>;
  private readonly articleCount: Database.Statement<[], number>;
  private frequencies = { since: 0, articles: 0, byTrigram: new Map<string, number>() };

  constructor(private readonly db: Db) {
    // Per-connection view of kb_fts's vocabulary: in how many articles each trigram occurs.
    db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.kb_fts_vocab USING fts5vocab(main, kb_fts, 'row')");
    this.trigramDocs = db.prepare<[string], number>('SELECT doc FROM temp.kb_fts_vocab WHERE term = ?').pluck();
    this.articleCount = db.prepare<[], number>('SELECT count(*) FROM kb_fts_docsize').pluck();
  }

  search(options: KbSearchOptions): KbSearchResponse {
    const terms = queryTerms(options.q);
    if (terms.length === 0) return { query: options.q, mode: 'fulltext', items: [] };
    const long = terms.filter((t) => Array.from(t).length >= 3);
    const short = terms.filter((t) => Array.from(t).length < 3);
    const params: Record<string, string | number | null> = { date: options.date, category: options.category ?? null, limit: options.limit };
    short.forEach((t, i) => (params[`t${i}`] = t));

    if (long.length > 0) {
      // Short terms of a mixed query ("退休 提取公积金") filter the full-text candidates.
      const grams = [...new Set(long.flatMap(trigramsOf))].slice(0, MAX_TRIGRAMS);
      const quoted = grams.map((g) => `"${g.replaceAll('"', '""')}"`);
      params.limit = Math.min(200, Math.max(40, options.limit * 4));
      // AND first: on a large knowledge base the OR of the trigrams matches most articles and
      // bm25 then scores them all. Articles holding every trigram score the same as under the OR
      // (bm25 sums over the same phrases); when they are too few to fill the candidates, the OR.
      let candidates: Array<HitRow & { rank: number }> = [];
      if (quoted.length > 1) {
        params.match = quoted.join(' AND ');
        candidates = this.candidates('fulltext', short, params);
      }
      // Then the OR of the trigrams that are not in most articles ("公积金" is in almost all):
      // they weigh next to nothing in bm25 but make it score every article. All of them last.
      const rare = this.rareTrigrams(grams);
      if (candidates.length < (params.limit as number) && rare.length > 0 && rare.length < grams.length) {
        params.match = rare.map((g) => `"${g.replaceAll('"', '""')}"`).join(' OR ');
        candidates = this.candidates('fulltext', short, params);
      }
      if (candidates.length < (params.limit as number)) {
        params.match = quoted.join(' OR ');
        candidates = this.candidates('fulltext', short, params);
      }
      if (candidates.length > 0) {
        const rows = rerank(candidates, terms).slice(0, options.limit);
        return { query: options.q, mode: 'fulltext', items: rows.map((r) => toHit(r, [...terms, ...grams])) };
      }
      // No trigram in common ("首套房利率" against "首套住房……利率"): rank by the 2-character pieces.
      const pieces = [...new Set([...short, ...long.flatMap((t) => ngrams(t, 2))])].slice(0, MAX_TERMS * 2);
      if (pieces.every((p) => HAN_BIGRAM.test(p))) return this.bigramSearch(options, pieces, 'OR');
      const loose: Record<string, string | number | null> = { date: options.date, category: options.category ?? null, limit: options.limit };
      pieces.forEach((p, i) => (loose[`t${i}`] = p));
      loose.limit = candidateCount(options.limit);
      const rows = byBodyCount(this.statement('loose', pieces).all(loose) as ScoredRow[], pieces).slice(0, options.limit);
      return { query: options.q, mode: 'substring', items: rows.map((r) => toHit(r, pieces)) };
    }
    if (short.every((t) => HAN_BIGRAM.test(t))) return this.bigramSearch(options, short, 'AND');
    params.limit = candidateCount(options.limit);
    const rows = byBodyCount(this.statement('substring', short).all(params) as ScoredRow[], short).slice(0, options.limit);
    return { query: options.q, mode: 'substring', items: rows.map((r) => toHit(r, terms)) };
  }

  /** 2-character Han terms through the kb_bigrams index, bm25-ranked like the trigram one. */
  private bigramSearch(options: KbSearchOptions, terms: readonly string[], join: 'AND' | 'OR'): KbSearchResponse {
    const match = terms.map((t) => `"${t}"`).join(` ${join} `);
    const params = { date: options.date, category: options.category ?? null, limit: Math.min(200, Math.max(40, options.limit * 4)), match };
    const candidates = this.candidates('bigram', [], params);
    const rows = rerank(candidates, terms).slice(0, options.limit);
    return { query: options.q, mode: 'bigram', items: rows.map((r) => toHit(r, terms)) };
  }

  /** The trigrams found in at most COMMON_SHARE of the articles (document counts cached a while). */
  private rareTrigrams(grams: readonly string[]): string[] {
    const now = Date.now();
    if (now - this.frequencies.since > FREQUENCY_TTL_MS) this.frequencies = { since: now, articles: this.articleCount.get() ?? 0, byTrigram: new Map() };
    const { articles, byTrigram } = this.frequencies;
    return grams.filter((g) => {
      let docs = byTrigram.get(g);
      if (docs === undefined) byTrigram.set(g, (docs = this.trigramDocs.get(g) ?? 0));
      return docs <= articles * COMMON_SHARE;
    });
  }

  /**
   * The best @limit in-effect articles by bm25. The index ranks its own matches first and only
   * its best CANDIDATE_CAP are joined to kb_articles and filtered (joining every match, as many
   * as the articles, was half the time); when too few of those pass the filters, all matches.
   */
  private candidates(mode: 'fulltext' | 'bigram', short: readonly string[], params: Record<string, string | number | null>): Array<HitRow & { rank: number }> {
    const capped = this.statement(mode, short, true).all({ ...params, cap: CANDIDATE_CAP }) as Array<HitRow & { rank: number }>;
    if (capped.length >= (params.limit as number)) return capped;
    return this.statement(mode, short).all(params) as Array<HitRow & { rank: number }>;
  }

  /**
   * One prepared statement per mode and shape of the short terms, built once. SQLite's lower()
   * only folds ASCII, so terms without ASCII letters (almost all Chinese ones) are looked up in
   * the stored text directly, sparing a lower-cased copy of every body per term.
   */
  private statement(mode: 'fulltext' | 'bigram' | 'substring' | 'loose', terms: readonly string[], capped = false) {
    const folds = terms.map((t) => /[a-z]/.test(t));
    const key = `${mode}:${folds.map((f) => (f ? 'l' : 'c')).join('')}${capped ? ':capped' : ''}`;
    let statement = this.statements.get(key);
    if (!statement) {
      const col = (name: string, i: number) => (folds[i] ? `lower(a.${name})` : `a.${name}`);
      const occurs = folds.map(
        (_, i) => `(instr(${col('title', i)}, @t${i}) > 0 OR instr(${col('keywords', i)}, @t${i}) > 0 OR instr(${col('body', i)}, @t${i}) > 0)`,
      );
      // Every term must occur, except in the loose fallback where any piece will do.
      const found = mode === 'loose' ? ` AND (${occurs.join(' OR ')})` : occurs.map((o) => ` AND ${o}`).join('');
      // Title and keyword presence in SQL; body occurrences are counted in JS on the best candidates
      // only (counting with replace() over every matching body doubled the time of a scan).
      const score = folds.map(
        (_, i) => `CASE WHEN instr(${col('title', i)}, @t${i}) > 0 THEN 10 ELSE 0 END + CASE WHEN instr(${col('keywords', i)}, @t${i}) > 0 THEN 6 ELSE 0 END`,
      );
      // CROSS JOIN keeps the index as the outer loop: otherwise the planner walks the in-effect
      // articles and runs the MATCH once per article (minutes on 10,000 articles).
      // The capped form ranks inside the index and joins only its best @cap matches.
      const source = (fts: string) =>
        capped
          ? `(SELECT rowid, bm25(${fts}, ${BM25_WEIGHTS}) AS rank FROM ${fts} WHERE ${fts} MATCH @match ORDER BY rank LIMIT @cap) f CROSS JOIN kb_articles a ON a.id = f.rowid WHERE`
          : `${fts} CROSS JOIN kb_articles a ON a.id = ${fts}.rowid WHERE ${fts} MATCH @match AND`;
      const rank = (fts: string) => (capped ? 'f.rank' : `bm25(${fts}, ${BM25_WEIGHTS})`);
      statement =
        mode === 'bigram'
          ? this.db.prepare(`
              SELECT ${HIT_COLUMNS}, ${rank('kb_bigrams')} AS rank
              FROM ${source('kb_bigrams')} ${IN_EFFECT}
              ORDER BY rank LIMIT @limit`)
          : mode === 'fulltext'
            ? this.db.prepare(`
              SELECT ${HIT_COLUMNS}, ${rank('kb_fts')} AS rank
              FROM ${source('kb_fts')} ${IN_EFFECT}${found}
              ORDER BY rank LIMIT @limit`)
            : this.db.prepare(`
              SELECT ${HIT_COLUMNS}, ${score.join(' + ')} AS score FROM kb_articles a
              WHERE ${IN_EFFECT}${found}
              ORDER BY score DESC, a.updated_at DESC, a.id LIMIT @limit`);
      this.statements.set(key, statement);
    }
    return statement;
  }
}

type ScoredRow = HitRow & { score: number };

const candidateCount = (limit: number) => Math.min(500, Math.max(100, limit * 10));

/** Adds up to 5 points per term for its occurrences in the body, then orders by the total. */
function byBodyCount(rows: ScoredRow[], terms: readonly string[]): ScoredRow[] {
  const total = (r: ScoredRow) => {
    const body = r.body.toLowerCase();
    return r.score + terms.reduce((sum, t) => sum + Math.min(5, body.split(t).length - 1), 0);
  };
  return rows
    .map((r, i) => ({ r, i, s: total(r) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.r);
}

/**
 * bm25 favours short articles that share a few pieces with the query. What an article is about
 * shows better in its title and its editor's keywords: candidates are ordered first by how many
 * of the query's 2-character pieces its title covers plus the exact keyword matches, then by bm25.
 */
export function rerank<R extends HitRow & { rank: number }>(rows: R[], terms: readonly string[]): R[] {
  const pieces = [...new Set(terms.flatMap((t) => (Array.from(t).length < 2 ? [t] : ngrams(t, 2))))];
  const strength = (r: R) => {
    const title = r.title.toLowerCase();
    const keywords = r.keywords.toLowerCase().split(' ');
    return pieces.filter((p) => title.includes(p)).length + terms.filter((t) => keywords.includes(t)).length;
  };
  return rows
    .map((r) => ({ r, s: strength(r) }))
    .sort((a, b) => b.s - a.s || a.r.rank - b.r.rank)
    .map((x) => x.r);
}

export function toHit(row: HitRow, terms: readonly string[]): KbSearchHit {
  return {
    id: row.id,
    category: row.category,
    title: row.title,
    titleHtml: highlight(row.title, terms),
    snippetHtml: snippet(row.body, terms),
    effectiveFrom: row.effective_from,
    expiresAt: row.expires_at,
    version: row.version,
  };
}
