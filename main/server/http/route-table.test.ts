import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { SERVER_MODULES } from '../modules.js';
import { routes } from '../../../shared/api/routes.js';
import { allRoutes } from '../../../shared/api/route.js';

/**
 * Routes still written out by hand on the server, with why. Each converted domain leaves this
 * list; a new route goes into the table (shared/api/*-routes.ts), not here.
 */
const HAND_WRITTEN: Record<string, string> = {
  // Every /api/v1 route comes from the table (issue 10); a route that cannot must say why here.
};

// Issue 10 item 1: one route table for server and desk. Every /api/v1 route the full server has
// must come from the table, or be named above with its reason.
describe('the route table', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(SERVER_MODULES);
  });
  afterAll(() => server.stop());

  const api = () => server.routes.filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD' && r.method !== 'OPTIONS');
  const key = (r: { method: string; url?: string; path?: string }) => `${r.method} ${r.url ?? r.path}`;

  it('every /api/v1 route is registered from the table or is on the short list of hand-written ones', () => {
    const table = allRoutes(routes);
    const stray = api().filter((r) => !(r.contract && table.includes(r.contract)) && !(key(r) in HAND_WRITTEN));
    expect(stray.map(key)).toEqual([]);
  });

  it('a route registered from the table has the method and path of its table entry', () => {
    for (const r of api().filter((r) => r.contract)) expect(key(r)).toBe(key(r.contract!));
  });

  it('every route of the table is served, once, and none is also on the hand-written list', () => {
    const served = api().map((r) => r.contract);
    for (const route of allRoutes(routes)) {
      expect(
        served.filter((c) => c === route),
        key(route),
      ).toHaveLength(1);
      expect(HAND_WRITTEN[key(route)], key(route)).toBeUndefined();
    }
  });

  it('the hand-written list names only routes the server still has', () => {
    const existing = new Set(
      api()
        .filter((r) => !r.contract)
        .map(key),
    );
    expect(Object.keys(HAND_WRITTEN).filter((k) => !existing.has(k))).toEqual([]);
  });
});
