import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAppSettings, remoteServerUrl } from './app-settings.js';
import { checkServer, normaliseServerUrl } from './server-check.js';
import { createServerSettingsHandlers } from './server-settings-handlers.js';

const HEALTH = {
  status: 'ok',
  name: 'agent-desk-12329',
  version: '0.9.0',
  startedAt: '2026-11-30T00:00:00Z',
  uptimeSeconds: 5,
  sip: { websocketPath: '/sip', udpPort: 5060 },
  center: { code: '330100', name: '杭州住房公积金管理中心', timeZone: 'Asia/Shanghai' },
};

// Real HTTP servers on loopback: a desk server, one that fails, one that is something else.
function serve(answer: (path: string) => { status: number; body: unknown }): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const { status, body } = answer(req.url ?? '/');
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

describe('the workstation server settings (main side, without Electron)', () => {
  let desk: { server: Server; url: string };
  let broken: { server: Server; url: string };
  let other: { server: Server; url: string };
  let dir: string;
  beforeAll(async () => {
    desk = await serve((path) => (path === '/healthz' ? { status: 200, body: HEALTH } : { status: 404, body: {} }));
    broken = await serve(() => ({ status: 503, body: { status: 'starting' } }));
    other = await serve(() => ({ status: 200, body: { hello: 'world' } }));
    dir = mkdtempSync(join(tmpdir(), 'desk-settings-'));
  });
  afterAll(() => {
    for (const s of [desk, broken, other]) s?.server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes only plain http(s) origins as a server address', () => {
    expect(normaliseServerUrl(' https://12329.example.gov.cn:8329/ ')).toBe('https://12329.example.gov.cn:8329');
    expect(normaliseServerUrl('http://10.0.0.5:8329')).toBe('http://10.0.0.5:8329');
    for (const bad of ['12329.example.gov.cn', 'ftp://x', 'javascript:alert(1)', 'http://user:pw@x', 'http://x/api', 'http://x/?a=1', 'file:///etc/passwd'])
      expect(normaliseServerUrl(bad), bad).toBeUndefined();
  });

  it("checks a server by its /healthz: a desk server is ok with its center's name; each failure says why", async () => {
    expect(await checkServer(`${desk.url}/`)).toEqual({ ok: true, url: desk.url, centerName: '杭州住房公积金管理中心', version: '0.9.0' });
    expect(await checkServer(broken.url)).toEqual({ ok: false, reason: 'not_healthy', status: 503 });
    expect(await checkServer(other.url)).toEqual({ ok: false, reason: 'not_a_desk_server' });
    expect(await checkServer('not a url')).toEqual({ ok: false, reason: 'invalid_url' });
    const closed = await serve(() => ({ status: 200, body: {} }));
    await new Promise((r) => closed.server.close(r));
    expect(await checkServer(closed.url)).toMatchObject({ ok: false, reason: 'unreachable', detail: 'ECONNREFUSED' });
  });

  it('saves a center server only after it answered, and the next start uses it; back to embedded', async () => {
    const file = join(dir, 'a', 'settings.json');
    const handlers = createServerSettingsHandlers({
      file,
      activeUrl: 'http://127.0.0.1:8329',
      overriddenByEnvironment: false,
      check: (url) => checkServer(url),
    });
    expect(handlers.get()).toEqual({ saved: { mode: 'embedded' }, activeUrl: 'http://127.0.0.1:8329', overriddenByEnvironment: false });

    const refused = await handlers.save({ mode: 'remote', serverUrl: broken.url });
    expect(refused).toEqual({ ok: false, check: { ok: false, reason: 'not_healthy', status: 503 } });
    expect(readAppSettings(file).settings).toEqual({});

    expect(await handlers.save({ mode: 'remote', serverUrl: `${desk.url}/` })).toEqual({ ok: true, saved: { mode: 'remote', serverUrl: desk.url } });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ server: { mode: 'remote', serverUrl: desk.url } });
    // What main/index.ts does at the next start:
    expect(remoteServerUrl(readAppSettings(file).settings, undefined)).toBe(desk.url);
    expect(remoteServerUrl(readAppSettings(file).settings, 'http://test-override:1')).toBe('http://test-override:1');

    expect(await handlers.save({ mode: 'embedded' })).toEqual({ ok: true, saved: { mode: 'embedded' } });
    expect(remoteServerUrl(readAppSettings(file).settings, undefined)).toBeUndefined();
  });

  it('reads a damaged settings file as the defaults, with the problem named', () => {
    const file = join(dir, 'damaged.json');
    writeFileSync(file, '{ "server": { "mode": "remote" ');
    expect(readAppSettings(file)).toMatchObject({ settings: {}, problem: expect.stringContaining('unreadable') });
    writeFileSync(file, JSON.stringify({ server: { mode: 'remote', serverUrl: 42 } }));
    expect(readAppSettings(file)).toMatchObject({ settings: {}, problem: expect.stringContaining('schema') });
    expect(remoteServerUrl(readAppSettings(file).settings, undefined)).toBeUndefined();
  });
});
