import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { LoginThrottle, type CredentialThrottle } from '../auth/login-throttle.js';
import { parseDigestCredentials, type DigestAuthenticator } from './digest.js';
import type { SipFlow } from './flow.js';
import type { IncomingRequest, SipResponse } from './message.js';
import { buildResponse, newTag } from './serializer.js';

/** What the auth module offers for a work number (AuthService.sipCredentials). */
export interface SipCredentials {
  userId: number;
  ha1: string;
  /** Every HA1 that may prove this user (password, live desk sessions); defaults to [ha1]. */
  ha1s?: string[];
  displayName: string;
}
export type SipCredentialLookup = (workNumber: string) => SipCredentials | undefined;

/**
 * A registrar challenges with 401 / WWW-Authenticate; a server that places calls on the agent's
 * behalf (our outbound follow-up calls) with 407 / Proxy-Authenticate, as PBXs do (RFC 3261 §22).
 */
export type ChallengeKind = 'registrar' | 'proxy';

const HEADERS: Record<ChallengeKind, { status: 401 | 407; challenge: string; answer: string }> = {
  registrar: { status: 401, challenge: 'WWW-Authenticate', answer: 'Authorization' },
  proxy: { status: 407, challenge: 'Proxy-Authenticate', answer: 'Proxy-Authorization' },
};

export type GuardResult = { ok: true; workNumber: string; credentials: SipCredentials } | { ok: false; response: SipResponse };

/**
 * Digest authentication of agent requests: a challenge when the credentials are missing or stale,
 * 401/407 for a first wrong answer and 403 for repeated ones from the same user and address.
 * Every wrong answer also counts in the credential throttle shared with HTTP sign-in; while it
 * refuses the account or the address, even a right answer gets 403 with Retry-After.
 */
export class DigestGuard {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(
    readonly authenticator: DigestAuthenticator,
    private readonly credentials: SipCredentialLookup,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly failureWindowMs = 60_000,
    /** Shared with the auth service when there is one (sip-module.ts). */
    private readonly throttle: CredentialThrottle = new LoginThrottle(clock),
  ) {}

  check(request: IncomingRequest, flow: SipFlow, kind: ChallengeKind): GuardResult {
    const h = HEADERS[kind];
    const challenge = (stale = false): GuardResult => ({
      ok: false,
      response: buildResponse(request, h.status, { toTag: newTag(), headers: [[h.challenge, this.authenticator.challenge(stale)]] }),
    });
    const answer = request.headers.get(h.answer);
    const address = flow.remote.address;
    const named = answer ? (parseDigestCredentials(answer)?.username ?? request.from.parsedUri?.user) : undefined;
    const wait = named !== undefined ? this.throttle.retryAfterMs(named, address) : 0;
    if (wait > 0) {
      this.logger.warn({ workNumber: named, method: request.method, from: address }, 'sip: authentication refused while throttled');
      const retry = String(Math.ceil(wait / 1000));
      return {
        ok: false,
        response: buildResponse(request, 403, { reason: 'Forbidden (too many failed attempts)', toTag: newTag(), headers: [['Retry-After', retry]] }),
      };
    }
    // One credential look-up per request (issue 17): the verdict's user is the one looked up.
    let found: SipCredentials | undefined;
    const verdict = this.authenticator.verify(
      answer,
      request.method,
      (username) => {
        found = this.credentials(username);
        return found ? (found.ha1s ?? [found.ha1]) : undefined;
      },
      request.uri,
    );
    if (verdict.result === 'missing') return challenge();
    if (verdict.result === 'stale') return challenge(true);
    const claimed = verdict.username ?? request.from.parsedUri?.user ?? '?';
    const failureKey = `${claimed}|${flow.remote.address}`;
    if (verdict.result === 'wrong') {
      const now = this.clock.now();
      const previous = this.failures.get(failureKey);
      const entry = previous && now - previous.since < this.failureWindowMs ? { count: previous.count + 1, since: previous.since } : { count: 1, since: now };
      this.failures.set(failureKey, entry);
      if (this.failures.size > 10_000) this.pruneFailures(now);
      this.throttle.recordFailure(claimed, address);
      this.logger.warn(
        { workNumber: claimed, method: request.method, from: flow.remote.address, reason: verdict.reason, failures: entry.count },
        'sip: authentication failed',
      );
      return entry.count >= 2 ? { ok: false, response: buildResponse(request, 403, { toTag: newTag() }) } : challenge();
    }
    this.failures.delete(failureKey);
    this.throttle.reset(verdict.username, address);
    const credentials: SipCredentials | undefined = found;
    if (!credentials) return { ok: false, response: buildResponse(request, 403, { toTag: newTag() }) };
    return { ok: true, workNumber: verdict.username, credentials };
  }

  private pruneFailures(now: number): void {
    for (const [key, entry] of this.failures) if (now - entry.since >= this.failureWindowMs) this.failures.delete(key);
  }
}
