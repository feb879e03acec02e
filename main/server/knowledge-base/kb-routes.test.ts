import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { authModule } from '../auth/auth-module.js';
import { knowledgeBaseModule } from './kb-module.js';

const ADMIN_PASSWORD = 'kb-admin-secret-1';

describe('knowledge-base routes', () => {
  let server: TestServer;
  let agent: string;
  let admin: string;
  beforeAll(async () => {
    process.env.AGENT_DESK_ADMIN_PASSWORD = ADMIN_PASSWORD;
    try {
      server = await startTestServer([authModule, knowledgeBaseModule]);
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
    title: '住房公积金提取到账时间说明',
    body: '线上申请提取的，<通常>三个工作日内到账。',
    keywords: ['到账时间'],
    effectiveFrom: '2024-01-01',
  };

  it('lets agents search with validated queries and escaped highlights', async () => {
    const found = await server.call('GET', `/api/v1/kb/search?q=${encodeURIComponent('租房提取')}&limit=3`, agent);
    expect(found.status).toBe(200);
    expect(found.body.items[0].title).toBe('租房提取住房公积金');
    expect(found.body.items[0].titleHtml).toBe('<mark>租房提取</mark>住房公积金');
    const short = await server.call('GET', `/api/v1/kb/search?q=${encodeURIComponent('贷款')}&category=${encodeURIComponent('贷款')}`, agent);
    expect(short.body.mode).toBe('fulltext'); // a dictionary word: the word index (migration 26)
    expect(short.body.items.every((i: { category: string }) => i.category === '贷款')).toBe(true);
    expect((await server.call('GET', '/api/v1/kb/search?q=', agent)).status).toBe(400);
    expect((await server.call('GET', '/api/v1/kb/search?q=x&limit=500', agent)).body.code).toBe('invalid_request');
    expect((await server.call('GET', '/api/v1/kb/search?q=abc&category=理财', agent)).status).toBe(400);
    expect((await server.call('GET', '/api/v1/kb/search?q=abc')).status).toBe(401);
  });

  it('lets only the center admin create and edit', async () => {
    expect((await server.call('POST', '/api/v1/kb/articles', agent, article)).status).toBe(403);
    expect((await server.call('POST', '/api/v1/kb/articles', admin, { ...article, expiresAt: '2023-01-01' })).status).toBe(400);
    const created = await server.call('POST', '/api/v1/kb/articles', admin, article);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ version: 1, status: 'published', inEffect: true, keywords: ['到账时间'] });
    const id = created.body.id as number;
    expect((await server.call('PUT', `/api/v1/kb/articles/${id}`, agent, { article, expectedVersion: 1 })).status).toBe(403);
    const edited = await server.call('PUT', `/api/v1/kb/articles/${id}`, admin, {
      article: { ...article, body: '线上申请的，一般一个工作日内到账。' },
      expectedVersion: 1,
    });
    expect(edited.body.version).toBe(2);
    expect((await server.call('PUT', `/api/v1/kb/articles/${id}`, admin, { article, expectedVersion: 1 })).status).toBe(409);
    expect((await server.call('PUT', '/api/v1/kb/articles/99999', admin, { article, expectedVersion: 1 })).status).toBe(404);
    const versions = await server.call('GET', `/api/v1/kb/articles/${id}/versions`, agent);
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const adminId = server.db.prepare("SELECT id FROM users WHERE work_number = '9001'").pluck().get();
    expect(versions.body.items[0].editedBy).toBe(adminId);
  });

  it('hides drafts from agents', async () => {
    const draft = await server.call('POST', '/api/v1/kb/articles', admin, { ...article, title: '草稿条目', status: 'draft' });
    expect((await server.call('GET', `/api/v1/kb/articles/${draft.body.id}`, agent)).status).toBe(404);
    expect((await server.call('GET', `/api/v1/kb/articles/${draft.body.id}`, admin)).body.inEffect).toBe(false);
  });

  it('counts opened articles for the hot list', async () => {
    for (let i = 0; i < 3; i++) expect((await server.call('GET', '/api/v1/kb/articles/5', agent)).status).toBe(200);
    await server.call('GET', '/api/v1/kb/articles/6', agent);
    const hot = await server.call('GET', '/api/v1/kb/hot?limit=2', agent);
    expect(hot.body.items.map((i: { id: number; views: number }) => [i.id, i.views])).toEqual([
      [5, 3],
      [6, 1],
    ]);
  });

  it('pushes kb.article-changed to connected desks at once', async () => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/api/v1/events?token=${agent}`);
    const received: Array<Record<string, unknown>> = [];
    const changed = new Promise<Record<string, unknown>>((resolve) => {
      socket.on('message', (data) => {
        const event = JSON.parse(String(data)) as Record<string, unknown>;
        received.push(event);
        if (event.type === 'kb.article-changed') resolve(event);
      });
    });
    await new Promise((resolve) => socket.once('message', resolve)); // hello
    const { body } = await server.call('PUT', '/api/v1/kb/articles/1', admin, {
      article: {
        category: '缴存',
        title: '住房公积金缴存比例（修订）',
        body: '单位和职工缴存比例均为5%至12%。',
        keywords: ['缴存比例'],
        effectiveFrom: '2024-07-01',
      },
      expectedVersion: 1,
    });
    expect(await changed).toMatchObject({
      type: 'kb.article-changed',
      articleId: 1,
      version: body.version,
      change: 'updated',
      title: '住房公积金缴存比例（修订）',
    });
    socket.close();
  });
});
