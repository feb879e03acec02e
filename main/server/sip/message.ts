import { canonicalHeaderName } from './header-names.js';

/** Ordered SIP headers; names are stored in their canonical spelling (compact forms expanded). */
export class SipHeaders {
  private readonly entries: Array<[string, string]> = [];

  constructor(entries: Iterable<readonly [string, string]> = []) {
    for (const [name, value] of entries) this.add(name, value);
  }

  get(name: string): string | undefined {
    const key = canonicalHeaderName(name).toLowerCase();
    return this.entries.find(([n]) => n.toLowerCase() === key)?.[1];
  }

  getAll(name: string): string[] {
    const key = canonicalHeaderName(name).toLowerCase();
    return this.entries.filter(([n]) => n.toLowerCase() === key).map(([, v]) => v);
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  add(name: string, value: string): this {
    this.entries.push([canonicalHeaderName(name), value]);
    return this;
  }

  /** Replaces every value of a header with one value, keeping the first one's position. */
  set(name: string, value: string): this {
    const key = canonicalHeaderName(name).toLowerCase();
    const at = this.entries.findIndex(([n]) => n.toLowerCase() === key);
    this.remove(name);
    if (at < 0) this.entries.push([canonicalHeaderName(name), value]);
    else this.entries.splice(at, 0, [canonicalHeaderName(name), value]);
    return this;
  }

  remove(name: string): this {
    const key = canonicalHeaderName(name).toLowerCase();
    for (let i = this.entries.length - 1; i >= 0; i--) if (this.entries[i]![0].toLowerCase() === key) this.entries.splice(i, 1);
    return this;
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries[Symbol.iterator]();
  }

  clone(): SipHeaders {
    return new SipHeaders(this.entries);
  }
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
