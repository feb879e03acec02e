// SIP.js's PEG grammar (RFC 3261 ABNF) is ESM and free of browser globals, so it loads in Node
// and bundles with esbuild from this deep path (the package has no "exports" map).
import { Grammar } from 'sip.js/lib/grammar/grammar.js';
import type { CSeq, ViaHeader } from './message.js';

interface GrammarVia {
  transport: string;
  host: string;
  port?: number;
  branch?: string;
  received?: string;
  rport?: number | null;
  params?: Record<string, string | null>;
}

/** One via-parm, or undefined when it does not follow the grammar. */
export function grammarVia(text: string): ViaHeader | undefined {
  const parsed = Grammar.parse(text, 'Via') as GrammarVia | -1;
  if (parsed === -1 || typeof parsed !== 'object' || !parsed.host) return undefined;
  const params: Record<string, string | null> = { ...(parsed.params ?? {}) };
  if (parsed.received) params.received = parsed.received;
  // The grammar drops a valueless rport; we look for it ourselves (RFC 3581).
  if (/;\s*rport\s*(?:[;=]|$)/i.test(text)) params.rport = parsed.rport != null ? String(parsed.rport) : null;
  return {
    transport: parsed.transport.toUpperCase(),
    host: parsed.host,
    ...(parsed.port !== undefined ? { port: parsed.port } : {}),
    ...(parsed.branch ? { branch: parsed.branch } : {}),
    params,
  };
}

export function grammarCSeq(text: string): CSeq | undefined {
  const parsed = Grammar.parse(text, 'CSeq') as { value: number; method: string } | -1;
  if (parsed === -1 || typeof parsed !== 'object' || !Number.isInteger(parsed.value) || parsed.value > 2 ** 31 - 1) return undefined;
  return { seq: parsed.value, method: parsed.method };
}
