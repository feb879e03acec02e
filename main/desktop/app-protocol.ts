import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { deskContentSecurityPolicy } from '../../shared/security/csp.js';
import { resolveAppAsset } from './security/url-guards.js';

/** Must run before app 'ready': app:// behaves like a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built desk from rootDir at app://desk/ with the desk's CSP. */
export function serveDesk(rootDir: string, serverUrl: string): void {
  const ws = serverUrl.replace(/^http/, 'ws');
  const csp = deskContentSecurityPolicy([serverUrl, ws]);
  protocol.handle('app', async (request) => {
    const file = resolveAppAsset(request.url, rootDir);
    if (!file) return new Response('forbidden', { status: 403 });
    let response = await net.fetch(pathToFileURL(file).toString()).catch(() => undefined);
    // Client-side routes fall back to the app shell.
    if (!response || !response.ok) response = await net.fetch(pathToFileURL(`${rootDir}/index.html`).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', csp);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
