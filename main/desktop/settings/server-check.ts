// Is this URL a 12329 desk server? Asked from main before a workstation is pointed at it. No
// Electron import: tested against a real HTTP server on loopback.
import type { ServerCheck } from '../../../shared/ipc/contract.js';
import { healthResponseSchema } from '../../../shared/api/health.js';

/** The URL as the app will use it (no trailing slash, no path), or undefined when it is not http(s). */
export function normaliseServerUrl(input: string): string | undefined {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || !url.hostname) return undefined;
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return undefined;
  return url.origin;
}

/** GET <url>/healthz within the timeout; ok only for the desk server's own health answer. */
export async function checkServer(input: string, options: { timeoutMs?: number; fetch?: typeof fetch } = {}): Promise<ServerCheck> {
  const url = normaliseServerUrl(input);
  if (!url) return { ok: false, reason: 'invalid_url' };
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(`${url}/healthz`, { signal: AbortSignal.timeout(options.timeoutMs ?? 5000), redirect: 'error' });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { ok: false, reason: 'unreachable', detail: cause ?? (error as Error).name };
  }
  if (!response.ok) return { ok: false, reason: 'not_healthy', status: response.status };
  const health = healthResponseSchema.safeParse(await response.json().catch(() => undefined));
  if (!health.success) return { ok: false, reason: 'not_a_desk_server' };
  return { ok: true, url, centerName: health.data.center.name, version: health.data.version };
}
