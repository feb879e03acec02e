/* eslint-disable no-restricted-imports -- a test in Node, never in the renderer bundle: the store is driven against a real server and its events socket */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { stubBrowserGlobals } from '../test-kit/browser-globals';
import { startTestServer, type TestServer } from '../../../main/server/auth/server-test-kit';
import { authModule } from '../../../main/server/auth/auth-module';
import { knowledgeBaseModule } from '../../../main/server/knowledge-base/kb-module';

const ADMIN_PASSWORD = 'kb-live-secret-1';
let server: TestServer;

beforeAll(async () => {
  process.env.AGENT_DESK_ADMIN_PASSWORD = ADMIN_PASSWORD;
  try {
    server = await startTestServer([authModule, knowledgeBaseModule], { config: { logLevel: 'silent' } });
  } finally {
    delete process.env.AGENT_DESK_ADMIN_PASSWORD;
  }
});
afterAll(async () => {
  await server.stop();
});

describe('the hot questions of an open desk follow the admin (置顶) at once', () => {
  it('reloads the hot list when the pinned list changes, over the real events socket', async () => {
    stubBrowserGlobals({ location: { origin: server.url } });
    vi.stubGlobal('WebSocket', WebSocket);
    const { useKbStore } = await import('./kb-store');
    const { useSessionStore } = await import('./session-store');
    const { useConnectionStore } = await import('./connection-store');
    const { ApiClient } = await import('../services/api-client');
    const token = await server.login('1001');
    useSessionStore.setState({ api: new ApiClient({ baseUrl: server.url, token, validateResponses: true }), status: 'signed-in' });
    useConnectionStore.getState().authenticate(token);
    await useConnectionStore.getState().connect();
    await expect.poll(() => useConnectionStore.getState().status).toBe('online');

    await useKbStore.getState().loadHot();
    const before = useKbStore.getState().hot.map((h) => h.id);
    const pinned = before.at(-1) ?? 7;
    const admin = await server.login('9001', ADMIN_PASSWORD);
    expect((await server.call('PUT', '/api/v1/kb/pins', admin, { articleIds: [pinned] })).status).toBe(200);
    await expect.poll(() => useKbStore.getState().hot[0]).toMatchObject({ id: pinned, pinned: true });
    useConnectionStore.getState().disconnect();
  });
});
