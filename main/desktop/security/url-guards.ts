import { APP_ORIGIN } from '../../../shared/ipc/contract.js';

// Pure functions, so that the rules of Electron's security checklist are unit-tested without
// an Electron binary. main/desktop/window.ts wires them to the real events.

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** The window may only ever show the desk itself. */
export function isAllowedNavigation(url: string): boolean {
  const parsed = parse(url);
  return parsed !== undefined && parsed.protocol === 'app:' && parsed.host === 'desk';
}

/** Hosts the desk may open in the system browser (policy pages of the ministry and the center). */
export const DEFAULT_EXTERNAL_ALLOWLIST: readonly string[] = ['www.mohurd.gov.cn', 'www.gov.cn'];

export function isAllowedExternalUrl(url: string, allowlist: readonly string[] = DEFAULT_EXTERNAL_ALLOWLIST): boolean {
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== 'https:') return false;
  if (parsed.username || parsed.password || parsed.port) return false;
  return allowlist.includes(parsed.hostname);
}

export interface PermissionQuery {
  permission: string;
  requestingUrl: string;
  /** For 'media': the kinds asked for. */
  mediaTypes?: readonly string[];
}

/** A softphone needs the microphone and the choice of speaker, nothing else, and only for the desk. */
export function isAllowedPermission(query: PermissionQuery): boolean {
  const origin = parse(query.requestingUrl)?.origin;
  // Chromium reports custom standard schemes' origin as "null" on some versions; compare by parts.
  const fromDesk = origin === APP_ORIGIN || isAllowedNavigation(query.requestingUrl);
  if (!fromDesk) return false;
  if (query.permission === 'speaker-selection') return true;
  if (query.permission !== 'media') return false;
  const kinds = query.mediaTypes ?? [];
  return kinds.length > 0 && kinds.every((kind) => kind === 'audio');
}

/** Maps an app://desk URL onto a file below root, refusing any escape from it. */
export function resolveAppAsset(url: string, root: string): string | undefined {
  const parsed = parse(url);
  if (!parsed || !isAllowedNavigation(url)) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.split('/').some((part) => part === '..')) return undefined;
  const relative = path === '/' || path === '' ? 'index.html' : path.replace(/^\/+/, '');
  const base = root.endsWith('/') ? root : `${root}/`;
  return `${base}${relative}`;
}
