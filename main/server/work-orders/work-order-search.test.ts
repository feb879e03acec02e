import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { authModule } from '../auth/auth-module.js';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { calendarModule } from './calendar-module.js';
import { workOrdersModule } from './work-orders-module.js';
import { act, createOrder } from './work-orders-test-kit.js';

const beijing = (iso: string) => Date.parse(`${iso}+08:00`);
const ids = (res: { body: { workOrders: Array<{ id: number }> } }) => res.body.workOrders.map((o) => o.id);

describe('finding any work order', () => {
  const clock = new ManualClock(beijing('2026-03-02T09:00'));
  let server: TestServer;
  const t: Record<string, string> = {};
  const o: Record<string, number> = {};
  const login = async () => {
    for (const n of ['1001', '1002', '3001', '3002', '3101']) t[n] = await server.login(n);
  };
  beforeAll(async () => {
    server = await startTestServer([authModule, calendarModule, workOrdersModule], { clock });
    await login();
    // Monday: a suggestion (due Wed) resolved on Thursday, late; a complaint dispatched to 贷款科.
    o.late = await createOrder(server, t['1001']!, { category: 'suggestion', callerNumber: '13900000001', submit: true });
    await act(server, t['3101']!, o.late, 'dispatch', { department: '贷款科' });
    await act(server, t['3001']!, o.late, 'accept');
    o.loan = await createOrder(server, t['1002']!, { category: 'complaint', callerNumber: '13900000002', submit: true });
    await act(server, t['3101']!, o.loan, 'dispatch', { department: '归集科' });
    clock.set(beijing('2026-03-04T10:00'));
    await login();
    o.wed = await createOrder(server, t['1001']!, { category: 'inquiry', callerNumber: '13900000001' });
    clock.set(beijing('2026-03-05T10:00'));
    await login();
    await act(server, t['3001']!, o.late, 'resolve', { resolution: '已办' });
  });
  afterAll(() => server?.stop());

  it('finds by number, caller number, category, state, department, agent and dates, newest first', async () => {
    const find = async (query: string, who = '3101') => ids(await server.call('GET', `/api/v1/work-orders?sort=created&${query}`, t[who]));
    expect(await find(`id=${o.loan}`)).toEqual([o.loan]);
    expect(await find('callerNumber=13900000001')).toEqual([o.wed, o.late]);
    expect(await find('callerNumber=13900000001&category=inquiry')).toEqual([o.wed]);
    expect(await find('state=resolved')).toEqual([o.late]);
    expect(await find('department=归集科')).toEqual([o.loan]);
    expect(await find('agent=1002')).toEqual([o.loan]);
    expect(await find('agent=9999')).toEqual([]);
    expect(await find('from=2026-03-03&to=2026-03-04')).toEqual([o.wed]);
    expect(await find('from=2026-03-02&to=2026-03-02')).toEqual([o.loan, o.late]);
    expect((await server.call('GET', '/api/v1/work-orders?from=2026-3-2', t['3101'])).status).toBe(400);
    // A handler searching another department finds nothing of it.
    expect(await find('department=归集科', '3001')).toEqual([]);
    expect(await find('', '3002')).toEqual([o.loan]);
  });

  it('keeps an order resolved after its due time overdue, and says how many match in all', async () => {
    const late = await server.call('GET', `/api/v1/work-orders/${o.late}`, t['3101']);
    expect(late.body).toMatchObject({ state: 'resolved', overdue: true, dueSoon: false, resolvedAt: new Date(beijing('2026-03-05T10:00')).toISOString() });
    const overdue = await server.call('GET', '/api/v1/work-orders?overdue=1', t['3101']);
    expect(ids(overdue)).toEqual([o.late]);
    const page = await server.call('GET', '/api/v1/work-orders?sort=created&limit=2&offset=0', t['3101']);
    expect(page.body.total).toBe(3);
    expect(ids(page)).toEqual([o.wed, o.loan]);
    expect(ids(await server.call('GET', '/api/v1/work-orders?sort=created&limit=2&offset=2', t['3101']))).toEqual([o.late]);
  });

  it('lists 回访 as work: resolved complaints and suggestions until the reply and a satisfaction answer', async () => {
    const followUps = async () => ids(await server.call('GET', '/api/v1/work-orders?followUp=1', t['1001']));
    expect(await followUps()).toEqual([o.late]);
    await act(server, t['1001']!, o.late!, 'reply', { reply: '已电话告知', replyResult: 'no_opinion' });
    expect(await followUps()).toEqual([o.late]); // replied, satisfaction not asked yet
    server.db
      .prepare(
        "INSERT INTO calls (id, center_code, direction, caller, callee, transport, arrived_at, answered_at, survey_result, work_order_id) VALUES ('fu1', '330100', 'outbound', '1001', '13900000001', 'udp', ?, ?, 1, ?)",
      )
      .run(clock.now(), clock.now(), o.late);
    expect(await followUps()).toEqual([]);
  });
});
