// SIP.js's PEG grammar (RFC 3261 ABNF) is ESM and free of browser globals, so it loads in Node
// and bundles with esbuild from this deep path (the package has no "exports" map).
// It costs ~200-400 µs per call (each peg$parse rebuilds its tables), so it is only the fallback
// of the fast header path (fast-header-parser.ts) and the oracle its tests compare against.
import { Grammar } from 'sip.js/lib/grammar/grammar.js';
import type { CSeq, ViaHeader } from './message.js';

/** What the grammar's Via rule leaves in its data object (the fields we read). */
export interface RawVia {
  transport: string;
  host: string;
  port?: number;
  branch?: string;
  received?: string;
  rport?: string | number | null;
  params?: Record<string, string | null | undefined>;
}

/** One via-parm, or undefined when it does not follow the grammar. */
export function grammarVia(text: string): ViaHeader | undefined {
  const parsed = Grammar.parse(text, 'Via') as RawVia | -1;
  if (parsed === -1 || typeof parsed !== 'object') return undefined;
  return viaFromRaw(parsed, text);
}

/**
 * The ViaHeader both paths return. Two rules are ours, not the grammar's: a port outside 0-65535
 * (or "host:" with no digits, which the grammar reads as NaN) is refused, and a parameter
 * without a value is null (the grammar leaves undefined).
 */
export function viaFromRaw(parsed: RawVia, text: string): ViaHeader | undefined {
  if (!parsed.host) return undefined;
  if (parsed.port !== undefined && !(Number.isInteger(parsed.port) && parsed.port >= 0 && parsed.port <= 65535)) return undefined;
  const params: Record<string, string | null> = {};
  if (parsed.params) for (const name in parsed.params) params[name] = parsed.params[name] ?? null;
  if (parsed.received) params.received = parsed.received;
  // The grammar drops a valueless rport; we look for it ourselves (RFC 3581).
  if (/;\s*rport\s*(?:[;=]|$)/i.test(text)) params.rport = parsed.rport != null ? String(parsed.rport) : null;
  const via: ViaHeader = { transport: parsed.transport.toUpperCase(), host: parsed.host, params };
  if (parsed.port !== undefined) via.port = parsed.port;
  if (parsed.branch) via.branch = parsed.branch;
  return via;
}

export function grammarCSeq(text: string): CSeq | undefined {
  const parsed = Grammar.parse(text, 'CSeq') as { value: number; method: string } | -1;
  if (parsed === -1 || typeof parsed !== 'object') return undefined;
  return cseqFromRaw(parsed.value, parsed.method);
}

export function cseqFromRaw(value: number, method: string): CSeq | undefined {
  if (!Number.isInteger(value) || value > 2 ** 31 - 1) return undefined;
  return { seq: value, method };
}
