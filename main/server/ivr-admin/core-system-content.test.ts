import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authModule } from '../auth/auth-module.js';
import { createGatewayModule } from '../gateway/gateway-module.js';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { openEmbeddedFixture, type EmbeddedFixture } from '../gateway/contract-test-kit/gateway-fixture.js';
import { startFakeCoreSystem, type FakeCoreSystem } from '../gateway/contract-test-kit/fake-core-system.js';
import { ScriptedChannel } from '../ivr/scripted-channel-test-kit.js';
import { actionsFor } from '../self-service/self-service-actions.js';
import { selfServiceDeps } from '../self-service/self-service-deps.js';
import { policySpeech } from '../self-service/spoken-texts.js';
import { ManualClock } from '../clock.js';
import { ivrAdminModule } from './ivr-admin-module.js';

describe('a center on a core system over HTTP: its policies are read, not edited here', () => {
  let core: FakeCoreSystem;
  let backend: EmbeddedFixture;
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    backend = openEmbeddedFixture(20);
    core = await startFakeCoreSystem(backend.gateway);
    server = await startTestServer([authModule, createGatewayModule({ http: { baseUrl: core.url, timeoutMs: 3000 } }), ivrAdminModule], {
      config: { adminPassword: 'admin-pass-2026' },
    });
    admin = await server.login('9001', 'admin-pass-2026');
  });
  afterAll(async () => {
    await server?.stop();
    await core?.close();
    backend?.close();
  });

  it('lists them read only and refuses changes with content_external', async () => {
    const list = await server.call('GET', '/api/v1/ivr/policies', admin);
    expect(list.body).toMatchObject({ editable: false });
    expect(list.body.policies).toHaveLength(12);
    const created = await server.call('POST', '/api/v1/ivr/policies', admin, {
      category: '其他',
      title: '新政策',
      summary: '摘要。',
      effectiveFrom: '2026-01-01',
    });
    expect(created).toMatchObject({ status: 409, body: { code: 'content_external' } });
    expect((await server.call('DELETE', '/api/v1/ivr/outlets/WD01', admin)).body.code).toBe('content_external');
  });

  it('a policy the core system added is spoken for the next caller once its speech is made in the background', async () => {
    const policy = { title: '住房公积金异地转移', summary: '异地转移接续可通过全国平台线上办理。' };
    backend.db
      .prepare("INSERT INTO pf_policies (category, title, summary, body, effective_from) VALUES ('其他', ?, ?, '', '2026-01-01')")
      .run(policy.title, policy.summary);
    const deps = selfServiceDeps(server.ctx);
    const read = async () => {
      const channel = new ScriptedChannel(['*']);
      await actionsFor(deps)['policy-by-category']!({ channel, vars: { category: 'other' }, params: {}, clock: new ManualClock(0), nodeId: 'policy' });
      return channel.prompts;
    };
    const id = deps.spoken.idFor(policySpeech(policy));
    // The first caller hears the other policies (their recordings); the speech is being made.
    const first = await read();
    expect(first).toContain('policy-other-hours');
    expect(first).not.toContain(id);
    await expect.poll(() => existsSync(deps.spoken.fileOf(id)), { timeout: 10_000 }).toBe(true);
    expect(await read()).toContain(id);
  });
});
