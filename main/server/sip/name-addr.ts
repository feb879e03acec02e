import type { NameAddr, SipUri } from './message.js';

/** Parses `;a=b;c` parameter strings; values keep their quotes stripped. */
export function parseParams(text: string): Record<string, string | null> | undefined {
  const params: Record<string, string | null> = {};
  for (const part of splitOutsideQuotes(text, ';')) {
    const item = part.trim();
    if (!item) continue;
    const eq = item.indexOf('=');
    const name = (eq < 0 ? item : item.slice(0, eq)).trim().toLowerCase();
    if (!/^[A-Za-z0-9\-.!%*_+`'~]+$/.test(name)) return undefined;
    const value = eq < 0 ? null : unquote(item.slice(eq + 1).trim());
    params[name] = value;
  }
  return params;
}

/**
 * sip:, sips: and tel: URIs, leniently (SIP.js's grammar refuses tel: URIs and all-digit host
 * labels such as our realm "12329", which real peers send).
 */
export function parseUri(text: string): SipUri | undefined {
  const m = /^(sips?|tel):([^;?]*)((?:;[^?]*)?)(?:\?.*)?$/i.exec(text.trim());
  if (!m) return undefined;
  const scheme = m[1]!.toLowerCase();
  const params = parseParams(m[3] ?? '');
  if (!params) return undefined;
  if (scheme === 'tel') {
    const number = m[2]!;
    if (!/^\+?[0-9A-Fa-f*#().-]+$/.test(number)) return undefined;
    return { scheme, user: number, host: '', params };
  }
  const at = m[2]!.lastIndexOf('@');
  const user = at < 0 ? undefined : decodeURIComponentSafe(m[2]!.slice(0, at).split(':')[0]!);
  const hostPort = at < 0 ? m[2]! : m[2]!.slice(at + 1);
  const hp = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-.]+)(?::(\d{1,5}))?$/.exec(hostPort);
  if (!hp || (user !== undefined && user.length === 0)) return undefined;
  const port = hp[2] === undefined ? undefined : Number(hp[2]);
  if (port !== undefined && port > 65535) return undefined;
  // Assigned, not spread: conditional spreads cost more than the rest of the parse (issue 17 profile).
  const uri: SipUri = { scheme, host: hp[1]!, params };
  if (user !== undefined) uri.user = user;
  if (port !== undefined) uri.port = port;
  return uri;
}

/** `"Display" <uri>;params`, `Display <uri>;params` or `uri;params` (From, To, Contact). */
export function parseNameAddr(text: string): NameAddr | undefined {
  const value = text.trim();
  const lt = indexOutsideQuotes(value, '<');
  let displayName: string | undefined;
  let uri: string;
  let rest: string;
  if (lt >= 0) {
    const gt = value.indexOf('>', lt);
    if (gt < 0) return undefined;
    const display = value.slice(0, lt).trim();
    if (display) {
      if (display.startsWith('"')) {
        if (!display.endsWith('"') || display.length < 2) return undefined;
        displayName = unquote(display);
      } else displayName = display;
    }
    uri = value.slice(lt + 1, gt).trim();
    rest = value.slice(gt + 1).trim();
    if (rest && !rest.startsWith(';')) return undefined;
  } else {
    const semi = value.indexOf(';');
    uri = semi < 0 ? value : value.slice(0, semi);
    rest = semi < 0 ? '' : value.slice(semi);
  }
  if (!/^[A-Za-z][A-Za-z0-9+\-.]*:\S+$/.test(uri)) return undefined;
  const params = parseParams(rest);
  if (!params) return undefined;
  const parsedUri = parseUri(uri);
  const addr: NameAddr = { uri, params };
  if (displayName) addr.displayName = displayName;
  if (parsedUri) addr.parsedUri = parsedUri;
  return addr;
}

export function formatNameAddr(addr: { displayName?: string; uri: string; params?: Record<string, string | null> }): string {
  const display = addr.displayName ? `"${addr.displayName.replace(/["\\]/g, (c) => `\\${c}`)}" ` : '';
  return `${display}<${addr.uri}>${formatParams(addr.params ?? {})}`;
}

export function formatParams(params: Record<string, string | null>): string {
  return Object.entries(params)
    .map(([k, v]) => (v === null ? `;${k}` : `;${k}=${v}`))
    .join('');
}

export function unquote(text: string): string {
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) return text.slice(1, -1).replace(/\\(.)/g, '$1');
  return text;
}

function decodeURIComponentSafe(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function indexOutsideQuotes(text: string, ch: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === ch) return i;
  }
  return -1;
}

function splitOutsideQuotes(text: string, sep: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === sep) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
