/** A satisfiable byte range of a file, inclusive ends, as HTTP Range (RFC 9110 §14.1.2) asks. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * The range of a `Range: bytes=…` header over a file of `size` bytes: undefined for the whole
 * file (no header, or one this server does not honour, e.g. several ranges), 'unsatisfiable'
 * for a range past the end (the caller answers 416).
 */
export function parseByteRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  if (match[1] === '') {
    // A suffix: the last N bytes.
    const n = Number(match[2]);
    if (n === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}
