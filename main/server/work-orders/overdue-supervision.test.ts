import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { authModule } from '../auth/auth-module.js';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import type { Principal } from '../auth/principal.js';
import { calendarModule } from './calendar-module.js';
import { workOrdersModule } from './work-orders-module.js';
import type { WorkOrderDueEvent } from '../../../shared/api/events/work-orders.js';
import { act, createOrder } from './work-orders-test-kit.js';
import { SERVICES } from '../services.js';

const beijing = (iso: string) => Date.parse(`${iso}+08:00`);

describe('督办: due-soon and overdue notices, and the on-time rate', () => {
  const clock = new ManualClock(beijing('2026-03-02T09:00'));
  let server: TestServer;
  const t: Record<string, string> = {};
  const id: Record<string, number> = {};
  const notices: WorkOrderDueEvent[] = [];
  const userId = (n: string) => server.db.prepare('SELECT id FROM users WHERE work_number = ?').pluck().get(n) as number;
  const supervise = () => server.ctx.services.require(SERVICES.workOrders, 'test').superviseDue();
  const login = async () => {
    for (const n of ['1001', '3001', '3002', '3101']) t[n] = await server.login(n);
  };
  beforeAll(async () => {
    server = await startTestServer([authModule, calendarModule, workOrdersModule], { clock });
    server.ctx.events.subscribe((e) => e.type === 'work-order.due' && notices.push(e));
    await login();
    // Monday: a suggestion (due Wed 23:59) accepted by 3001; a complaint (due next Mon) waiting in 归集科.
    id.suggestion = await createOrder(server, t['1001']!, { category: 'suggestion', submit: true });
    await act(server, t['3101']!, id.suggestion, 'dispatch', { department: '贷款科' });
    await act(server, t['3001']!, id.suggestion, 'accept');
    id.complaint = await createOrder(server, t['1001']!, { category: 'complaint', submit: true });
    await act(server, t['3101']!, id.complaint, 'dispatch', { department: '归集科' });
    id.inquiry = await createOrder(server, t['1001']!, { category: 'inquiry', submit: true }); // due Thu, resolved on time below
    await act(server, t['3101']!, id.inquiry, 'dispatch', { department: '贷款科' });
    await act(server, t['3001']!, id.inquiry, 'accept');
    await act(server, t['3001']!, id.inquiry, 'resolve', { resolution: '已答复' });
  });
  afterAll(() => server?.stop());

  it('tells the handler, their leader and the hotline leader once per level, and nobody else', async () => {
    expect(supervise()).toBe(0);
    clock.set(beijing('2026-03-04T09:00')); // the suggestion is due within a day
    expect(supervise()).toBe(1);
    expect(supervise()).toBe(0); // once
    expect(notices.at(-1)).toMatchObject({
      workOrderId: id.suggestion,
      level: 'due_soon',
      department: '贷款科',
      recipients: [userId('3001'), userId('3101')].sort((a, b) => a - b),
    });

    clock.set(beijing('2026-03-05T00:30'));
    expect(supervise()).toBe(1);
    const overdue = notices.at(-1)!;
    expect(overdue).toMatchObject({ workOrderId: id.suggestion, level: 'overdue' });
    const as = (n: string, role: Principal['role'], department: string | null): Principal => ({
      userId: userId(n),
      workNumber: n,
      displayName: n,
      role,
      centerCode: '330100',
      department,
      expiresAt: Infinity,
    });
    expect(server.ctx.events.visibleTo(as('3001', 'department_handler', '贷款科'), overdue)).toBe(true);
    expect(server.ctx.events.visibleTo(as('3101', 'department_leader', '热线管理科'), overdue)).toBe(true);
    expect(server.ctx.events.visibleTo(as('3002', 'department_handler', '归集科'), overdue)).toBe(false);
    expect(server.ctx.events.visibleTo(as('1001', 'agent', '热线管理科'), overdue)).toBe(false);

    // Not yet accepted: every handler of the department hears of it.
    clock.set(beijing('2026-03-09T10:00'));
    supervise();
    expect(notices.at(-1)).toMatchObject({
      workOrderId: id.complaint,
      level: 'due_soon',
      recipients: expect.arrayContaining([userId('3002'), userId('3101')]),
    });
    expect(notices.at(-1)!.recipients).not.toContain(userId('3001'));
  });

  it('keeps a late order overdue after it is resolved, and reports the on-time rate', async () => {
    await login();
    const resolved = await act(server, t['3001']!, id.suggestion!, 'resolve', { resolution: '已办理' });
    expect(resolved.body).toMatchObject({ state: 'resolved', overdue: true });
    const byCategory = await server.call('GET', '/api/v1/work-orders/on-time?from=2026-03-01&to=2026-03-31', t['3101']);
    expect(byCategory.body.rows).toEqual([
      { key: 'inquiry', resolved: 1, onTime: 1, rate: 100 },
      { key: 'suggestion', resolved: 1, onTime: 0, rate: 0 },
    ]);
    expect(byCategory.body.total).toEqual({ key: null, resolved: 2, onTime: 1, rate: 50 });
    const byDepartment = await server.call('GET', '/api/v1/work-orders/on-time?from=2026-03-01&to=2026-03-31&by=department', t['3101']);
    expect(byDepartment.body.rows).toEqual([{ key: '贷款科', resolved: 2, onTime: 1, rate: 50 }]);
    expect((await server.call('GET', '/api/v1/work-orders/on-time?from=2026-02-01&to=2026-02-28', t['3101'])).body.total.rate).toBeNull();
    expect((await server.call('GET', '/api/v1/work-orders/on-time?from=2026-03-01&to=2026-03-31', t['1001'])).status).toBe(403);
    expect((await server.call('GET', '/api/v1/work-orders/on-time?from=2026-03-01&to=2026-03-31', t['3001'])).status).toBe(403);
  });
});
