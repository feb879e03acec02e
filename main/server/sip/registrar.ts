import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { CredentialThrottle } from '../auth/login-throttle.js';
import { DigestAuthenticator } from './digest.js';
import { DigestGuard, type SipCredentialLookup, type SipCredentials } from './digest-guard.js';
import type { SipFlow, SipTransportKind } from './flow.js';
import type { IncomingRequest, SipResponse } from './message.js';
import { parseNameAddr } from './name-addr.js';
import { buildResponse, newTag } from './serializer.js';

export type { SipCredentialLookup, SipCredentials } from './digest-guard.js';

export interface SipBinding {
  workNumber: string;
  userId: number;
  displayName: string;
  /** The Contact URI as the agent sent it; requests to the agent use it as Request-URI. */
  contact: string;
  flow: SipFlow;
  transport: SipTransportKind;
  registeredAt: number;
  expiresAt: number;
}

export interface RegistrationEvent {
  type: 'registered' | 'unregistered';
  workNumber: string;
  userId: number;
  displayName: string;
  transport: SipTransportKind;
  /** Why the last binding went: REGISTER with Expires 0, expiry, the WebSocket closed, or a UDP desk phone stopped answering (desk-probe.ts). */
  reason?: 'unregistered' | 'expired' | 'flow-closed' | 'unreachable';
}

export interface RegistrarOptions {
  credentials: SipCredentialLookup;
  clock: Clock;
  logger: Logger;
  authenticator?: DigestAuthenticator;
  defaultExpires?: number;
  minExpires?: number;
  maxExpires?: number;
  /** Wrong digests from one user and address within this window: 401 once, then 403. */
  failureWindowMs?: number;
  /** Failed digests, shared with HTTP sign-in (the auth service's); default: the registrar's own. */
  throttle?: CredentialThrottle;
  /** Bindings one agent may hold; a new Contact beyond it replaces the oldest (default 10). */
  maxBindingsPerAgent?: number;
  /** Bindings all agents together may hold from one source address; beyond it 403 (default 200). */
  maxBindingsPerAddress?: number;
}

interface Stored extends SipBinding {
  key: string;
  /** Tells apart bindings made in the same millisecond. */
  order: number;
  timer: NodeJS.Timeout;
}

/** Agent extensions: digest-authenticated REGISTER, bindings in memory with expiry. */
export class Registrar {
  readonly authenticator: DigestAuthenticator;
  /** Also guards agents' INVITEs (407) in the user agent core. */
  readonly guard: DigestGuard;
  private readonly bindings = new Map<string, Map<string, Stored>>();
  private readonly listeners = new Set<(event: RegistrationEvent) => void>();
  private readonly defaultExpires: number;
  private readonly minExpires: number;
  private readonly maxExpires: number;
  // Caps keep memory bounded and the 200 (which lists every binding) well inside one datagram.
  private readonly maxPerAgent: number;
  private readonly maxPerAddress: number;
  private order = 0;
  private dateSecond = NaN;
  private dateText = '';

  constructor(private readonly options: RegistrarOptions) {
    this.authenticator = options.authenticator ?? new DigestAuthenticator(options.clock);
    this.defaultExpires = options.defaultExpires ?? 600;
    this.minExpires = options.minExpires ?? 30;
    this.maxExpires = options.maxExpires ?? 3600;
    this.maxPerAgent = options.maxBindingsPerAgent ?? 10;
    this.maxPerAddress = options.maxBindingsPerAddress ?? 200;
    this.guard = new DigestGuard(this.authenticator, options.credentials, options.clock, options.logger, options.failureWindowMs ?? 60_000, options.throttle);
  }

  onRegistration(listener: (event: RegistrationEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Live bindings of an agent, newest first. */
  lookup(workNumber: string): SipBinding[] {
    return [...(this.bindings.get(workNumber)?.values() ?? [])].sort((a, b) => b.registeredAt - a.registeredAt || b.order - a.order).map(publicBinding);
  }

  registeredAgents(): string[] {
    return [...this.bindings.keys()];
  }

  handleRegister(request: IncomingRequest, flow: SipFlow): SipResponse {
    const aor = request.to.parsedUri?.user;
    if (!aor) return buildResponse(request, 404, { reason: 'Not Found (To has no user part)', toTag: newTag() });
    const auth = this.guard.check(request, flow, 'registrar');
    if (!auth.ok) return auth.response;
    if (auth.workNumber !== aor) return buildResponse(request, 403, { reason: 'Forbidden (user does not own this address)', toTag: newTag() });
    const credentials = auth.credentials;

    const contacts = request.headers.getAll('Contact');
    const expiresHeader = request.headers.get('Expires');
    const headerExpires = expiresHeader !== undefined && /^\d+$/.test(expiresHeader) ? Number(expiresHeader) : undefined;
    if (contacts.length === 1 && contacts[0] === '*') {
      if (headerExpires !== 0) return buildResponse(request, 400, { reason: 'Bad Request (Contact * needs Expires: 0)', toTag: newTag() });
      this.removeWhere(aor, () => true, 'unregistered');
      return this.ok(request, aor);
    }
    for (const text of contacts) {
      const contact = parseNameAddr(text);
      if (!contact) return buildResponse(request, 400, { reason: 'Bad Request (malformed Contact)', toTag: newTag() });
      const paramExpires = contact.params.expires;
      let expires = paramExpires != null && /^\d+$/.test(paramExpires) ? Number(paramExpires) : (headerExpires ?? this.defaultExpires);
      if (expires > 0 && expires < this.minExpires) {
        return buildResponse(request, 423, { toTag: newTag(), headers: [['Min-Expires', String(this.minExpires)]] });
      }
      expires = Math.min(expires, this.maxExpires);
      // One binding per WebSocket flow (RFC 5626 style); UDP phones are told apart by Contact.
      const key = flow.transport === 'ws' ? flow.id : `udp|${contact.uri}`;
      if (expires === 0) this.remove(aor, key, 'unregistered');
      else if (!this.bindings.get(aor)?.has(key) && this.countFrom(flow.remote.address) >= this.maxPerAddress) {
        this.options.logger.warn({ workNumber: aor, from: flow.remote.address }, 'sip: too many bindings from one address');
        return buildResponse(request, 403, { reason: 'Forbidden (too many registrations from this address)', toTag: newTag() });
      } else this.bind(aor, key, contact.uri, flow, expires, credentials);
    }
    return this.ok(request, aor);
  }

  /** A WebSocket closed: its bindings go at once. */
  flowClosed(flow: SipFlow): void {
    for (const aor of [...this.bindings.keys()]) this.removeWhere(aor, (b) => b.flow.id === flow.id, 'flow-closed');
  }

  /** A UDP desk phone answers no more: every binding that came over its flow goes. */
  flowLost(flow: SipFlow): void {
    for (const aor of [...this.bindings.keys()]) this.removeWhere(aor, (b) => b.flow.id === flow.id, 'unreachable');
  }

  /** Every live binding over UDP (the desk probe asks each). */
  udpBindings(): SipBinding[] {
    return [...this.bindings.values()]
      .flatMap((map) => [...map.values()])
      .filter((b) => b.transport === 'udp')
      .map(publicBinding);
  }

  close(): void {
    for (const map of this.bindings.values()) for (const b of map.values()) clearTimeout(b.timer);
    this.bindings.clear();
  }

  private ok(request: IncomingRequest, aor: string): SipResponse {
    const now = this.options.clock.now();
    const headers: Array<[string, string]> = this.lookup(aor).map((b) => [
      'Contact',
      `<${b.contact}>;expires=${Math.max(0, Math.round((b.expiresAt - now) / 1000))}`,
    ]);
    return buildResponse(request, 200, { toTag: newTag(), headers: [...headers, ['Date', this.dateHeader(now)]] });
  }

  /** The Date header changes once a second: formatted once a second, not per REGISTER. */
  private dateHeader(now: number): string {
    const second = Math.floor(now / 1000);
    if (second !== this.dateSecond) {
      this.dateSecond = second;
      this.dateText = new Date(second * 1000).toUTCString();
    }
    return this.dateText;
  }

  private bind(aor: string, key: string, contact: string, flow: SipFlow, expires: number, credentials: SipCredentials): void {
    let map = this.bindings.get(aor);
    const first = !map || map.size === 0;
    if (!map) this.bindings.set(aor, (map = new Map()));
    const previous = map.get(key);
    if (previous) clearTimeout(previous.timer);
    else if (map.size >= this.maxPerAgent) {
      // The newest registration is the phone in use; the oldest one goes (no event: others remain).
      const oldest = [...map.values()].sort((a, b) => a.registeredAt - b.registeredAt || a.order - b.order)[0]!;
      clearTimeout(oldest.timer);
      map.delete(oldest.key);
    }
    const now = this.options.clock.now();
    const timer = setTimeout(() => this.remove(aor, key, 'expired'), expires * 1000);
    timer.unref();
    map.set(key, {
      key,
      order: previous?.order ?? ++this.order,
      workNumber: aor,
      userId: credentials.userId,
      displayName: credentials.displayName,
      contact,
      flow,
      transport: flow.transport,
      registeredAt: previous?.registeredAt ?? now,
      expiresAt: now + expires * 1000,
      timer,
    });
    if (first) this.emit({ type: 'registered', workNumber: aor, userId: credentials.userId, displayName: credentials.displayName, transport: flow.transport });
  }

  private countFrom(address: string): number {
    let n = 0;
    for (const map of this.bindings.values()) for (const b of map.values()) if (b.flow.remote.address === address) n++;
    return n;
  }

  private remove(aor: string, key: string, reason: NonNullable<RegistrationEvent['reason']>): void {
    this.removeWhere(aor, (b) => b.key === key, reason);
  }

  private removeWhere(aor: string, match: (b: Stored) => boolean, reason: NonNullable<RegistrationEvent['reason']>): void {
    const map = this.bindings.get(aor);
    if (!map) return;
    let last: Stored | undefined;
    for (const [key, b] of map) {
      if (!match(b)) continue;
      clearTimeout(b.timer);
      map.delete(key);
      last = b;
    }
    if (last && map.size === 0) {
      this.bindings.delete(aor);
      this.emit({ type: 'unregistered', workNumber: aor, userId: last.userId, displayName: last.displayName, transport: last.transport, reason });
    }
  }

  private emit(event: RegistrationEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.options.logger.error({ err: error }, 'registration listener failed');
      }
    }
  }
}

function publicBinding(b: Stored): SipBinding {
  const { key: _key, timer: _timer, order: _order, ...rest } = b;
  return rest;
}
