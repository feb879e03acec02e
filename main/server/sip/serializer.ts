import { randomBytes } from 'node:crypto';
import { SipHeaders, type IncomingRequest, type SipRequest, type SipResponse } from './message.js';

export const MAGIC_COOKIE = 'z9hG4bK';

const REASONS: Record<number, string> = {
  100: 'Trying', 180: 'Ringing', 181: 'Call Is Being Forwarded', 182: 'Queued', 183: 'Session Progress',
  200: 'OK', 202: 'Accepted', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found',
  405: 'Method Not Allowed', 408: 'Request Timeout', 415: 'Unsupported Media Type', 420: 'Bad Extension',
  423: 'Interval Too Brief', 480: 'Temporarily Unavailable', 481: 'Call/Transaction Does Not Exist',
  482: 'Loop Detected', 483: 'Too Many Hops', 486: 'Busy Here', 487: 'Request Terminated',
  488: 'Not Acceptable Here', 491: 'Request Pending', 500: 'Server Internal Error', 501: 'Not Implemented',
  503: 'Service Unavailable', 504: 'Server Time-out', 513: 'Message Too Large', 600: 'Busy Everywhere',
  603: 'Decline', 604: 'Does Not Exist Anywhere', 606: 'Not Acceptable',
};

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? (status < 200 ? 'Progress' : status < 300 ? 'OK' : 'Error');
}

export function newBranch(): string {
  return `${MAGIC_COOKIE}${randomBytes(9).toString('base64url')}`;
}

export function newTag(): string {
  return randomBytes(6).toString('hex');
}

export function newCallId(host: string): string {
  return `${randomBytes(12).toString('base64url')}@${host}`;
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
