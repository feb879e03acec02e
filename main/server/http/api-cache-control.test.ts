import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authModule } from '../auth/auth-module.js';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';

// Issue 12 item 7: tokens and personal data must not sit in a browser or proxy cache.
describe('Cache-Control on /api', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer([authModule]);
  });
  afterAll(() => server.stop());

  it('every /api response, success or error, says no-store', async () => {
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ workNumber: '1001', password: 'demo1001' }),
    });
    expect(login.status).toBe(200);
    expect(login.headers.get('cache-control')).toBe('no-store');
    const { token } = (await login.json()) as { token: string };
    const me = await fetch(`${server.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.headers.get('cache-control')).toBe('no-store');
    const denied = await fetch(`${server.url}/api/v1/users`);
    expect(denied.status).toBe(401);
    expect(denied.headers.get('cache-control')).toBe('no-store');
    const missing = await fetch(`${server.url}/api/v1/nothing-here`);
    expect(missing.headers.get('cache-control')).toBe('no-store');
  });
});
