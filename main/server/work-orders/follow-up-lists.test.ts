import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { authModule } from '../auth/auth-module.js';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { calendarModule } from './calendar-module.js';
import { workOrdersModule } from './work-orders-module.js';

const beijing = (iso: string) => Date.parse(`${iso}+08:00`);

describe('reminder-call lists (回访: rate change, repayment date)', () => {
  const clock = new ManualClock(beijing('2026-03-02T09:00'));
  let server: TestServer;
  const t: Record<string, string> = {};
  let listId = 0;
  const entryOf = async (agent: string, number: string) => {
    const mine = await server.call('GET', '/api/v1/follow-up-lists/mine', t[agent]);
    return (mine.body.entries as Array<{ id: number; number: string }>).find((e) => e.number === number)!;
  };
  /** The call record the follow-up call path writes (voice/follow-up-routing.ts): outbound, caller = the agent's work number. */
  const followUpCall = (id: string, agent: string, number: string, answered: boolean) =>
    server.db
      .prepare(
        "INSERT INTO calls (id, center_code, direction, caller, callee, transport, arrived_at, answered_at) VALUES (?, '330100', 'outbound', ?, ?, 'ws', ?, ?)",
      )
      .run(id, agent, number, clock.now(), answered ? clock.now() + 8000 : null);

  beforeAll(async () => {
    server = await startTestServer([authModule, calendarModule, workOrdersModule], { clock });
    for (const n of ['1001', '1002', '2001', '3101']) t[n] = await server.login(n);
  });
  afterAll(() => server?.stop());

  it('lets the team lead create a list shared among agents in turn, and nobody else', async () => {
    const body = {
      title: '4月起贷款利率下调告知',
      reason: 'rate_change',
      script: '您好，这里是12329热线，通知您公积金贷款利率自4月1日起下调……',
      entries: [{ number: '13900000001', name: '王先生' }, { number: '13900000002' }, { number: '13900000003' }],
      assignTo: ['1001', '1002'],
    };
    expect((await server.call('POST', '/api/v1/follow-up-lists', t['1001'], body)).status).toBe(403);
    expect((await server.call('POST', '/api/v1/follow-up-lists', t['3101'], body)).status).toBe(403);
    expect((await server.call('POST', '/api/v1/follow-up-lists', t['2001'], { ...body, assignTo: ['3101'] })).body).toMatchObject({ code: 'unknown_agent' });
    expect((await server.call('POST', '/api/v1/follow-up-lists', t['2001'], { ...body, entries: [{ number: '139' }, { number: '139' }] })).status).toBe(400);
    const res = await server.call('POST', '/api/v1/follow-up-lists', t['2001'], body);
    expect(res.status).toBe(201);
    listId = res.body.id;
    expect(res.body).toMatchObject({ title: '4月起贷款利率下调告知', reason: 'rate_change', createdBy: '2001', total: 3, assigned: 3, done: 0 });
    expect(res.body.entries.map((e: { number: string; assignee: string }) => [e.number, e.assignee])).toEqual([
      ['13900000001', '1001'],
      ['13900000002', '1002'],
      ['13900000003', '1001'],
    ]);
    expect((await server.call('GET', '/api/v1/follow-up-lists', t['1001'])).status).toBe(403);
    expect((await server.call('GET', '/api/v1/follow-up-lists', t['2001'])).body.lists).toHaveLength(1);
  });

  it('shows each agent only their numbers, with the list’s script', async () => {
    const mine = await server.call('GET', '/api/v1/follow-up-lists/mine', t['1001']);
    expect(mine.body.entries.map((e: { number: string }) => e.number)).toEqual(['13900000001', '13900000003']);
    expect(mine.body.entries[0]).toMatchObject({
      name: '王先生',
      listTitle: '4月起贷款利率下调告知',
      script: expect.stringContaining('利率'),
      done: null,
      attempts: [],
    });
    expect((await server.call('GET', '/api/v1/follow-up-lists/mine', t['1002'])).body.entries).toHaveLength(1);
  });

  it('records each attempt against the agent’s own follow-up call to that number', async () => {
    const entry = await entryOf('1001', '13900000001');
    followUpCall('fu-a', '1001', '13900000001', false);
    followUpCall('fu-other', '1002', '13900000001', true);
    followUpCall('fu-wrong-number', '1001', '13900000009', true);
    const attempt = (who: string, callId: string, outcome: string, id = entry.id) =>
      server.call('POST', `/api/v1/follow-up-entries/${id}/attempts`, t[who], { callId, outcome });
    // Done without calling: refused.
    expect((await server.call('POST', `/api/v1/follow-up-entries/${entry.id}/done`, t['1001'], { result: '已告知' })).body).toMatchObject({
      code: 'no_attempt',
    });
    expect((await attempt('1001', 'fu-other', 'answered')).body).toMatchObject({ code: 'not_this_call' });
    expect((await attempt('1001', 'fu-wrong-number', 'answered')).body).toMatchObject({ code: 'not_this_call' });
    expect((await attempt('1001', 'nope', 'answered')).body).toMatchObject({ code: 'not_this_call' });
    expect((await attempt('1001', 'fu-a', 'answered')).body).toMatchObject({ code: 'outcome_mismatch' });
    expect((await attempt('1002', 'fu-other', 'answered')).body).toMatchObject({ code: 'not_your_entry' });
    const first = await attempt('1001', 'fu-a', 'no_answer');
    expect(first.status).toBe(201);
    expect((await attempt('1001', 'fu-a', 'no_answer')).body).toMatchObject({ code: 'attempt_recorded' });
    clock.set(beijing('2026-03-02T14:00'));
    followUpCall('fu-b', '1001', '13900000001', true);
    const second = await attempt('1001', 'fu-b', 'answered');
    expect(second.body.attempts.map((a: { callId: string; outcome: string; agentWorkNumber: string }) => [a.callId, a.outcome, a.agentWorkNumber])).toEqual([
      ['fu-a', 'no_answer', '1001'],
      ['fu-b', 'answered', '1001'],
    ]);
  });

  it('marks a number done with who and when, once', async () => {
    const entry = await entryOf('1001', '13900000001');
    clock.set(beijing('2026-03-02T14:05'));
    const done = await server.call('POST', `/api/v1/follow-up-entries/${entry.id}/done`, t['1001'], { result: '已告知新利率，来电人无异议' });
    expect(done.status).toBe(200);
    expect(done.body.done).toEqual({ at: new Date(beijing('2026-03-02T14:05')).toISOString(), by: '1001', result: '已告知新利率，来电人无异议' });
    expect((await server.call('POST', `/api/v1/follow-up-entries/${entry.id}/done`, t['2001'], { result: 'again' })).body).toMatchObject({
      code: 'entry_done',
    });
    const list = await server.call('GET', `/api/v1/follow-up-lists/${listId}`, t['2001']);
    expect(list.body).toMatchObject({ total: 3, done: 1 });
    const trail = server.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'follow_up_list.%' ORDER BY id").pluck().all();
    expect(trail).toEqual(['follow_up_list.create', 'follow_up_list.attempt', 'follow_up_list.attempt', 'follow_up_list.done']);
    // Done numbers head to the end of the agent's list.
    const mine = await server.call('GET', '/api/v1/follow-up-lists/mine', t['1001']);
    expect(mine.body.entries.map((e: { number: string }) => e.number)).toEqual(['13900000003', '13900000001']);
  });

  it('lets the lead move an undone number to another agent', async () => {
    const entry = await entryOf('1001', '13900000003');
    expect(
      (await server.call('POST', `/api/v1/follow-up-lists/${listId}/assign`, t['2001'], { agent: '1002', entryIds: [entry.id, 99999] })).body,
    ).toMatchObject({ code: 'unknown_entry' });
    const moved = await server.call('POST', `/api/v1/follow-up-lists/${listId}/assign`, t['2001'], { agent: '1002', entryIds: [entry.id] });
    expect(moved.status).toBe(200);
    expect((await server.call('GET', '/api/v1/follow-up-lists/mine', t['1001'])).body.entries).toHaveLength(1);
    expect((await server.call('GET', '/api/v1/follow-up-lists/mine', t['1002'])).body.entries).toHaveLength(2);
  });
});
