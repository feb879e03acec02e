// RFC 3261 §25 host rules, matched the way SIP.js's PEG grammar matches them (ordered choice, greedy
// repetition, no backtracking into a choice once it succeeded), so the fast header path accepts
// exactly what the grammar accepts. Each matcher returns the end position, or -1.

const C = { TAB: 9, SP: 32, DOT: 46, COLON: 58, LBRACKET: 91, RBRACKET: 93, DASH: 45, UNDERSCORE: 95 } as const;

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isAlnum(c: number): boolean {
  return isDigit(c) || isAlpha(c);
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** RFC 3261 token characters: alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~". */
const TOKEN_CHARS = new Uint8Array(128);
for (const ch of "-.!%*_+`'~") TOKEN_CHARS[ch.charCodeAt(0)] = 1;
for (let c = 0; c < 128; c++) if (isAlnum(c)) TOKEN_CHARS[c] = 1;

export function isTokenChar(c: number): boolean {
  return c < 128 && TOKEN_CHARS[c] === 1;
}

/** Space, tab, CR or LF: where the grammar's SWS/LWS may apply, the fast path hands over. */
export function isWhite(c: number): boolean {
  return c === C.SP || c === C.TAB || c === 13 || c === 10;
}

/** token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~") */
export function matchToken(s: string, i: number): number {
  let p = i;
  while (p < s.length && isTokenChar(s.charCodeAt(p))) p++;
  return p > i ? p : -1;
}

/** hostname = *( domainlabel "." ) toplabel [ "." ], domainlabel = 1*[a-zA-Z0-9_-], toplabel = ALPHA *[a-zA-Z0-9-] */
function matchHostname(s: string, i: number): number {
  let p = i;
  for (;;) {
    let q = p;
    while (q < s.length) {
      const c = s.charCodeAt(q);
      if (isAlnum(c) || c === C.DASH || c === C.UNDERSCORE) q++;
      else break;
    }
    if (q > p && s.charCodeAt(q) === C.DOT) p = q + 1;
    else break;
  }
  if (!isAlpha(s.charCodeAt(p))) return -1;
  p++;
  while (p < s.length) {
    const c = s.charCodeAt(p);
    if (isAlnum(c) || c === C.DASH) p++;
    else break;
  }
  if (s.charCodeAt(p) === C.DOT) p++;
  return p;
}

/** dec-octet as the grammar orders it: "25"[0-5] / "2"[0-4]DIGIT / "1"DIGIT DIGIT / [1-9]DIGIT / DIGIT */
function matchDecOctet(s: string, i: number): number {
  const c0 = s.charCodeAt(i);
  const c1 = s.charCodeAt(i + 1);
  const c2 = s.charCodeAt(i + 2);
  if (c0 === 50 && c1 === 53 && c2 >= 48 && c2 <= 53) return i + 3;
  if (c0 === 50 && c1 >= 48 && c1 <= 52 && isDigit(c2)) return i + 3;
  if (c0 === 49 && isDigit(c1) && isDigit(c2)) return i + 3;
  if (c0 >= 49 && c0 <= 57 && isDigit(c1)) return i + 2;
  if (isDigit(c0)) return i + 1;
  return -1;
}

export function matchIPv4(s: string, i: number): number {
  let p = matchDecOctet(s, i);
  for (let k = 0; k < 3; k++) {
    if (p < 0 || s.charCodeAt(p) !== C.DOT) return -1;
    p = matchDecOctet(s, p + 1);
  }
  return p;
}

/** h16 = 1*4HEXDIG (greedy) */
function matchH16(s: string, i: number): number {
  let p = i;
  while (p < i + 4 && isHex(s.charCodeAt(p))) p++;
  return p > i ? p : -1;
}

/** ls32 = ( h16 ":" h16 ) / IPv4address */
function matchLs32(s: string, i: number): number {
  const a = matchH16(s, i);
  if (a >= 0 && s.charCodeAt(a) === C.COLON) {
    const b = matchH16(s, a + 1);
    if (b >= 0) return b;
  }
  return matchIPv4(s, i);
}

// The grammar's IPv6address alternatives, in its order: h = h16, : and :: literals, L = ls32,
// o = an optional ( ":" h16 ).
const IPV6_ALTERNATIVES = [
  'h : h : h : h : h : h : L',
  ':: h : h : h : h : h : L',
  ':: h : h : h : h : L',
  ':: h : h : h : L',
  ':: h : h : L',
  ':: h : L',
  ':: L',
  ':: h',
  'h :: h : h : h : h : L',
  'h o :: h : h : h : L',
  'h o o :: h : h : L',
  'h o o o :: h : L',
  'h o o o o :: L',
  'h o o o o o :: h',
  'h o o o o o o ::',
].map((alt) => alt.split(' '));

function matchSequence(s: string, i: number, items: readonly string[]): number {
  let p = i;
  for (const item of items) {
    if (item === 'h') p = matchH16(s, p);
    else if (item === 'L') p = matchLs32(s, p);
    else if (item === ':') p = s.charCodeAt(p) === C.COLON ? p + 1 : -1;
    else if (item === '::') p = s.charCodeAt(p) === C.COLON && s.charCodeAt(p + 1) === C.COLON ? p + 2 : -1;
    else if (s.charCodeAt(p) === C.COLON) {
      // 'o': all or nothing
      const q = matchH16(s, p + 1);
      if (q >= 0) p = q;
    }
    if (p < 0) return -1;
  }
  return p;
}

export function matchIPv6(s: string, i: number): number {
  for (const alternative of IPV6_ALTERNATIVES) {
    const p = matchSequence(s, i, alternative);
    if (p >= 0) return p;
  }
  return -1;
}

function matchIPv6Reference(s: string, i: number): number {
  if (s.charCodeAt(i) !== C.LBRACKET) return -1;
  const p = matchIPv6(s, i + 1);
  return p >= 0 && s.charCodeAt(p) === C.RBRACKET ? p + 1 : -1;
}

/** host = hostname / IPv4address / IPv6reference (the first that matches wins). */
export function matchHost(s: string, i: number): number {
  const h = matchHostname(s, i);
  if (h >= 0) return h;
  const v4 = matchIPv4(s, i);
  if (v4 >= 0) return v4;
  return matchIPv6Reference(s, i);
}
