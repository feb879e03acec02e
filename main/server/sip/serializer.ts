import { randomBase64url, randomHex } from './random-pool.js';
import { reasonPhrase } from './reason-phrases.js';
import { SipHeaders, type IncomingRequest, type SipRequest, type SipResponse } from './message.js';

export const MAGIC_COOKIE = 'z9hG4bK';

export function newBranch(): string {
  return `${MAGIC_COOKIE}${randomBase64url(9)}`;
}

export function newTag(): string {
  return randomHex(6);
}

export function newCallId(host: string): string {
  return `${randomBase64url(12)}@${host}`;
}

/** Writes a message with a correct Content-Length (in bytes) as its last header. */
export function serialize(message: SipRequest | SipResponse): string {
  const start = message.kind === 'request' ? `${message.method} ${message.uri} SIP/2.0` : `SIP/2.0 ${message.status} ${message.reason}`;
  const lines = [start];
  for (const [name, value] of message.headers) if (name !== 'Content-Length') lines.push(`${name}: ${value}`);
  lines.push(`Content-Length: ${Buffer.byteLength(message.body, 'utf8')}`);
  return `${lines.join('\r\n')}\r\n\r\n${message.body}`;
}

export interface ResponseOptions {
  reason?: string;
  toTag?: string;
  headers?: Array<[string, string]>;
  body?: string;
  contentType?: string;
}

/** A response to a request, copying Via, From, To, Call-ID and CSeq (RFC 3261 §8.2.6.2). */
export function buildResponse(request: Pick<IncomingRequest, 'headers'>, status: number, options: ResponseOptions = {}): SipResponse {
  const headers = new SipHeaders();
  for (const via of request.headers.getAll('Via')) headers.add('Via', via);
  for (const name of ['From', 'To', 'Call-ID', 'CSeq']) {
    const value = request.headers.get(name);
    if (value !== undefined) headers.add(name, value);
  }
  const to = headers.get('To');
  if (to !== undefined && options.toTag && status > 100 && !/;\s*tag=/i.test(to)) headers.set('To', `${to};tag=${options.toTag}`);
  for (const [name, value] of options.headers ?? []) headers.add(name, value);
  if (options.body) headers.set('Content-Type', options.contentType ?? 'application/sdp');
  return { kind: 'response', status, reason: options.reason ?? reasonPhrase(status), headers, body: options.body ?? '' };
}
