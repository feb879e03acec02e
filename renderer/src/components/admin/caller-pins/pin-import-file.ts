import type { ImportPinsRequest } from '../../../../../shared/api/verification';

export type ImportRow = ImportPinsRequest['items'][number];
export type FileRowProblem = { line: number; subjectId: string; reason: 'missing_field' | 'bad_kind' };

export interface ParsedImportFile {
  /** What goes to POST /api/v1/callers/pins/import. */
  items: ImportRow[];
  /** The file's line (or 1-based item number in JSON) of each item, to name a refused row. */
  lines: number[];
  /** Rows refused before sending: the server never sees them. */
  problems: FileRowProblem[];
  /** The whole file is unusable. */
  error?: 'empty' | 'unreadable' | 'tooMany';
}

const MAX_ROWS = 10_000;

/**
 * The bulk import file, as docs/gateway-http.md documents the request: JSON `{ "items": [...] }`
 * (or the bare array), or CSV with the header `subjectKind,subjectId,hash`. A hash never contains
 * a comma (scrypt$N$r$p$salt$hash), so a plain split is the whole CSV grammar needed.
 */
export function parseImportFile(text: string): ParsedImportFile {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  let raw: Array<{ line: number; row: Record<string, unknown> }>;
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      return { items: [], lines: [], problems: [], error: 'unreadable' };
    }
    const list = Array.isArray(parsed) ? parsed : (parsed as { items?: unknown }).items;
    if (!Array.isArray(list)) return { items: [], lines: [], problems: [], error: 'unreadable' };
    raw = list.map((row, i) => ({ line: i + 1, row: row && typeof row === 'object' ? (row as Record<string, unknown>) : {} }));
  } else {
    const lines = trimmed.split(/\r?\n/);
    const header = (lines[0] ?? '').split(',').map((h) => h.trim());
    if (!['subjectKind', 'subjectId', 'hash'].every((h) => header.includes(h))) return { items: [], lines: [], problems: [], error: 'unreadable' };
    raw = lines.slice(1).flatMap((line, i) => {
      if (!line.trim()) return [];
      const cells = line.split(',').map((c) => c.trim());
      return [{ line: i + 2, row: Object.fromEntries(header.map((h, j) => [h, cells[j] ?? ''])) }];
    });
  }
  if (raw.length === 0) return { items: [], lines: [], problems: [], error: 'empty' };
  if (raw.length > MAX_ROWS) return { items: [], lines: [], problems: [], error: 'tooMany' };
  const result: ParsedImportFile = { items: [], lines: [], problems: [] };
  for (const { line, row } of raw) {
    const subjectId = typeof row.subjectId === 'string' ? row.subjectId.trim() : '';
    const hash = typeof row.hash === 'string' ? row.hash.trim() : '';
    const kind = row.subjectKind;
    if (!subjectId || !hash || !kind || subjectId.length > 40 || hash.length > 300) result.problems.push({ line, subjectId, reason: 'missing_field' });
    else if (kind !== 'person' && kind !== 'employer') result.problems.push({ line, subjectId, reason: 'bad_kind' });
    else {
      result.items.push({ subjectKind: kind, subjectId, hash });
      result.lines.push(line);
    }
  }
  if (result.items.length === 0 && result.problems.length === 0) result.error = 'empty';
  return result;
}

/** Keeps the last four characters of an account in a list of refused rows. */
export function maskTail(id: string): string {
  return id.length <= 4 ? id : '*'.repeat(Math.min(id.length - 4, 8)) + id.slice(-4);
}
