/** Escaped text with matches in <mark>: the desk renders it as HTML, so every character of the article is escaped. */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Match ranges of any term (case-insensitive), overlapping ones merged. */
function matchRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  const lower = text.toLowerCase();
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    const t = term.toLowerCase();
    if (!t) continue;
    for (let i = lower.indexOf(t); i !== -1; i = lower.indexOf(t, i + 1)) ranges.push([i, i + t.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

export function highlight(text: string, terms: readonly string[]): string {
  return markRanges(text, matchRanges(text, terms), 0, text.length);
}

/**
 * A window of about `size` characters around the densest cluster of matches, escaped and marked,
 * with … where it was cut. Without matches, the start of the text.
 */
export function snippet(text: string, terms: readonly string[], size = 80): string {
  const ranges = matchRanges(text, terms);
  let start = 0;
  if (ranges.length > 0) {
    let best = 0;
    let bestCount = 0;
    for (let i = 0; i < ranges.length; i++) {
      let count = 0;
      for (let j = i; j < ranges.length && ranges[j]![1] <= ranges[i]![0] + size; j++) count += ranges[j]![1] - ranges[j]![0];
      if (count > bestCount) {
        bestCount = count;
        best = ranges[i]![0];
      }
    }
    // A little context before the first match.
    start = Math.max(0, Math.min(best - Math.floor(size / 6), text.length - size));
  }
  const end = Math.min(text.length, start + size);
  const inner = markRanges(text, ranges, start, end);
  return (start > 0 ? '…' : '') + inner + (end < text.length ? '…' : '');
}

function markRanges(text: string, ranges: ReadonlyArray<[number, number]>, start: number, end: number): string {
  let out = '';
  let at = start;
  for (const [a, b] of ranges) {
    if (b <= start || a >= end) continue;
    const from = Math.max(a, start);
    const to = Math.min(b, end);
    out += escapeHtml(text.slice(at, from)) + '<mark>' + escapeHtml(text.slice(from, to)) + '</mark>';
    at = to;
  }
  return out + escapeHtml(text.slice(at, end));
}
