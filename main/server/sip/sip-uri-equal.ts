import { parseUri } from './name-addr.js';

/** Parameters that make two SIP URIs differ when only one of them has it (RFC 3261 §19.1.4). */
const SIGNIFICANT = ['transport', 'user', 'ttl', 'method', 'maddr'];

/**
 * SIP URI equivalence of RFC 3261 §19.1.4: scheme and host case-insensitive, user case-sensitive,
 * an absent port differs from an explicit one, significant parameters must agree, other parameters
 * only when both carry them; URI headers are ignored. Anything unparseable equals only itself.
 */
export function sameSipUri(a: string, b: string): boolean {
  if (a === b) return true;
  const x = parseUri(a);
  const y = parseUri(b);
  if (!x || !y || x.scheme !== y.scheme || x.user !== y.user || x.port !== y.port) return false;
  if (x.host.toLowerCase() !== y.host.toLowerCase()) return false;
  const px = lower(x.params);
  const py = lower(y.params);
  for (const name of new Set([...Object.keys(px), ...Object.keys(py)])) {
    const inBoth = name in px && name in py;
    if (!inBoth && SIGNIFICANT.includes(name)) return false;
    if (inBoth && (px[name] ?? '').toLowerCase() !== (py[name] ?? '').toLowerCase()) return false;
  }
  return true;
}

function lower(params: Record<string, string | null>): Record<string, string | null> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k.toLowerCase(), v]));
}
