import { wordText } from './word-segmenter.js';

// bm25 as FTS5 computes it (fts5_aux.c): k1, b, and the column weights of the search
// (kb-search.ts BM25_WEIGHTS: title 10, keywords 6, body 1).
const K1 = 1.2;
const B = 0.75;
const WEIGHTS = [10, 6, 1] as const;
// The length an article is normalised against. FTS5 uses the live mean of the index; a stored
// impact cannot follow it, so a fixed typical length (the mean of the seed and bench articles,
// ~100 words with search-mode pieces) stands in: it shifts scores a little, not their order much.
export const TYPICAL_WORDS = 100;

/**
 * Each word of an article with its impact: the part of bm25 that depends on the article (its
 * weighted count of the word and its length), without the word's IDF, which the search multiplies
 * in. Stored per (word, article) in kb_word_impacts (migration 31) so that the search reads a
 * word's best articles from an index, best first, instead of scoring every article holding it.
 */
export function wordImpacts(title: string, keywords: string, body: string): Array<[string, number]> {
  return impactsOfWords(wordText(title), wordText(keywords), wordText(body));
}

/** wordImpacts from the columns already segmented (wordText), as kb_words is written. */
export function impactsOfWords(title: string, keywords: string, body: string): Array<[string, number]> {
  const columns = [title, keywords, body].map((text) => text.toLowerCase().split(' ').filter(Boolean));
  const length = columns.reduce((sum, words) => sum + words.length, 0);
  const weighted = new Map<string, number>();
  columns.forEach((words, c) => {
    for (const w of words) weighted.set(w, (weighted.get(w) ?? 0) + WEIGHTS[c]!);
  });
  const norm = K1 * (1 - B + (B * length) / TYPICAL_WORDS);
  return [...weighted].map(([w, tf]) => [w, (tf * (K1 + 1)) / (tf + norm)]);
}

/** FTS5's IDF of a word held by `docs` of `articles` (never below 1e-6, as in fts5_aux.c). */
export function idf(docs: number, articles: number): number {
  const value = Math.log((articles - docs + 0.5) / (docs + 0.5));
  return value > 0 ? value : 1e-6;
}
