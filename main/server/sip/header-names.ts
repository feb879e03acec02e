/** RFC 3261 §7.3.3 compact forms and the usual spelling of each header, keyed by lower case. */
const COMPACT: Record<string, string> = {
  v: 'Via',
  f: 'From',
  t: 'To',
  i: 'Call-ID',
  m: 'Contact',
  l: 'Content-Length',
  c: 'Content-Type',
  e: 'Content-Encoding',
  k: 'Supported',
  s: 'Subject',
  r: 'Refer-To',
  o: 'Event',
  u: 'Allow-Events',
  b: 'Referred-By',
  x: 'Session-Expires',
  a: 'Accept-Contact',
  j: 'Reject-Contact',
  d: 'Request-Disposition',
};

const KNOWN = [
  'Via',
  'From',
  'To',
  'Call-ID',
  'CSeq',
  'Contact',
  'Content-Length',
  'Content-Type',
  'Max-Forwards',
  'Route',
  'Record-Route',
  'Expires',
  'Min-Expires',
  'Authorization',
  'WWW-Authenticate',
  'Proxy-Authorization',
  'Proxy-Authenticate',
  'Allow',
  'Supported',
  'Require',
  'Unsupported',
  'User-Agent',
  'Server',
  'Accept',
  'Retry-After',
  'Reason',
  'Warning',
  'Refer-To',
  'Event',
  'Subject',
  'Content-Encoding',
  'Date',
];
const CANONICAL = new Map(KNOWN.map((name) => [name.toLowerCase(), name]));

/** Headers whose values may be comma-joined lists of entries (RFC 3261 §7.3.1). */
export const LIST_HEADERS = new Set(['Via', 'Contact', 'Route', 'Record-Route']);

const EXACT = new Set(KNOWN);

export function canonicalHeaderName(name: string): string {
  if (EXACT.has(name)) return name; // the usual spelling: no lower-casing on the hot path
  const lower = name.toLowerCase();
  return COMPACT[lower] ?? CANONICAL.get(lower) ?? name;
}

/** Splits a list header at commas that are outside quotes and angle brackets. */
export function splitHeaderList(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (quoted) {
      if (ch === '\\') i++;
      else if (ch === '"') quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === '<') depth++;
    else if (ch === '>') depth = Math.max(0, depth - 1);
    else if (ch === ',' && depth === 0) {
      parts.push(value.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(value.slice(start).trim());
  return parts.filter((p) => p.length > 0);
}
