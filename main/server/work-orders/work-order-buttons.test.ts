import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authModule } from '../auth/auth-module.js';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { calendarModule } from './calendar-module.js';
import { workOrdersModule } from './work-orders-module.js';
import { WORK_ORDER_ACTIONS, WORK_ORDER_STATES, type WorkOrderAction } from '../../../shared/work-orders/state-machine.js';
import { act, orderIn } from './work-orders-test-kit.js';

// Per button: in every state, each demo user is offered some steps (`actions`); every step they
// are offered succeeds, and every other one is refused and changes nothing.
const USERS = ['1001', '1002', '2001', '3001', '3002', '3101'] as const;

describe('each role can use exactly the buttons it is shown', () => {
  let server: TestServer;
  const t: Record<string, string> = {};
  beforeAll(async () => {
    process.env.AGENT_DESK_ADMIN_PASSWORD = 'admin-secret-1';
    server = await startTestServer([authModule, calendarModule, workOrdersModule]);
    delete process.env.AGENT_DESK_ADMIN_PASSWORD;
    for (const n of USERS) t[n] = await server.login(n);
    t.admin = await server.login('9001', 'admin-secret-1');
  });
  afterAll(() => server?.stop());

  it.each(WORK_ORDER_STATES.map((s) => [s]))('in %s', async (state) => {
    const id = await orderIn(server, t.admin!, state, t['1001']!);
    const offered: Record<string, WorkOrderAction[]> = {};
    for (const who of USERS) {
      const seen = await server.call('GET', `/api/v1/work-orders/${id}`, t[who]);
      offered[who] = seen.status === 200 ? seen.body.actions : [];
      const before = (await server.call('GET', `/api/v1/work-orders/${id}`, t.admin)).body;
      for (const action of WORK_ORDER_ACTIONS.filter((a) => !offered[who]!.includes(a))) {
        const res = await act(server, t[who]!, id, action);
        expect(res.status, `${state}: ${who} ${action} not offered`).not.toBe(200);
      }
      expect((await server.call('GET', `/api/v1/work-orders/${id}`, t.admin)).body).toEqual(before);
    }
    for (const who of USERS) {
      for (const action of offered[who]!) {
        const fresh = await orderIn(server, t.admin!, state, t['1001']!);
        const res = await act(server, t[who]!, fresh, action);
        expect(res.status, `${state}: ${who} ${action} offered`).toBe(200);
      }
    }
    // Who is offered what, in a table a reviewer can read against §2.5.
    const expected: Record<string, Partial<Record<(typeof USERS)[number], WorkOrderAction[]>>> = {
      draft: { '1001': ['submit', 'void'], '2001': ['submit', 'void'] }, // the team lead helps with any draft
      pending_approval: { '3101': ['dispatch', 'reject'] },
      dispatched: { '3001': ['accept', 'return'] },
      in_progress: { '3001': ['request_extension', 'resolve'] },
      resolved: { '1001': ['reject_resolution', 'reply'], '1002': ['reject_resolution', 'reply'], '2001': ['reject_resolution', 'reply'] },
      replied: { '1001': ['close'], '1002': ['close'], '2001': ['close'] },
      closed: { '2001': ['reopen'], '3101': ['reopen'] },
      voided: {},
    };
    for (const who of USERS) expect(offered[who], `${state}: ${who}`).toEqual(expected[state]![who] ?? []);
  });
});
