import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authModule } from '../auth/auth-module.js';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { calendarModule } from './calendar-module.js';
import { workOrdersModule } from './work-orders-module.js';
import { act, createOrder } from './work-orders-test-kit.js';

// 质检 (2101) opens the order of a call it checks: it reads, it never changes.
describe('work orders for the quality role: read, never write', () => {
  let server: TestServer;
  let agent: string;
  let quality: string;
  let id: number;
  beforeAll(async () => {
    server = await startTestServer([authModule, calendarModule, workOrdersModule]);
    agent = await server.login('1001');
    quality = await server.login('2101');
    id = await createOrder(server, agent, { callId: 'call-q1', submit: true });
  });
  afterAll(() => server?.stop());

  it('lists orders, opens one, and reads the departments: with no action offered and no edit', async () => {
    const list = await server.call('GET', '/api/v1/work-orders?callId=call-q1', quality);
    expect(list.status).toBe(200);
    expect(list.body.workOrders.map((o: { id: number }) => o.id)).toContain(id);
    const one = await server.call('GET', `/api/v1/work-orders/${id}`, quality);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id, callId: 'call-q1', actions: [], editable: false });
    expect((await server.call('GET', '/api/v1/departments', quality)).status).toBe(200);
  });

  it('is refused every change: create, edit, any transition; the order is untouched', async () => {
    const before = (await server.call('GET', `/api/v1/work-orders/${id}`, agent)).body;
    const create = await server.call('POST', '/api/v1/work-orders', quality, { category: 'inquiry', title: 't', description: 'd' });
    expect(create.status).toBe(403);
    expect((await server.call('PATCH', `/api/v1/work-orders/${id}`, quality, { title: '改' })).status).toBe(403);
    for (const action of ['accept', 'reject', 'void', 'dispatch'] as const) expect((await act(server, quality, id, action)).status, action).toBe(403);
    const after = (await server.call('GET', `/api/v1/work-orders/${id}`, agent)).body;
    expect(after.state).toBe(before.state);
    expect(after.title).toBe(before.title);
    expect(
      server.db
        .prepare("SELECT count(*) FROM audit_log WHERE action LIKE 'work_order%' AND actor_user_id = (SELECT id FROM users WHERE work_number = '2101')")
        .pluck()
        .get(),
    ).toBe(0);
  });
});
