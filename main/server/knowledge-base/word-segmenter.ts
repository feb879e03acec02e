import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

// Chinese word segmentation (jieba, @node-rs/jieba) for the kb_words index (migration 26).
// Loading the dictionary costs ~210 ms on an idle core (~400 ms on this loaded machine, measured
// in benchmarks/kb-search.bench.ts): done once per process, on first use, and shared.
let jieba: Jieba | undefined;
let loadMs = 0;

function segmenter(): Jieba {
  if (!jieba) {
    const start = performance.now();
    jieba = Jieba.withDict(dict);
    loadMs = performance.now() - start;
  }
  return jieba;
}

/** Milliseconds the dictionary took to load in this process (0 until it is loaded). */
export const segmenterLoadMs = (): number => loadMs;

/** Loads the dictionary now, so that the first search or save does not pay for it. */
export function warmSegmenter(): void {
  segmenter();
}

const WORDLESS = /^[\p{P}\p{S}\s]*$/u;

/**
 * Text as space-separated words for the unicode61 tokenizer. Search mode: a long word is indexed
 * with the dictionary words inside it too (贷款额度 → 贷款 额度 贷款额度), so a query word finds it.
 */
export function wordText(text: string): string {
  if (!text) return '';
  return segmenter()
    .cutForSearch(text, false)
    .filter((w) => !WORDLESS.test(w))
    .join(' ');
}

/** The words of a query, precise mode (the longest dictionary words), lower-cased, in order. */
export function queryWords(text: string): string[] {
  return segmenter()
    .cut(text, false)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w && !WORDLESS.test(w));
}
