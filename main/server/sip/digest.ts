import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock.js';
import { unquote } from './name-addr.js';

export const SIP_REALM = '12329';

export function md5(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

/** HA1 as the auth module stores it: md5("workNumber:12329:password"). */
export function digestHa1(username: string, password: string, realm = SIP_REALM): string {
  return md5(`${username}:${realm}:${password}`);
}

/** The digest response of RFC 2617 §3.2.2 (qop=auth, or none as in RFC 2069). */
export function digestResponse(p: { ha1: string; nonce: string; method: string; uri: string; qop?: string; nc?: string; cnonce?: string }): string {
  const ha2 = md5(`${p.method}:${p.uri}`);
  return p.qop ? md5(`${p.ha1}:${p.nonce}:${p.nc}:${p.cnonce}:${p.qop}:${ha2}`) : md5(`${p.ha1}:${p.nonce}:${ha2}`);
}

/**
 * The Authorization / Proxy-Authorization value answering a challenge (RFC 2617 §3.2.2): with
 * qop=auth when the challenge offers it, MD5 only.
 */
export function digestAuthorization(p: { username: string; password: string; challenge: Record<string, string>; method: string; uri: string; cnonce?: string }): string {
  const { realm = '', nonce = '', opaque } = p.challenge;
  const qop = p.challenge.qop?.split(',').map((q) => q.trim()).includes('auth') ? 'auth' : undefined;
  const cnonce = p.cnonce ?? randomBytes(8).toString('hex');
  const response = digestResponse({ ha1: digestHa1(p.username, p.password, realm), nonce, method: p.method, uri: p.uri, ...(qop ? { qop, nc: '00000001', cnonce } : {}) });
  const fields = [`username="${p.username}"`, `realm="${realm}"`, `nonce="${nonce}"`, `uri="${p.uri}"`, `response="${response}"`, 'algorithm=MD5'];
  if (qop) fields.push(`qop=${qop}`, 'nc=00000001', `cnonce="${cnonce}"`);
  if (opaque) fields.push(`opaque="${opaque}"`);
  return `Digest ${fields.join(', ')}`;
}

/** `Digest a="b", c=d` → { a: 'b', c: 'd' }; undefined unless it is a Digest credential. */
export function parseDigestCredentials(header: string): Record<string, string> | undefined {
  const m = /^\s*Digest\s+(.*)$/is.exec(header);
  if (!m) return undefined;
  const params: Record<string, string> = {};
  const re = /\s*([A-Za-z0-9_-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^,\s]*)\s*(?:,|$)/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  const text = m[1]!;
  while (consumed < text.length && (match = re.exec(text)) !== null) {
    if (match[0].length === 0) break;
    params[match[1]!.toLowerCase()] = unquote(match[2]!);
    consumed = re.lastIndex;
  }
  return consumed >= text.trim().length ? params : undefined;
}

export type DigestVerdict =
  | { result: 'ok'; username: string }
  | { result: 'missing' }
  | { result: 'stale'; username: string }
  | { result: 'wrong'; username?: string; reason: string };

/**
 * Stateless nonces: the issue time and an HMAC of it, so a nonce proves we made it and tells its
 * own age; an expired one with a right response is answered stale=true (RFC 2617 §3.2.1).
 */
export class DigestAuthenticator {
  private readonly secret = randomBytes(32);

  constructor(
    private readonly clock: Clock,
    readonly realm = SIP_REALM,
    private readonly nonceTtlMs = 5 * 60_000,
  ) {}

  challenge(stale = false): string {
    const nonce = this.nonce(this.clock.now());
    return `Digest realm="${this.realm}", nonce="${nonce}", algorithm=MD5, qop="auth"${stale ? ', stale=true' : ''}`;
  }

  verify(authorization: string | undefined, method: string, ha1sOf: (username: string) => readonly string[] | undefined): DigestVerdict {
    if (!authorization) return { result: 'missing' };
    const c = parseDigestCredentials(authorization);
    if (!c) return { result: 'wrong', reason: 'malformed Authorization' };
    const { username, nonce, uri, response } = c;
    if (!username || !nonce || !uri || !response) return { result: 'wrong', ...(username ? { username } : {}), reason: 'incomplete credentials' };
    if (c.realm !== this.realm) return { result: 'wrong', username, reason: 'wrong realm' };
    if (c.algorithm && c.algorithm.toUpperCase() !== 'MD5') return { result: 'wrong', username, reason: 'unsupported algorithm' };
    if (c.qop && (c.qop !== 'auth' || !c.nc || !c.cnonce)) return { result: 'wrong', username, reason: 'bad qop' };
    const issuedAt = this.nonceTime(nonce);
    const ha1s = ha1sOf(username) ?? [];
    const proven = ha1s.some((ha1) => safeEqual(digestResponse({ ha1, nonce, method, uri, ...optional(c) }), response.toLowerCase()));
    if (!proven) return { result: 'wrong', username, reason: issuedAt === undefined ? 'nonce not ours' : 'wrong response' };
    // A right answer to a nonce we did not issue: a client reusing the nonce of the server before a
    // restart. It knows the secret, so it gets a fresh challenge (stale), not a failure.
    if (issuedAt === undefined) return { result: 'stale', username };
    const now = this.clock.now();
    if (now - issuedAt > this.nonceTtlMs || issuedAt - now > 60_000) return { result: 'stale', username };
    return { result: 'ok', username };
  }

  private nonce(time: number): string {
    const stamp = time.toString(36);
    return `${stamp}.${this.mac(stamp)}`;
  }

  private nonceTime(nonce: string): number | undefined {
    const [stamp, mac] = nonce.split('.');
    if (!stamp || !mac || !/^[0-9a-z]{1,12}$/.test(stamp) || !safeEqual(this.mac(stamp), mac)) return undefined;
    return parseInt(stamp, 36);
  }

  private mac(stamp: string): string {
    return createHmac('sha256', this.secret).update(stamp).digest('base64url').slice(0, 22);
  }
}

function optional(c: Record<string, string>): { qop?: string; nc?: string; cnonce?: string } {
  return c.qop ? { qop: c.qop, nc: c.nc!, cnonce: c.cnonce! } : {};
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
