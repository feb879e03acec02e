import { canonicalHeaderName } from './header-names.js';

/** Ordered SIP headers; names are stored in their canonical spelling (compact forms expanded). */
export class SipHeaders {
  private readonly entries: Array<[string, string]> = [];
  /** Lower-case canonical name of each entry, so that look-ups do not lower-case every entry. */
  private readonly keys: string[] = [];

  constructor(entries: Iterable<readonly [string, string]> = []) {
    for (const [name, value] of entries) this.add(name, value);
  }

  get(name: string): string | undefined {
    const at = this.keys.indexOf(headerKey(name));
    return at < 0 ? undefined : this.entries[at]![1];
  }

  getAll(name: string): string[] {
    const key = headerKey(name);
    const values: string[] = [];
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] === key) values.push(this.entries[i]![1]);
    return values;
  }

  /** Whether any of these lower-case names occurs more than once. */
  repeats(keys: readonly string[]): boolean {
    for (const key of keys) {
      const first = this.keys.indexOf(key);
      if (first >= 0 && this.keys.indexOf(key, first + 1) >= 0) return true;
    }
    return false;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  add(name: string, value: string): this {
    const canonical = canonicalHeaderName(name);
    this.entries.push([canonical, value]);
    this.keys.push(lowerCanonical(canonical));
    return this;
  }

  /** Replaces every value of a header with one value, keeping the first one's position. */
  set(name: string, value: string): this {
    const at = this.keys.indexOf(headerKey(name));
    this.remove(name);
    const canonical = canonicalHeaderName(name);
    if (at < 0) {
      this.entries.push([canonical, value]);
      this.keys.push(canonical.toLowerCase());
    } else {
      this.entries.splice(at, 0, [canonical, value]);
      this.keys.splice(at, 0, canonical.toLowerCase());
    }
    return this;
  }

  remove(name: string): this {
    const key = headerKey(name);
    for (let i = this.entries.length - 1; i >= 0; i--) {
      if (this.keys[i] === key) {
        this.entries.splice(i, 1);
        this.keys.splice(i, 1);
      }
    }
    return this;
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries[Symbol.iterator]();
  }

  clone(): SipHeaders {
    return new SipHeaders(this.entries);
  }
}

function headerKey(name: string): string {
  return lowerCanonical(canonicalHeaderName(name));
}

/** Lower-case keys of the usual names, made once rather than per look-up. */
const LOWER = new Map<string, string>();
function lowerCanonical(canonical: string): string {
  let lower = LOWER.get(canonical);
  if (lower === undefined) {
    lower = canonical.toLowerCase();
    if (LOWER.size < 256) LOWER.set(canonical, lower); // known names and a few others; garbage is not kept
  }
  return lower;
}

export interface SipUri {
  scheme: string;
  user?: string;
  host: string;
  port?: number;
  params: Record<string, string | null>;
}

export interface NameAddr {
  displayName?: string;
  uri: string;
  /** The parsed URI when it is sip:, sips: or tel:. */
  parsedUri?: SipUri;
  params: Record<string, string | null>;
}

export interface ViaHeader {
  transport: string;
  host: string;
  port?: number;
  branch?: string;
  params: Record<string, string | null>;
}

export interface CSeq {
  seq: number;
  method: string;
}

interface MessageBase {
  headers: SipHeaders;
  body: string;
}

/** A request as built for sending. */
export interface SipRequest extends MessageBase {
  kind: 'request';
  method: string;
  uri: string;
}

/** A response as built for sending. */
export interface SipResponse extends MessageBase {
  kind: 'response';
  status: number;
  reason: string;
}

/** What the parser guarantees about every received message: the headers a transaction needs. */
export interface Essentials {
  vias: ViaHeader[];
  from: NameAddr;
  to: NameAddr;
  callId: string;
  cseq: CSeq;
  fromTag?: string;
  toTag?: string;
}

export type IncomingRequest = SipRequest & Essentials & { requestUri: SipUri };
export type IncomingResponse = SipResponse & Essentials;
export type IncomingMessage = IncomingRequest | IncomingResponse;

export function topVia(message: Essentials): ViaHeader {
  return message.vias[0]!;
}
