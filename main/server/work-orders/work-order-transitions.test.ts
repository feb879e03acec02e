import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authModule } from '../auth/auth-module.js';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { calendarModule } from './calendar-module.js';
import { workOrdersModule } from './work-orders-module.js';
import { TRANSITIONS, WORK_ORDER_ACTIONS, WORK_ORDER_STATES, STATE_LABELS } from '../../../shared/work-orders/state-machine.js';
import { act, addLoanDepartment, orderIn } from './work-orders-test-kit.js';

describe('work-order transitions over HTTP (table-driven from the state machine)', () => {
  let server: TestServer;
  let admin: string;
  let agent: string;
  beforeAll(async () => {
    process.env.AGENT_DESK_ADMIN_PASSWORD = 'admin-secret-1';
    server = await startTestServer([authModule, calendarModule, workOrdersModule], { config: { demo: false } });
    delete process.env.AGENT_DESK_ADMIN_PASSWORD;
    admin = await server.login('9001', 'admin-secret-1');
    await server.call('POST', '/api/v1/users', admin, { workNumber: '1001', displayName: '张敏', role: 'agent', password: 'agent-pass-1' });
    agent = await server.login('1001', 'agent-pass-1');
    await addLoanDepartment(server, admin);
  });
  afterAll(() => server?.stop());

  it.each(TRANSITIONS.map((t) => [t.from, t.action, t.to] as const))('%s --%s--> %s is legal and audited', async (from, action, to) => {
    const id = await orderIn(server, admin, from, agent);
    // Granting or refusing more time needs a request first.
    if (action === 'grant_extension' || action === 'deny_extension') expect((await act(server, admin, id, 'request_extension')).status).toBe(200);
    const res = await act(server, admin, id, action);
    expect(res.status).toBe(200);
    expect(res.body.state).toBe(to);
    const last = res.body.history.at(-1);
    expect(last).toMatchObject({ action, from, to });
    const audit = await server.call('GET', `/api/v1/audit?entityType=work_order&entityId=${id}`, admin);
    // Newest first: this transition, then one per step before it, then the creation.
    expect(audit.body.entries[0]).toMatchObject({ action: `work_order.${action}`, detail: expect.objectContaining({ from, to }) });
    expect(audit.body.entries.map((e: { action: string }) => e.action).reverse()).toEqual(
      res.body.history.map((h: { action: string }) => `work_order.${h.action}`),
    );
  });

  const illegal = WORK_ORDER_STATES.flatMap((state) =>
    WORK_ORDER_ACTIONS.filter((action) => !TRANSITIONS.some((t) => t.from === state && t.action === action)).map((action) => [state, action] as const),
  );

  it('has illegal pairs to test', () => {
    expect(illegal.length).toBe(WORK_ORDER_STATES.length * WORK_ORDER_ACTIONS.length - TRANSITIONS.length);
  });

  it.each(WORK_ORDER_STATES.map((s) => [s]))('every action not in the table is a 409 from %s, and changes nothing', async (state) => {
    const id = await orderIn(server, admin, state, agent);
    const before = await server.call('GET', `/api/v1/work-orders/${id}`, admin);
    for (const [, action] of illegal.filter(([s]) => s === state)) {
      const res = await act(server, admin, id, action);
      expect(res.status, `${state} ${action}`).toBe(409);
      expect(res.body.code).toBe('illegal_transition');
      expect(res.body.message).toContain(action);
      expect(res.body.message).toContain(state);
      expect(res.body.message).toContain(STATE_LABELS[state]);
    }
    const after = await server.call('GET', `/api/v1/work-orders/${id}`, admin);
    expect(after.body).toEqual(before.body);
  });

  it('refuses a transition without what it needs', async () => {
    const id = await orderIn(server, admin, 'pending_approval', agent);
    const res = await act(server, admin, id, 'dispatch', {});
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/department/);
    expect((await act(server, admin, id, 'reject', {})).status).toBe(400);
    expect((await act(server, admin, id, 'fly' as never, {})).status).toBe(400);
  });
});
