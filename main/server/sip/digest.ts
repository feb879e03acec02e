import { createHmac, hash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock.js';
import { unquote } from './name-addr.js';
import { randomBase64url } from './random-pool.js';
import { sameSipUri } from './sip-uri-equal.js';

export const SIP_REALM = '12329';

export function md5(text: string): string {
  return hash('md5', text, 'hex'); // one native call; createHash made three (issue 17)
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
export function digestAuthorization(p: {
  username: string;
  password: string;
  challenge: Record<string, string>;
  method: string;
  uri: string;
  cnonce?: string;
}): string {
  const { realm = '', nonce = '', opaque } = p.challenge;
  const qop = p.challenge.qop
    ?.split(',')
    .map((q) => q.trim())
    .includes('auth')
    ? 'auth'
    : undefined;
  const cnonce = p.cnonce ?? randomBytes(8).toString('hex');
  const response = digestResponse({
    ha1: digestHa1(p.username, p.password, realm),
    nonce,
    method: p.method,
    uri: p.uri,
    ...(qop ? { qop, nc: '00000001', cnonce } : {}),
  });
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
  | { result: 'stale'; username: string; reason: string }
  | { result: 'wrong'; username?: string; reason: string };

/** Nonces answered within their lifetime are remembered this many at most (oldest forgotten first). */
const MAX_TRACKED_NONCES = 50_000;

/**
 * HMAC nonces (the issue time and a MAC of it, so a nonce proves we made it and tells its own
 * age) that are also single-use: each accepted answer records its nonce count, and a nonce is
 * only good again with a higher nc (RFC 2617 §3.2.2, qop=auth) — a replayed (nonce, nc, cnonce)
 * is stale. Without qop (RFC 2069) a nonce is good once. The digest `uri` must be the
 * Request-URI, or a captured answer would prove any other request. Expired, replayed or
 * foreign-but-right answers are 'stale': the client gets a fresh nonce (RFC 2617 §3.2.1).
 */
export class DigestAuthenticator {
  private readonly secret = randomBytes(32);
  /** nonce → highest nc accepted (0 for a qop-less use) and its issue time, in order of first use. */
  private readonly used = new Map<string, { nc: number; issuedAt: number }>();
  /**
   * Nonces this process issued lately → issue time, so that an answer is checked without
   * recomputing the HMAC (issue 17: two HMACs per REGISTER); older or foreign nonces still are.
   */
  private readonly issued = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    readonly realm = SIP_REALM,
    private readonly nonceTtlMs = 5 * 60_000,
  ) {}

  challenge(stale = false): string {
    const nonce = this.nonce(this.clock.now());
    return `Digest realm="${this.realm}", nonce="${nonce}", algorithm=MD5, qop="auth"${stale ? ', stale=true' : ''}`;
  }

  verify(authorization: string | undefined, method: string, ha1sOf: (username: string) => readonly string[] | undefined, requestUri: string): DigestVerdict {
    if (!authorization) return { result: 'missing' };
    const c = parseDigestCredentials(authorization);
    if (!c) return { result: 'wrong', reason: 'malformed Authorization' };
    const { username, nonce, uri, response } = c;
    if (!username || !nonce || !uri || !response) return { result: 'wrong', ...(username ? { username } : {}), reason: 'incomplete credentials' };
    if (c.realm !== this.realm) return { result: 'wrong', username, reason: 'wrong realm' };
    if (c.algorithm && c.algorithm.toUpperCase() !== 'MD5') return { result: 'wrong', username, reason: 'unsupported algorithm' };
    if (c.qop && (c.qop !== 'auth' || !c.nc || !/^[0-9a-fA-F]{8}$/.test(c.nc) || !c.cnonce)) return { result: 'wrong', username, reason: 'bad qop' };
    const issuedAt = this.nonceTime(nonce);
    const ha1s = ha1sOf(username) ?? [];
    const proven = ha1s.some((ha1) => safeEqual(digestResponse({ ha1, nonce, method, uri, ...optional(c) }), response.toLowerCase()));
    if (!proven) return { result: 'wrong', username, reason: issuedAt === undefined ? 'nonce not ours' : 'wrong response' };
    // A right answer to a nonce we did not issue: a client reusing the nonce of the server before a
    // restart. It knows the secret, so it gets a fresh challenge (stale), not a failure.
    if (issuedAt === undefined) return { result: 'stale', username, reason: 'nonce not ours' };
    const now = this.clock.now();
    if (now - issuedAt > this.nonceTtlMs || issuedAt - now > 60_000) return { result: 'stale', username, reason: 'nonce expired' };
    // The nonce count is checked before the uri: a replay is a replay whatever it was aimed at.
    const nc = c.qop ? parseInt(c.nc!, 16) : 0;
    const last = this.used.get(nonce);
    if (last !== undefined && (!c.qop || nc <= last.nc)) return { result: 'stale', username, reason: 'nonce replayed' };
    if (!sameSipUri(uri, requestUri)) return { result: 'wrong', username, reason: 'digest uri is not the Request-URI' };
    this.remember(nonce, nc, issuedAt, now);
    return { result: 'ok', username };
  }

  private remember(nonce: string, nc: number, issuedAt: number, now: number): void {
    const entry = this.used.get(nonce);
    if (entry)
      entry.nc = nc; // keeps the position of its first use, close to issue order
    else this.used.set(nonce, { nc, issuedAt });
    // Forget nonces past their lifetime (they are refused as expired anyway), then any excess.
    for (const [old, { issuedAt: t }] of this.used) {
      if (now - t <= this.nonceTtlMs && this.used.size <= MAX_TRACKED_NONCES) break;
      this.used.delete(old);
    }
  }

  private nonce(time: number): string {
    // A random part, so two challenges in the same millisecond are two nonces.
    const stamp = `${time.toString(36)}-${randomBase64url(6)}`;
    const nonce = `${stamp}.${this.mac(stamp)}`;
    this.issued.set(nonce, time);
    // Oldest first: drop those past their lifetime, and any beyond the cap.
    for (const [old, t] of this.issued) {
      if (time - t <= this.nonceTtlMs && this.issued.size <= MAX_TRACKED_NONCES) break;
      this.issued.delete(old);
    }
    return nonce;
  }

  private nonceTime(nonce: string): number | undefined {
    const known = this.issued.get(nonce);
    if (known !== undefined) return known;
    const [stamp, mac] = nonce.split('.');
    if (!stamp || !mac || !/^[0-9a-z]{1,12}-[A-Za-z0-9_-]{8}$/.test(stamp) || !safeEqual(this.mac(stamp), mac)) return undefined;
    return parseInt(stamp.split('-')[0]!, 36);
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
