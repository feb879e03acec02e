import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { authModule } from '../auth/auth-module.js';
import { calendarModule } from '../work-orders/calendar-module.js';
import { workOrdersModule } from '../work-orders/work-orders-module.js';
import { ManualClock } from '../clock.js';
import { callNotesModule } from './call-notes-module.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const modules = [authModule, calendarModule, workOrdersModule, callNotesModule];

describe('call notes (§2.4-4/5/7)', () => {
  it('saves a confirmed complaint with its restatement and opens a work order due in 5 working days', async () => {
    // Wednesday 2026-09-30 10:00 in Beijing: 国庆 (Oct 1–7) and the 调休 Saturday Oct 10 follow.
    const clock = new ManualClock(Date.parse('2026-09-30T10:00:00+08:00'));
    server = await startTestServer(modules, { clock });
    const token = await server.login('1001');
    const created = await server.call('POST', '/api/v1/call-notes', token, {
      callId: 'call-abc',
      category: 'complaint',
      topic: '提取业务办理慢',
      description: '在城西网点等候两小时',
      callerName: '王先生',
      callerNumber: '13800138000',
      callbackNumber: '13800138000',
    });
    expect(created.status).toBe(201);
    expect(created.body.restatement).toContain('您这次来电是投诉，关于“提取业务办理慢”');
    expect(created.body.workOrderId).toEqual(expect.any(Number));
    // Working days after Sep 30: Oct 8 (Thu), Oct 9 (Fri), Oct 10 (调休 Sat), Oct 12 (Mon), Oct 13 (Tue).
    expect(created.body.workOrderDueAt).toBe(new Date('2026-10-13T23:59:59.999+08:00').toISOString());
    expect(created.body.workOrderDueProvisional).toBe(false);

    const order = await server.call('GET', `/api/v1/work-orders/${created.body.workOrderId}`, token);
    expect(order.body).toMatchObject({ category: 'complaint', state: 'pending_approval', callId: 'call-abc', callbackNumber: '13800138000' });

    const byCall = await server.call('GET', '/api/v1/call-notes?callId=call-abc', token);
    expect(byCall.body.callNotes).toHaveLength(1);
  });

  it('keeps an answered query as a note only, and opens an order for an unanswered inquiry', async () => {
    server = await startTestServer(modules);
    const token = await server.login('1002');
    const query = await server.call('POST', '/api/v1/call-notes', token, { category: 'query', topic: '账户余额', answeredOnCall: true });
    expect(query.status).toBe(201);
    expect(query.body.workOrderId).toBeNull();
    const unanswered = { category: 'inquiry', topic: '异地贷款政策', description: '需业务科室确认', answeredOnCall: false };
    // An order promises a reply: without a number to reply to it is refused, field marked, nothing saved.
    const noNumber = await server.call('POST', '/api/v1/call-notes', token, unanswered);
    expect(noNumber.status).toBe(400);
    expect(noNumber.body.details).toEqual([expect.objectContaining({ path: 'callbackNumber', code: 'required' })]);
    const inquiry = await server.call('POST', '/api/v1/call-notes', token, { ...unanswered, callbackNumber: '0571-8888 1234' });
    expect(inquiry.body.workOrderId).toEqual(expect.any(Number));
    const mine = await server.call('GET', '/api/v1/call-notes', token);
    expect(mine.body.callNotes.map((n: { topic: string }) => n.topic)).toEqual(['异地贷款政策', '账户余额']);
  });

  it('refuses bad input and other roles without saving anything', async () => {
    server = await startTestServer(modules);
    const token = await server.login('1003');
    const bad = await server.call('POST', '/api/v1/call-notes', token, { category: 'gossip', topic: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/category/);
    const handler = await server.login('3001');
    expect((await server.call('POST', '/api/v1/call-notes', handler, { category: 'query', topic: 'x' })).status).toBe(403);
    expect((await server.call('POST', '/api/v1/call-notes', undefined, { category: 'query', topic: 'x' })).status).toBe(401);
    expect((await server.call('GET', '/api/v1/call-notes', token)).body.callNotes).toEqual([]);
  });

  // Issue 12 item 6: a call id is no key to another agent's note.
  it('shows the notes of a call to its own agent and to the team lead, never to another agent', async () => {
    server = await startTestServer(modules);
    const author = await server.login('1004');
    const note = await server.call('POST', '/api/v1/call-notes', author, {
      callId: 'call-private',
      category: 'query',
      topic: '贷款进度',
      callerName: '赵女士',
      answeredOnCall: true,
    });
    expect(note.status).toBe(201);
    const other = await server.login('1005');
    expect((await server.call('GET', '/api/v1/call-notes?callId=call-private', other)).body.callNotes).toEqual([]);
    expect((await server.call('GET', '/api/v1/call-notes?callId=call-private', author)).body.callNotes).toHaveLength(1);
    const lead = await server.login('2001');
    expect((await server.call('GET', '/api/v1/call-notes?callId=call-private', lead)).body.callNotes.map((n: { callerName: string }) => n.callerName)).toEqual([
      '赵女士',
    ]);
  });
});
