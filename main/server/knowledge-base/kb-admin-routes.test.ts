import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { authModule } from '../auth/auth-module.js';
import { ManualClock } from '../clock.js';
import { knowledgeBaseModule } from './kb-module.js';
import type { ServerEvent } from '../../../shared/api/events/index.js';

const ADMIN_PASSWORD = 'kb-editor-secret-1';

describe('knowledge base for the admin console (find, expiry, pinned hot list, audit)', () => {
  let server: TestServer;
  let agent: string;
  let admin: string;
  const clock = new ManualClock(Date.parse('2026-11-30T10:00:00+08:00'));
  beforeAll(async () => {
    process.env.AGENT_DESK_ADMIN_PASSWORD = ADMIN_PASSWORD;
    try {
      server = await startTestServer([authModule, knowledgeBaseModule], { clock });
    } finally {
      delete process.env.AGENT_DESK_ADMIN_PASSWORD;
    }
    agent = await server.login('1001');
    admin = await server.login('9001', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await server.stop();
  });

  const article = {
    category: '提取',
    title: '异地购房提取材料清单',
    body: '异地购房提取需提供购房合同和发票。',
    keywords: ['异地购房'],
    effectiveFrom: '2026-01-01',
  };
  const search = async (q: string) =>
    (await server.call('GET', `/api/v1/kb/search?q=${encodeURIComponent(q)}`, agent)).body.items.map((i: { id: number }) => i.id);

  it('lists drafts and expired articles for editors only, and an expired article leaves the agents’ search', async () => {
    const draft = (await server.call('POST', '/api/v1/kb/articles', admin, { ...article, status: 'draft' })).body;
    expect(await search('异地购房提取')).not.toContain(draft.id);
    const listed = await server.call('GET', `/api/v1/kb/articles?q=${encodeURIComponent('购房合同')}`, admin);
    expect(listed.body.items.map((i: { id: number }) => i.id)).toContain(draft.id);
    expect(listed.body.items.find((i: { id: number }) => i.id === draft.id)).toMatchObject({ status: 'draft', inEffect: false, pinnedAt: null });
    expect((await server.call('GET', '/api/v1/kb/articles?status=draft', admin)).body.items.every((i: { status: string }) => i.status === 'draft')).toBe(true);
    expect((await server.call('GET', '/api/v1/kb/articles', agent)).status).toBe(403);

    const published = (
      await server.call('PUT', `/api/v1/kb/articles/${draft.id}`, admin, { article: { ...article, expiresAt: '2026-12-01' }, expectedVersion: 1 })
    ).body;
    expect(published).toMatchObject({ version: 2, status: 'published', inEffect: true });
    expect(await search('异地购房提取')).toContain(draft.id);
    clock.set(Date.parse('2026-12-01T00:00:01+08:00')); // the expiry day: no longer in effect
    agent = await server.login('1001');
    expect(await search('异地购房提取')).not.toContain(draft.id);
    expect(
      (await server.call('GET', `/api/v1/kb/articles?q=${encodeURIComponent('购房合同')}`, await server.login('9001', ADMIN_PASSWORD))).body.items[0],
    ).toMatchObject({
      id: draft.id,
      inEffect: false,
    });
    admin = await server.login('9001', ADMIN_PASSWORD);

    const audit = server.db.prepare("SELECT action, entity_id FROM audit_log WHERE action LIKE 'kb.%' ORDER BY id").all();
    expect(audit).toEqual([
      { action: 'kb.create', entity_id: String(draft.id) },
      { action: 'kb.update', entity_id: String(draft.id) },
    ]);
  });

  it('puts pinned articles on top of the hot list in the admin’s order, refuses unknown ones by index', async () => {
    for (let i = 0; i < 3; i++) await server.call('GET', '/api/v1/kb/articles/5', agent);
    const published: ServerEvent[] = [];
    server.ctx.events.subscribe((e) => published.push(e));
    const pinned = await server.call('PUT', '/api/v1/kb/pins', admin, { articleIds: [3, 2] });
    expect(pinned.status).toBe(200);
    expect(pinned.body.items.slice(0, 3).map((i: { id: number; pinned: boolean }) => [i.id, i.pinned])).toEqual([
      [3, true],
      [2, true],
      [5, false],
    ]);
    expect((await server.call('GET', '/api/v1/kb/hot?limit=3', agent)).body.items.map((i: { id: number }) => i.id)).toEqual([3, 2, 5]);
    // Open desks are told at once (their hot list reloads), once per accepted change.
    expect(published.filter((e) => e.type === 'kb.pins-changed')).toEqual([expect.objectContaining({ type: 'kb.pins-changed', articleIds: [3, 2] })]);
    const bad = await server.call('PUT', '/api/v1/kb/pins', admin, { articleIds: [3, 99999] });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ path: 'articleIds.1', message: 'no article 99999' }]);
    expect((await server.call('PUT', '/api/v1/kb/pins', admin, { articleIds: [3, 3] })).status).toBe(400);
    expect((await server.call('PUT', '/api/v1/kb/pins', agent, { articleIds: [] })).status).toBe(403);
    expect((await server.call('GET', '/api/v1/kb/articles?q=', admin)).body.items.find((i: { id: number }) => i.id === 2).pinnedAt).toBe(2);
    expect(published.filter((e) => e.type === 'kb.pins-changed')).toHaveLength(1);
    expect(server.db.prepare("SELECT detail FROM audit_log WHERE action = 'kb.pins'").pluck().all()).toEqual([JSON.stringify({ articleIds: [3, 2] })]);
  });
});
