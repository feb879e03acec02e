// Hand-rolled Via and CSeq parsing (RFC 3261 §25) for every received message. It follows SIP.js's
// PEG grammar step for step (same ordered choices, same quirks), so results are identical; what
// it does not handle — linear white space around separators, folded or non-ASCII text outside
// quotes, a comma list in one value — goes to the grammar (sip-grammar.ts). Inputs it rejects are
// inputs the grammar rejects (fast-header-parser.test.ts checks both against each other).
import type { CSeq, ViaHeader } from './message.js';
import { cseqFromRaw, grammarCSeq, grammarVia, viaFromRaw, type RawVia } from './sip-grammar.js';
import { isDigit, isTokenChar, isWhite, matchHost, matchIPv4, matchIPv6, matchToken } from './sip-host-rules.js';

/** The fast path could not decide: let the grammar parse it. */
export const FALLBACK = Symbol('fallback');
type Verdict<T> = T | undefined | typeof FALLBACK;

const SEMI = 59;
const EQUAL = 61;
const SLASH = 47;
const COLON = 58;
const DQUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;

/** Where the grammar would fail on this character, unless it is white space the grammar may skip. */
function failAt(s: string, i: number): undefined | typeof FALLBACK {
  return i < s.length && (isWhite(s.charCodeAt(i)) || s.charCodeAt(i) === COMMA) ? FALLBACK : undefined;
}

function startsWithCI(s: string, i: number, lower: string): boolean {
  if (s.length - i < lower.length) return false;
  for (let k = 0; k < lower.length; k++) if ((s.charCodeAt(i + k) | 0x20) !== lower.charCodeAt(k)) return false;
  return true;
}

/** "name=" of a via param the grammar names (ttl, maddr, …): the position after "=", or -1. */
function namedParam(s: string, i: number, lower: string): number | typeof FALLBACK {
  if (!startsWithCI(s, i, lower)) return -1;
  const at = i + lower.length;
  if (s.charCodeAt(at) === EQUAL) return isWhite(s.charCodeAt(at + 1)) ? FALLBACK : at + 1;
  return isWhite(s.charCodeAt(at)) ? FALLBACK : -1;
}

/** quoted-string = DQUOTE *(qdtext / quoted-pair) DQUOTE, as the grammar reads it. */
function matchQuoted(s: string, i: number): number | typeof FALLBACK {
  if (s.charCodeAt(i) !== DQUOTE) return -1;
  let p = i + 1;
  while (p < s.length) {
    const c = s.charCodeAt(p);
    if (c === DQUOTE) return p + 1;
    if (c === 13 || c === 10) return FALLBACK; // folded LWS inside quotes
    if (c === BACKSLASH) {
      const next = s.charCodeAt(p + 1);
      if (next === 13 || next === 10) return FALLBACK;
      if (!(next <= 0x7f)) return -1;
      p += 2;
    } else if (c === 32 || c === 9 || c === 0x21 || (c >= 0x23 && c <= 0x7e) || c >= 0x80) p++;
    else return -1;
  }
  return -1;
}

/** One via-parm: the grammar's result, undefined when the grammar would refuse it, or FALLBACK. */
export function fastVia(s: string): Verdict<ViaHeader> {
  const raw: RawVia = { transport: '', host: '' };
  // sent-protocol = protocol-name SLASH protocol-version SLASH transport; protocol-name = "SIP"i / token
  let i = startsWithCI(s, 0, 'sip') ? 3 : matchToken(s, 0);
  if (i < 0 || s.charCodeAt(i) !== SLASH) return i < 0 ? failAt(s, 0) : failAt(s, i);
  const version = i + 1;
  i = matchToken(s, version);
  if (i < 0) return failAt(s, version);
  if (s.charCodeAt(i) !== SLASH) return failAt(s, i);
  const t = i + 1;
  // transport = "UDP"i / "TCP"i / "TLS"i / "SCTP"i / token
  if (startsWithCI(s, t, 'udp') || startsWithCI(s, t, 'tcp') || startsWithCI(s, t, 'tls')) i = t + 3;
  else if (startsWithCI(s, t, 'sctp')) i = t + 4;
  else i = matchToken(s, t);
  if (i < 0) return failAt(s, t);
  raw.transport = s.slice(t, i);
  // LWS, then sent-by = host [ COLON port ]
  const lws = i;
  while (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9) i++;
  if (i === lws || s.charCodeAt(i) === 13 || s.charCodeAt(i) === 10) return failAt(s, i);
  const h = matchHost(s, i);
  if (h < 0) return failAt(s, i);
  raw.host = s.slice(i, h);
  i = h;
  if (s.charCodeAt(i) === COLON) {
    if (isWhite(s.charCodeAt(i + 1))) return FALLBACK;
    let p = i + 1;
    while (p < i + 6 && isDigit(s.charCodeAt(p))) p++;
    raw.port = parseInt(s.slice(i + 1, p), 10);
    i = p;
  }
  // *( SEMI via-params )
  while (s.charCodeAt(i) === SEMI) {
    i++;
    if (isWhite(s.charCodeAt(i))) return FALLBACK;
    const end = viaParam(s, i, raw);
    if (end === FALLBACK) return FALLBACK;
    if (end < 0) return failAt(s, i);
    i = end;
  }
  if (i !== s.length) return failAt(s, i);
  return viaFromRaw(raw, s);
}

/** via-params = via-ttl / via-maddr / via-received / via-branch / response-port / via-extension */
function viaParam(s: string, i: number, raw: RawVia): number | typeof FALLBACK {
  let v = namedParam(s, i, 'ttl');
  if (v === FALLBACK) return v;
  if (v >= 0 && isDigit(s.charCodeAt(v))) {
    let p = v + 1;
    while (p < v + 3 && isDigit(s.charCodeAt(p))) p++;
    return p; // the grammar keeps ttl apart and the ViaHeader drops it
  }
  v = namedParam(s, i, 'maddr');
  if (v === FALLBACK) return v;
  if (v >= 0) {
    const end = matchHost(s, v);
    if (end >= 0) {
      raw.host = s.slice(v, end); // the grammar's host rule overwrites the sent-by host (its quirk, kept)
      return end;
    }
  }
  v = namedParam(s, i, 'received');
  if (v === FALLBACK) return v;
  if (v >= 0) {
    let end = matchIPv4(s, v);
    if (end < 0) end = matchIPv6(s, v);
    if (end < 0 && s.charCodeAt(v) === 91) {
      const inner = matchIPv6(s, v + 1);
      if (inner >= 0 && s.charCodeAt(inner) === 93) end = inner + 1;
    }
    if (end >= 0) {
      raw.received = s.slice(v, end);
      return end;
    }
  }
  v = namedParam(s, i, 'branch');
  if (v === FALLBACK) return v;
  if (v >= 0) {
    const end = matchToken(s, v);
    if (end >= 0) {
      raw.branch = s.slice(v, end);
      return end;
    }
  }
  v = namedParam(s, i, 'rport');
  if (v === FALLBACK) return v;
  if (v >= 0) {
    let p = v;
    while (isDigit(s.charCodeAt(p))) p++;
    raw.rport = s.slice(v, p);
    return p;
  }
  // generic-param = token [ EQUAL gen-value ], gen-value = token / host / quoted-string
  const nameEnd = matchToken(s, i);
  if (nameEnd < 0) return -1;
  const params = (raw.params ??= {});
  const name = s.slice(i, nameEnd).toLowerCase();
  if (s.charCodeAt(nameEnd) !== EQUAL) {
    if (isWhite(s.charCodeAt(nameEnd))) return FALLBACK;
    params[name] = undefined;
    return nameEnd;
  }
  const at = nameEnd + 1;
  if (isWhite(s.charCodeAt(at))) return FALLBACK;
  let end = matchToken(s, at);
  if (end < 0) {
    end = matchHost(s, at);
    if (end >= 0) raw.host = s.slice(at, end); // the same host-rule quirk as maddr
  }
  if (end < 0) {
    const q = matchQuoted(s, at);
    if (q === FALLBACK) return q;
    end = q;
  }
  if (end < 0) {
    // the optional value failed: the grammar keeps the bare name and then trips over "="
    params[name] = undefined;
    return nameEnd;
  }
  params[name] = s.slice(at, end);
  return end;
}

// The grammar's Method rule tries these literals before extension-method, so "1 INVITEX" fails.
const METHOD_LITERALS = ['INVITE', 'ACK', 'OPTIONS', 'BYE', 'CANCEL', 'REGISTER', 'SUBSCRIBE', 'PUBLISH', 'NOTIFY', 'REFER', 'UPDATE'];

/** CSeq = 1*DIGIT LWS Method */
export function fastCSeq(s: string): Verdict<CSeq> {
  let i = 0;
  while (isDigit(s.charCodeAt(i))) i++;
  if (i === 0) return failAt(s, 0);
  const digits = i;
  while (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9) i++;
  if (i === digits || s.charCodeAt(i) === 13 || s.charCodeAt(i) === 10) return failAt(s, i);
  const m = i;
  while (i < s.length && isTokenChar(s.charCodeAt(i))) i++;
  if (i === m || i !== s.length) return failAt(s, i);
  const method = s.slice(m);
  for (const literal of METHOD_LITERALS) if (method.length > literal.length && method.startsWith(literal)) return undefined;
  return cseqFromRaw(parseInt(s.slice(0, digits), 10), method);
}

/** One via-parm: the fast path, else the grammar. */
export function parseViaParm(text: string): ViaHeader | undefined {
  const fast = fastVia(text);
  return fast === FALLBACK ? grammarVia(text) : fast;
}

export function parseCSeq(text: string): CSeq | undefined {
  const fast = fastCSeq(text);
  return fast === FALLBACK ? grammarCSeq(text) : fast;
}
