import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { authModule } from '../auth/auth-module.js';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { calendarModule } from './calendar-module.js';
import { workOrdersModule } from './work-orders-module.js';
import { act, createOrder } from './work-orders-test-kit.js';

const beijing = (iso: string) => Date.parse(`${iso}+08:00`);
const CALLER = '13911112222';

describe('GET /api/v1/callers/:number/history', () => {
  const clock = new ManualClock(beijing('2026-03-02T09:00'));
  let server: TestServer;
  const t: Record<string, string> = {};
  const userId = (n: string) => server.db.prepare('SELECT id FROM users WHERE work_number = ?').pluck().get(n) as number;
  /** A call record as the voice core writes it: arrived, rang `agent`, maybe answered by them. */
  const call = (id: string, at: number, agent: string | null, answered: boolean, ended: number | null) => {
    const agentId = agent === null ? null : userId(agent);
    server.db
      .prepare(
        "INSERT INTO calls (id, center_code, direction, caller, callee, transport, arrived_at, answered_at, agent_id, hung_up_at, talk_ended_at, ended_at, survey_result) VALUES (?, '330100', 'inbound', ?, '12329', 'udp', ?, ?, ?, ?, ?, ?, ?)",
      )
      .run(id, CALLER, at, answered ? at + 10_000 : null, answered ? agentId : null, ended, ended, ended, answered && ended ? 1 : null);
    if (agentId !== null)
      server.db
        .prepare('INSERT INTO call_ring_attempts (call_id, agent_id, started_at, ended_at, outcome) VALUES (?, ?, ?, ?, ?)')
        .run(id, agentId, at + 5000, answered ? at + 10_000 : null, answered ? 'answered' : null);
  };

  beforeAll(async () => {
    server = await startTestServer([authModule, calendarModule, workOrdersModule], { clock });
    for (const n of ['1001', '1002', '2001', '3001', '3101']) t[n] = await server.login(n);
    // Last month: the caller rang, 1002 answered and opened a complaint the department resolved.
    call('old-call', beijing('2026-02-02T10:00'), '1002', true, beijing('2026-02-02T10:05'));
    const id = await createOrder(server, t['1002']!, { callerNumber: CALLER, callId: 'old-call', title: '提取未到账', submit: true });
    await act(server, t['3101']!, id, 'dispatch', { department: '贷款科' });
    await act(server, t['3001']!, id, 'accept');
    await act(server, t['3001']!, id, 'resolve', { resolution: '已补发，三个工作日内到账' });
    // Now the caller rings 1001.
    clock.set(beijing('2026-03-02T09:30'));
    call('now-call', clock.now() - 5000, '1001', false, null);
  });
  afterAll(() => server?.stop());

  it('shows the ringing agent the caller’s earlier order, with the department’s answer, and the earlier call', async () => {
    const res = await server.call('GET', `/api/v1/callers/${CALLER}/history?callId=now-call`, t['1001']);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ number: CALLER, totalWorkOrders: 1, totalCalls: 1 });
    expect(res.body.workOrders[0]).toMatchObject({
      category: 'complaint',
      state: 'resolved',
      title: '提取未到账',
      department: '贷款科',
      resolution: '已补发，三个工作日内到账',
      overdue: false,
    });
    expect(res.body.calls).toEqual([
      {
        id: 'old-call',
        direction: 'inbound',
        arrivedAt: new Date(beijing('2026-02-02T10:00')).toISOString(),
        answered: true,
        agentWorkNumber: '1002',
        talkSeconds: 290,
        surveyResult: 1,
        workOrderId: null,
      },
    ]);
  });

  it('refuses another agent’s caller, a call at another desk, and roles outside the hotline', async () => {
    expect((await server.call('GET', `/api/v1/callers/${CALLER}/history?callId=now-call`, t['1002'])).body).toMatchObject({ code: 'not_your_call' });
    expect((await server.call('GET', `/api/v1/callers/${CALLER}/history`, t['1002'])).status).toBe(403);
    expect((await server.call('GET', `/api/v1/callers/13900000000/history`, t['1001'])).status).toBe(403);
    expect((await server.call('GET', `/api/v1/callers/${CALLER}/history?callId=old-call`, t['1001'])).status).toBe(403);
    expect((await server.call('GET', `/api/v1/callers/${CALLER}/history`, t['3001'])).status).toBe(403);
    expect((await server.call('GET', `/api/v1/callers/not-a-number/history`, t['2001'])).status).toBe(400);
    // The team lead sees any caller of the center.
    expect((await server.call('GET', `/api/v1/callers/${CALLER}/history`, t['2001'])).body).toMatchObject({ totalWorkOrders: 1, totalCalls: 2 });
  });

  it('keeps the history through the agent’s after-call work, then closes it', async () => {
    server.db.prepare('UPDATE calls SET ended_at = ? WHERE id = ?').run(clock.now(), 'now-call');
    clock.set(clock.now() + 10 * 60_000);
    expect((await server.call('GET', `/api/v1/callers/${CALLER}/history?callId=now-call`, t['1001'])).status).toBe(200);
    clock.set(clock.now() + 10 * 60_000);
    t['1001'] = await server.login('1001');
    expect((await server.call('GET', `/api/v1/callers/${CALLER}/history?callId=now-call`, t['1001'])).status).toBe(403);
  });
});
