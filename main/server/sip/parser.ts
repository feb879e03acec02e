import { LIST_HEADERS, canonicalHeaderName, splitHeaderList } from './header-names.js';
import { SipHeaders, type Essentials, type IncomingMessage, type IncomingRequest, type IncomingResponse, type ViaHeader } from './message.js';
import { parseNameAddr, parseUri } from './name-addr.js';
import { parseCSeq, parseViaParm } from './fast-header-parser.js';

export interface ParseLimits {
  /** Whole message in bytes; larger ones are refused with 513. */
  maxMessageBytes: number;
  maxHeaders: number;
}

export const DEFAULT_LIMITS: ParseLimits = { maxMessageBytes: 16 * 1024, maxHeaders: 128 };

/** A message we could not accept; `request` is set when enough was read to answer it. */
export interface ParseFailure {
  ok: false;
  status: 400 | 513;
  reason: string;
  request?: { method: string; headers: SipHeaders };
}

export type ParseResult = { ok: true; message: IncomingMessage } | ParseFailure;

const SINGLE_HEADERS = ['from', 'to', 'call-id', 'cseq'];
const TOKEN = /^[A-Za-z0-9\-.!%*_+`'~]+$/;
const CRLF2 = Buffer.from('\r\n\r\n');

/** Frames and parses one SIP message (a datagram or a WebSocket message); never throws. */
export function parseSipMessage(data: Buffer | string, limits: ParseLimits = DEFAULT_LIMITS): ParseResult {
  try {
    return parse(typeof data === 'string' ? Buffer.from(data, 'utf8') : data, limits);
  } catch (error) {
    return { ok: false, status: 400, reason: `unparsable message (${(error as Error).message})` };
  }
}

function parse(bytes: Buffer, limits: ParseLimits): ParseResult {
  const end = bytes.indexOf(CRLF2);
  const tooLarge = bytes.length > limits.maxMessageBytes;
  if (end < 0) return { ok: false, status: tooLarge ? 513 : 400, reason: 'no blank line after the headers (truncated message)' };
  const head = bytes.subarray(0, Math.min(end, limits.maxMessageBytes)).toString('utf8');
  const split = head.split('\r\n');
  const lines = head.includes('\r\n ') || head.includes('\r\n\t') ? unfold(split) : split;
  const startLine = lines.shift() ?? '';

  const request = /^([A-Za-z0-9\-.!%*_+`'~]+) (\S+) SIP\/2\.0$/.exec(startLine);
  const response = request ? null : /^SIP\/2\.0 ([1-6]\d\d) ([^\r\n]*)$/.exec(startLine);
  if (!request && !response) return { ok: false, status: 400, reason: 'bad start line' };

  const headers = new SipHeaders();
  let headerError: string | undefined;
  if (lines.length > limits.maxHeaders) headerError = `too many header lines (${lines.length} > ${limits.maxHeaders})`;
  for (const [index, line] of lines.entries()) {
    if (headerError) break;
    const colon = line.indexOf(':');
    const name = colon < 0 ? '' : line.slice(0, colon).trim();
    if (!name || !TOKEN.test(name)) {
      headerError = `malformed header line ${index + 2}`;
      break;
    }
    const canonical = canonicalHeaderName(name);
    const value = line.slice(colon + 1).trim();
    if (LIST_HEADERS.has(canonical) && value.includes(',')) for (const part of splitHeaderList(value)) headers.add(canonical, part);
    else if (LIST_HEADERS.has(canonical) && value === '')
      continue; // an empty list entry, as splitHeaderList drops it
    else headers.add(canonical, value);
  }
  const failed = (status: 400 | 513, reason: string): ParseFailure =>
    request ? { ok: false, status, reason, request: { method: request[1]!.toUpperCase(), headers } } : { ok: false, status, reason };

  if (tooLarge) return failed(513, `message larger than ${limits.maxMessageBytes} bytes`);
  if (headerError) return failed(400, headerError);

  const essentials = readEssentials(headers);
  if (typeof essentials === 'string') return failed(400, essentials);

  const available = bytes.length - (end + 4);
  let bodyBytes = available;
  const contentLength = headers.get('Content-Length');
  if (contentLength !== undefined) {
    if (!/^\d{1,9}$/.test(contentLength)) return failed(400, 'bad Content-Length');
    bodyBytes = Number(contentLength);
    // RFC 3261 §18.3: a body shorter than Content-Length is an error; extra bytes are ignored.
    if (bodyBytes > available) return failed(400, `Content-Length ${bodyBytes} larger than the body (${available} bytes)`);
  }
  const body = bytes.subarray(end + 4, end + 4 + bodyBytes).toString('utf8');

  if (request) {
    const method = request[1]!.toUpperCase();
    const requestUri = parseUri(request[2]!);
    if (!requestUri) return failed(400, 'bad Request-URI');
    if (essentials.cseq.method !== method) return failed(400, 'CSeq method does not match the request method');
    // Fields assigned one by one: spreading the essentials (optional tags) was a hot spot.
    const { vias, from, to, callId, cseq } = essentials;
    const message: IncomingRequest = { kind: 'request', method, uri: request[2]!, requestUri, headers, body, vias, from, to, callId, cseq };
    return { ok: true, message: withTags(message, essentials) };
  }
  const { vias, from, to, callId, cseq } = essentials;
  const message: IncomingResponse = { kind: 'response', status: Number(response![1]), reason: response![2]!, headers, body, vias, from, to, callId, cseq };
  return { ok: true, message: withTags(message, essentials) };
}

function unfold(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && out.length > 0) out[out.length - 1] += ` ${line.trim()}`;
    else out.push(line);
  }
  return out;
}

/** The headers every message must carry (RFC 3261 §8.1.1), or the reason it is bad. */
function readEssentials(headers: SipHeaders): Essentials | string {
  const viaTexts = headers.getAll('Via');
  if (viaTexts.length === 0) return 'missing Via';
  const vias: ViaHeader[] = [];
  for (const text of viaTexts) {
    const via = parseViaParm(text);
    if (!via) return 'malformed Via';
    vias.push(via);
  }
  const fromText = headers.get('From');
  const toText = headers.get('To');
  const callId = headers.get('Call-ID');
  const cseqText = headers.get('CSeq');
  if (fromText === undefined) return 'missing From';
  if (toText === undefined) return 'missing To';
  if (!callId) return 'missing Call-ID';
  if (cseqText === undefined) return 'missing CSeq';
  if (headers.repeats(SINGLE_HEADERS)) return 'repeated From, To, Call-ID or CSeq';
  if (/\s/.test(callId)) return 'malformed Call-ID';
  const from = parseNameAddr(fromText);
  if (!from) return 'malformed From';
  const to = parseNameAddr(toText);
  if (!to) return 'malformed To';
  const cseq = parseCSeq(cseqText);
  if (!cseq) return 'malformed CSeq';
  const maxForwards = headers.get('Max-Forwards');
  if (maxForwards !== undefined && !/^\d{1,3}$/.test(maxForwards)) return 'malformed Max-Forwards';
  const essentials: Essentials = { vias, from, to, callId, cseq };
  if (from.params.tag) essentials.fromTag = from.params.tag;
  if (to.params.tag) essentials.toTag = to.params.tag;
  return essentials;
}

function withTags<M extends Essentials>(message: M, e: Essentials): M {
  if (e.fromTag) message.fromTag = e.fromTag;
  if (e.toTag) message.toTag = e.toTag;
  return message;
}
