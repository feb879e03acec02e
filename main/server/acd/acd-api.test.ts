import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authModule } from '../auth/auth-module.js';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { agentStateResponseSchema, agentsResponseSchema, queueResponseSchema } from '../../../shared/api/acd.js';
import { acdModule } from './acd-module.js';
import { SERVICES } from '../services.js';

describe('ACD HTTP API', () => {
  let server: TestServer;
  let agent: string;
  let lead: string;
  beforeAll(async () => {
    server = await startTestServer([authModule, acdModule]);
    agent = await server.login('1001');
    lead = await server.login('2001');
  });
  afterAll(() => server.stop());

  it('lets an agent change their own state and end ACW', async () => {
    const ready = await server.call('POST', '/api/v1/acd/agents/me/state', agent, { state: 'ready' });
    expect(ready.status).toBe(200);
    expect(agentStateResponseSchema.parse(ready.body).agent).toMatchObject({ workNumber: '1001', state: 'ready', reason: null });

    const busy = await server.call('POST', '/api/v1/acd/agents/me/state', agent, { state: 'not_ready', reason: '用餐' });
    expect(busy.body.agent).toMatchObject({ state: 'not_ready', reason: '用餐' });

    const bad = await server.call('POST', '/api/v1/acd/agents/me/state', agent, { state: 'not_ready', reason: '未接来电' });
    expect(bad.status).toBe(400);
    const talking = await server.call('POST', '/api/v1/acd/agents/me/state', agent, { state: 'talking' });
    expect(talking.status).toBe(400);
    const acw = await server.call('POST', '/api/v1/acd/agents/me/acw/end', agent);
    expect(acw).toMatchObject({ status: 409, body: { code: 'not_in_acw' } });
  });

  it('shows a team lead every agent, an agent only themselves', async () => {
    const all = await server.call('GET', '/api/v1/acd/agents', lead);
    expect(all.status).toBe(200);
    const agents = agentsResponseSchema.parse(all.body).agents;
    expect(agents.length).toBeGreaterThanOrEqual(10);
    expect(agents.find((a) => a.workNumber === '1001')).toMatchObject({ state: 'not_ready', reason: '用餐', registered: false });
    const own = await server.call('GET', '/api/v1/acd/agents', agent);
    expect(own.body.agents.map((a: { workNumber: string }) => a.workNumber)).toEqual(['1001']);
  });

  it('reports the queue and refuses the unauthenticated', async () => {
    const acd = server.ctx.services.require(SERVICES.acd, 'test');
    expect(acd).toBeDefined();
    const q = await server.call('GET', '/api/v1/acd/queue', lead);
    expect(queueResponseSchema.parse(q.body)).toMatchObject({ length: 0, ringing: 0, oldestQueuedAt: null });
    expect((await server.call('GET', '/api/v1/acd/queue')).status).toBe(401);
    expect((await server.call('POST', '/api/v1/acd/agents/me/state', lead, { state: 'signed_out' })).status).toBe(409);
  });

  it('logs state changes in agent_state_log', () => {
    const rows = server.db
      .prepare("SELECT l.state, l.reason FROM agent_state_log l JOIN users u ON u.id = l.agent_id WHERE u.work_number = '1001' ORDER BY l.id")
      .all();
    expect(rows).toEqual([
      { state: 'ready', reason: null },
      { state: 'not_ready', reason: '用餐' },
    ]);
  });
});
