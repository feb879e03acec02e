import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { authModule } from '../auth/auth-module.js';
import { calendarModule } from '../work-orders/calendar-module.js';
import { workOrdersModule } from '../work-orders/work-orders-module.js';
import { ManualClock } from '../clock.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

function openSocket(url: string): Promise<{ socket: WebSocket; messages: Array<{ type: string }>; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const messages: Array<{ type: string }> = [];
    const closed = new Promise<number>((done) => socket.on('close', (code) => done(code)));
    socket.on('message', (data) => messages.push(JSON.parse(String(data)) as { type: string }));
    socket.once('open', () => resolve({ socket, messages, closed }));
    socket.once('error', reject);
  });
}

describe('/api/v1/events', () => {
  it('sends only public events without a token, domain events to those allowed, and closes on a bad token', async () => {
    server = await startTestServer([authModule, calendarModule, workOrdersModule]);
    const ws = server.url.replace('http', 'ws');
    const anonymous = await openSocket(`${ws}/api/v1/events`);
    const agent = await openSocket(`${ws}/api/v1/events?token=${await server.login('1001')}`);
    const otherDepartment = await openSocket(`${ws}/api/v1/events?token=${await server.login('3002')}`);

    const agentToken = await server.login('1003');
    const created = await fetch(`${server.url}/api/v1/work-orders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${agentToken}` },
      body: JSON.stringify({ category: 'complaint', title: '窗口服务态度', description: '来电人反映窗口人员态度差', callerNumber: '13800138000' }),
    });
    expect(created.status).toBe(201);
    await expect.poll(() => agent.messages.map((m) => m.type)).toContain('work-order.changed');
    expect(anonymous.messages.map((m) => m.type)).toEqual(['hello']);
    expect(otherDepartment.messages.map((m) => m.type)).toEqual(['hello']);

    const bad = await openSocket(`${ws}/api/v1/events?token=${'x'.repeat(43)}`);
    expect(await bad.closed).toBe(4401);
    for (const s of [anonymous, agent, otherDepartment]) s.socket.close();
  });

  // Issue 12 item 6: a session that ended must stop streaming at once.
  it('closes a socket with 4401 when its session logs out, and another when its session expires', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 5, 1));
    server = await startTestServer([authModule, calendarModule, workOrdersModule], { clock });
    const ws = server.url.replace('http', 'ws');
    const token = await server.login('1001');
    const leaving = await openSocket(`${ws}/api/v1/events?token=${token}`);
    const staying = await openSocket(`${ws}/api/v1/events?token=${await server.login('1001')}`);
    expect((await server.call('POST', '/api/v1/auth/logout', token)).status).toBe(204);
    expect(await leaving.closed).toBe(4401);
    server.ctx.events.publish({ type: 'hello', version: 'x', serverTime: new Date().toISOString() });
    await expect.poll(() => staying.messages.length).toBe(2);
    expect(leaving.messages).toHaveLength(1);

    // 13 idle hours: the session is over, and the next event does not reach it.
    clock.advance(13 * 60 * 60_000);
    server.ctx.events.publish({ type: 'hello', version: 'y', serverTime: new Date().toISOString() });
    expect(await staying.closed).toBe(4401);
    expect(staying.messages).toHaveLength(2);
  });
});
