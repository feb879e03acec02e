import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { authModule } from '../auth/auth-module.js';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { metricsModule } from '../metrics/metrics-module.js';
import { insertCall } from '../metrics/metrics-test-kit.js';
import { calendarModule } from './calendar-module.js';
import { workOrdersModule } from './work-orders-module.js';
import { act, createOrder } from './work-orders-test-kit.js';

const beijing = (iso: string) => Date.parse(`${iso}+08:00`);
const endOf = (day: string) => new Date(Date.parse(`${day}T23:59:59.999+08:00`)).toISOString();

async function start(clock: ManualClock, config: Record<string, unknown> = {}): Promise<TestServer> {
  process.env.AGENT_DESK_ADMIN_PASSWORD = 'admin-secret-1';
  try {
    return await startTestServer([authModule, calendarModule, workOrdersModule, metricsModule], { clock, config });
  } finally {
    delete process.env.AGENT_DESK_ADMIN_PASSWORD;
  }
}

describe('departments, confirmation rules and drafts', () => {
  const clock = new ManualClock(beijing('2026-03-02T09:00'));
  let server: TestServer;
  const t: Record<string, string> = {};
  beforeAll(async () => {
    server = await start(clock);
    for (const n of ['1001', '1002', '2001', '3001', '3002', '3101']) t[n] = await server.login(n);
    t.admin = await server.login('9001', 'admin-secret-1');
  });
  afterAll(() => server?.stop());

  it('seeds the demo departments with their handlers and leader, and lets only the admin manage them', async () => {
    const list = await server.call('GET', '/api/v1/departments', t['1001']);
    expect(list.body.departments).toEqual([
      {
        id: expect.any(Number),
        code: 'fund',
        name: '归集科',
        active: true,
        phone: null,
        leader: expect.objectContaining({ workNumber: '3101' }),
        handlers: [expect.objectContaining({ workNumber: '3002' })],
      },
      {
        id: expect.any(Number),
        code: 'loan',
        name: '贷款科',
        active: true,
        phone: null,
        leader: expect.objectContaining({ workNumber: '3101' }),
        handlers: [expect.objectContaining({ workNumber: '3001' })],
      },
    ]);
    const body = { code: 'audit', name: '稽核科', leaderWorkNumber: '3101' };
    expect((await server.call('POST', '/api/v1/departments', t['3101'], body)).status).toBe(403);
    expect((await server.call('POST', '/api/v1/departments', t['2001'], body)).status).toBe(403);
    expect((await server.call('POST', '/api/v1/departments', t.admin, { ...body, leaderWorkNumber: '1001' })).body).toMatchObject({
      code: 'wrong_role',
      details: { field: 'leaderWorkNumber' },
    });
    expect((await server.call('POST', '/api/v1/departments', t.admin, { ...body, leaderWorkNumber: '8888' })).body.code).toBe('unknown_user');
    expect((await server.call('POST', '/api/v1/departments', t.admin, { ...body, code: 'x y' })).status).toBe(400);
    const created = await server.call('POST', '/api/v1/departments', t.admin, body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'audit', name: '稽核科', leader: { workNumber: '3101' }, handlers: [] });
    expect((await server.call('POST', '/api/v1/departments', t.admin, body)).body).toMatchObject({ code: 'department_exists' });
    expect((await server.call('POST', '/api/v1/departments', t.admin, { code: 'loan2', name: '贷款科' })).body).toMatchObject({
      code: 'department_exists',
      details: { field: 'name' },
    });
  });

  it('dispatches only to an existing, active department, and a rename carries handlers and orders along', async () => {
    const id = await createOrder(server, t['1001']!, { submit: true });
    const nowhere = await act(server, t['3101']!, id, 'dispatch', { department: '不存在科' });
    expect(nowhere.status).toBe(400);
    expect(nowhere.body).toMatchObject({ code: 'unknown_department', details: { field: 'department' } });
    expect((await server.call('GET', `/api/v1/work-orders/${id}`, t['1001'])).body.state).toBe('pending_approval');

    const audit = (await server.call('GET', '/api/v1/departments', t.admin)).body.departments.find((d: { code: string }) => d.code === 'audit');
    expect((await server.call('PATCH', `/api/v1/departments/${audit.id}`, t.admin, { handlerWorkNumbers: ['3002'] })).body.handlers).toEqual([
      expect.objectContaining({ workNumber: '3002' }),
    ]);
    expect((await act(server, t['3101']!, id, 'dispatch', { department: '稽核科' })).body.department).toBe('稽核科');
    expect((await server.call('GET', `/api/v1/work-orders/${id}`, t['3002'])).status).toBe(200);
    const renamed = await server.call('PATCH', `/api/v1/departments/${audit.id}`, t.admin, { name: '审计科' });
    expect(renamed.body).toMatchObject({ name: '审计科', handlers: [expect.objectContaining({ workNumber: '3002' })] });
    expect((await server.call('GET', `/api/v1/work-orders/${id}`, t['3002'])).body.department).toBe('审计科');
    expect((await act(server, t['3002']!, id, 'accept')).body.state).toBe('in_progress');

    expect((await server.call('PATCH', `/api/v1/departments/${audit.id}`, t.admin, { active: false, handlerWorkNumbers: [] })).body.active).toBe(false);
    const other = await createOrder(server, t['1001']!, { submit: true });
    expect((await act(server, t['3101']!, other, 'dispatch', { department: 'audit' })).body.code).toBe('unknown_department');
    // 3002 back to 归集科 for the other tests.
    const fund = (await server.call('GET', '/api/v1/departments', t.admin)).body.departments.find((d: { code: string }) => d.code === 'fund');
    await server.call('PATCH', `/api/v1/departments/${fund.id}`, t.admin, { handlerWorkNumbers: ['3002'] });
  });

  it('lets nobody confirm an order they created, and team leads only where the center allows it', async () => {
    const byLeader = await createOrder(server, t['1001']!, { submit: true });
    expect((await act(server, t['2001']!, byLeader, 'dispatch')).body.code).toBe('team_lead_cannot_confirm');
    const own = await createOrder(server, t.admin!, { submit: true });
    expect((await act(server, t.admin!, own, 'dispatch')).body.code).toBe('own_order');
    expect((await act(server, t.admin!, own, 'reject')).body.code).toBe('own_order');
    const detail = await server.call('GET', `/api/v1/work-orders/${own}`, t.admin);
    expect(detail.body.actions).toEqual([]);
    expect((await server.call('GET', `/api/v1/work-orders/${own}`, t['3101'])).body.actions).toEqual(['dispatch', 'reject']);
    expect((await server.call('GET', `/api/v1/work-orders/${own}`, t['2001'])).body.actions).toEqual([]);
    expect((await server.call('GET', `/api/v1/work-orders/${own}`, t['1001'])).body.actions).toEqual([]);

    const allowing = await start(new ManualClock(beijing('2026-03-02T09:00')), { teamLeadsConfirm: true });
    try {
      const lead = await allowing.login('2001');
      const agent = await allowing.login('1001');
      const theirs = await createOrder(allowing, agent, { submit: true });
      const mine = await createOrder(allowing, lead, { submit: true });
      expect((await allowing.call('GET', `/api/v1/work-orders/${theirs}`, lead)).body.actions).toEqual(['dispatch', 'reject']);
      expect((await act(allowing, lead, theirs, 'dispatch', { department: '贷款科' })).body.state).toBe('dispatched');
      expect((await act(allowing, lead, mine, 'dispatch', { department: '贷款科' })).body.code).toBe('own_order');
    } finally {
      await allowing.stop();
    }
  });

  it('shows each role only the buttons it can use at each step', async () => {
    const id = await createOrder(server, t['1001']!);
    const actions = async (who: string) => (await server.call('GET', `/api/v1/work-orders/${id}`, t[who])).body.actions;
    expect(await actions('1001')).toEqual(['submit', 'void']);
    expect(await actions('1002')).toEqual([]);
    await act(server, t['1001']!, id, 'submit');
    expect(await actions('1001')).toEqual([]);
    await act(server, t['3101']!, id, 'dispatch', { department: '贷款科' });
    expect(await actions('3001')).toEqual(['accept', 'return']);
    expect(await actions('3101')).toEqual([]);
    await act(server, t['3001']!, id, 'accept');
    expect(await actions('3001')).toEqual(['request_extension', 'resolve']);
    await act(server, t['3001']!, id, 'request_extension', { days: 2, comment: '需调取档案' });
    expect(await actions('3001')).toEqual(['resolve']);
    expect(await actions('3101')).toEqual(['grant_extension', 'deny_extension']);
    await act(server, t['3001']!, id, 'resolve', { resolution: '已办理' });
    expect(await actions('1001')).toEqual(['reject_resolution', 'reply']);
    expect(await actions('3001')).toEqual([]);
  });

  it('moves the due date by the working days the leader grants', async () => {
    const id = await createOrder(server, t['1001']!, { category: 'suggestion', submit: true }); // Mon 03-02: due Wed 03-04
    await act(server, t['3101']!, id, 'dispatch', { department: '贷款科' });
    await act(server, t['3001']!, id, 'accept');
    expect((await act(server, t['3001']!, id, 'grant_extension')).status).toBe(403);
    expect((await act(server, t['3101']!, id, 'grant_extension')).body.code).toBe('no_extension_request');
    expect((await act(server, t['3001']!, id, 'request_extension', { comment: '需调档' })).body.details).toEqual([
      { path: 'days', code: 'required', message: 'required' },
    ]);
    expect((await act(server, t['3001']!, id, 'request_extension', { days: 3, comment: '需调档' })).body).toMatchObject({
      extensionDays: 3,
      dueAt: endOf('2026-03-04'),
    });
    expect((await act(server, t['3001']!, id, 'request_extension', { days: 1, comment: '再要' })).body.code).toBe('extension_pending');
    const granted = await act(server, t['3101']!, id, 'grant_extension', { comment: '同意' });
    expect(granted.body).toMatchObject({ extensionDays: null, dueAt: endOf('2026-03-09') }); // Thu, Fri, Mon
    expect(granted.body.history.slice(-2)).toMatchObject([
      { action: 'request_extension', days: 3, comment: '需调档', actorName: '郑伟' },
      { action: 'grant_extension', days: 3, comment: '同意', actorName: '何刚' },
    ]);
  });

  it('edits a draft (its creator only) and voids it; a submitted order is not edited', async () => {
    const id = await createOrder(server, t['1001']!, { category: 'inquiry' });
    expect((await server.call('PATCH', `/api/v1/work-orders/${id}`, t['1002'], { title: '改' })).body.code).toBe('not_own_draft');
    expect((await server.call('PATCH', `/api/v1/work-orders/${id}`, t['3101'], { title: '改' })).status).toBe(403);
    expect((await server.call('PATCH', `/api/v1/work-orders/${id}`, t['1001'], {})).status).toBe(400);
    const edited = await server.call('PATCH', `/api/v1/work-orders/${id}`, t['1001'], {
      title: '公积金提取投诉',
      category: 'complaint',
      callbackNumber: '13900000000',
      callerName: null,
    });
    expect(edited.body).toMatchObject({
      title: '公积金提取投诉',
      category: 'complaint',
      callbackNumber: '13900000000',
      callerName: null,
      dueAt: endOf('2026-03-09'),
      editable: true,
    });
    expect(edited.body.history.map((h: { action: string }) => h.action)).toEqual(['create', 'edit']);
    expect((await act(server, t['1002']!, id, 'void', { comment: '重复' })).body.code).toBe('not_own_draft');
    expect((await act(server, t['1001']!, id, 'void', {})).status).toBe(400);
    const voided = await act(server, t['1001']!, id, 'void', { comment: '与 5 号工单重复' });
    expect(voided.body).toMatchObject({ state: 'voided', actions: [], editable: false, overdue: false });
    expect((await server.call('PATCH', `/api/v1/work-orders/${id}`, t['1001'], { title: 'x' })).body.code).toBe('not_a_draft');
    expect((await act(server, t['1001']!, id, 'submit')).body.code).toBe('illegal_transition');
  });
});

describe('complaints count when submitted: complntrate recomputed from the raw rows', () => {
  it('counts submitted complaints by their first submission, never drafts nor voided ones', async () => {
    const clock = new ManualClock(beijing('2026-03-02T09:00'));
    const server = await start(clock);
    try {
      const agent = await server.login('1001');
      const leader = await server.login('3101');
      const agentId = server.db.prepare("SELECT id FROM users WHERE work_number = '1001'").pluck().get() as number;
      for (let i = 0; i < 8; i++) {
        const at = beijing('2026-03-02T08:00') + i * 60_000;
        insertCall(server.db, { id: `c${i}`, arrivedAt: at, offered: true, queuedAt: at, answeredAt: at + 5000, agentId, hungUpAt: at + 60_000 });
      }
      await createOrder(server, agent, { submit: true }); // counts
      await createOrder(server, agent); // a draft: never
      const voided = await createOrder(server, agent);
      await act(server, agent, voided, 'void', { comment: '误建' }); // voided: never
      const rejected = await createOrder(server, agent, { submit: true }); // counts once, at its first submission
      await act(server, leader, rejected, 'reject', { comment: '补充' });
      await createOrder(server, agent, { category: 'suggestion', submit: true }); // not a complaint
      // Created Monday, submitted Tuesday: Tuesday's.
      const late = await createOrder(server, agent);
      clock.set(beijing('2026-03-03T10:00'));
      const agent2 = await server.login('1001');
      await act(server, agent2, late, 'submit');
      await act(server, agent2, rejected, 'submit');
      clock.set(beijing('2026-03-03T18:00'));
      const lead = await server.login('2001');

      // The independent formula: complaints whose first 'submit' falls in the day and that are not voided now.
      const raw = (from: number, to: number) =>
        server.db
          .prepare(
            `SELECT COUNT(*) FROM work_orders w WHERE w.category = 'complaint' AND w.state <> 'voided'
               AND (SELECT MIN(t.at) FROM work_order_transitions t WHERE t.work_order_id = w.id AND t.action = 'submit') >= ?
               AND (SELECT MIN(t.at) FROM work_order_transitions t WHERE t.work_order_id = w.id AND t.action = 'submit') < ?`,
          )
          .pluck()
          .get(from, to) as number;
      const answered = (from: number, to: number) =>
        server.db.prepare('SELECT COUNT(*) FROM calls WHERE answered_at IS NOT NULL AND arrived_at >= ? AND arrived_at < ?').pluck().get(from, to) as number;
      const monday = [beijing('2026-03-02T00:00'), beijing('2026-03-03T00:00')] as const;
      expect(raw(...monday)).toBe(2);
      const day = await server.call('GET', '/api/v1/metrics?period=day&date=2026-03-02', lead);
      expect(day.body.raw.complaints).toBe(raw(...monday));
      expect(day.body.indicators.complntrate).toBe(Math.round((raw(...monday) / answered(...monday)) * 100 * 100) / 100); // 2 / 8 = 25
      const tuesday = await server.call('GET', '/api/v1/metrics?period=day&date=2026-03-03', lead);
      expect(tuesday.body.raw.complaints).toBe(raw(beijing('2026-03-03T00:00'), beijing('2026-03-04T00:00')));
      expect(tuesday.body.raw.complaints).toBe(1);
    } finally {
      await server.stop();
    }
  });
});
