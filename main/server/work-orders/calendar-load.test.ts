import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../clock.js';
import { authModule } from '../auth/auth-module.js';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { callNotesModule } from '../call-notes/call-notes-module.js';
import { calendarModule } from './calendar-module.js';
import { workOrdersModule } from './work-orders-module.js';
import { act, createOrder } from './work-orders-test-kit.js';
import { SERVICES } from '../services.js';

const beijing = (iso: string) => Date.parse(`${iso}+08:00`);
const endOf = (day: string) => new Date(Date.parse(`${day}T23:59:59.999+08:00`)).toISOString();
const FIXTURE = JSON.parse(readFileSync(new URL('./fixtures/calendar-2027-test.json', import.meta.url), 'utf8')) as Record<string, unknown> & {
  holidays: Array<Record<string, string>>;
};

const servers: TestServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function start(clock: ManualClock, dataDir?: string): Promise<TestServer> {
  process.env.AGENT_DESK_ADMIN_PASSWORD = 'admin-secret-1';
  try {
    const server = await startTestServer([authModule, calendarModule, workOrdersModule, callNotesModule], { clock, ...(dataDir ? { dataDir } : {}) });
    servers.push(server);
    return server;
  } finally {
    delete process.env.AGENT_DESK_ADMIN_PASSWORD;
  }
}

describe('a year without its holiday notice (2027, from 2026-12-28)', () => {
  it('files complaints and call notes with provisional due dates, and warns the admins', async () => {
    const clock = new ManualClock(beijing('2026-12-28T10:00'));
    const server = await start(clock);
    const agent = await server.login('1001');
    // Mon 12-28: 12-29, 12-30, 12-31, (元旦 Fri 01-01, weekend), 01-04, 01-05.
    const order = await server.call('POST', '/api/v1/work-orders', agent, { category: 'complaint', title: '投诉', description: '跨年', submit: true });
    expect(order.status).toBe(201);
    expect(order.body).toMatchObject({ dueAt: endOf('2027-01-05'), dueProvisional: true });

    const note = await server.call('POST', '/api/v1/call-notes', agent, {
      callId: 'call-ny',
      category: 'complaint',
      topic: '提取到账慢',
      description: '等了两周',
      callbackNumber: '13800138000',
    });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ workOrderDueAt: endOf('2027-01-05'), workOrderDueProvisional: true });
    expect((await server.call('GET', `/api/v1/work-orders/${note.body.workOrderId}`, agent)).body.dueProvisional).toBe(true);
    expect((await server.call('GET', '/api/v1/call-notes?callId=call-ny', agent)).body.callNotes).toHaveLength(1);

    // An order all in 2026 stays final.
    clock.set(beijing('2026-12-21T10:00'));
    expect((await server.call('POST', '/api/v1/work-orders', agent, { category: 'suggestion', title: '建议', description: '年内' })).body).toMatchObject({
      dueAt: endOf('2026-12-23'),
      dueProvisional: false,
    });

    const year = await server.call('GET', '/api/v1/calendar/2027', agent);
    expect(year.body).toMatchObject({ origin: 'statutory', provisional: true, reason: 'official_notice_missing' });
    expect(year.body.holidays.find((h: { name: string }) => h.name === '春节')).toEqual({ name: '春节', from: '2027-02-05', to: '2027-02-08' });
    expect(server.logs.filter((l) => l.event === 'calendar_provisional').map((l) => l.year)).toEqual([2027]);

    // The year flips: the new year and the one after are named again.
    const years = server.ctx.services.require(SERVICES.calendarYears, 'test');
    clock.set(beijing('2027-01-01T00:00:30'));
    years.warnIfProvisional();
    years.warnIfProvisional();
    expect(server.logs.filter((l) => l.event === 'calendar_provisional').map((l) => l.year)).toEqual([2027, 2027, 2028]);
  });

  it('loads the official 2027 file: only the admin, validated, audited, kept across restarts; open provisional orders are recomputed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'agent-desk-calendar-'));
    dirs.push(dataDir);
    const clock = new ManualClock(beijing('2027-02-03T10:00'));
    let server = await start(clock, dataDir);
    const admin = await server.login('9001', 'admin-secret-1');
    const agent = await server.login('1001');
    // Wed 02-03: Thu 02-04, (02-05 … 02-08 off), 02-09 … 02-12.
    const open = await createOrder(server, agent, { category: 'complaint' });
    // Created by the agent: nobody confirms (dispatches) an order they created.
    const resolved = await createOrder(server, agent, { category: 'complaint' });
    expect((await act(server, agent, resolved, 'submit')).status).toBe(200);
    for (const action of ['dispatch', 'accept', 'resolve'] as const) expect((await act(server, admin, resolved, action)).status).toBe(200);
    clock.set(beijing('2026-12-21T10:00'));
    const final2026 = await createOrder(server, agent, { category: 'suggestion' });
    clock.set(beijing('2027-02-03T10:30'));
    for (const id of [open, resolved])
      expect((await server.call('GET', `/api/v1/work-orders/${id}`, agent)).body).toMatchObject({ dueAt: endOf('2027-02-12'), dueProvisional: true });

    const put = (body: unknown, token = admin, year = 2027) => server.call('PUT', `/api/v1/calendar/${year}`, token, body);
    expect((await put(FIXTURE, agent)).status).toBe(403);
    expect((await server.call('PUT', '/api/v1/calendar/2027', undefined, FIXTURE)).status).toBe(401);
    const wrongYear = await put(FIXTURE, admin, 2028);
    expect(wrongYear.body).toMatchObject({ code: 'invalid_request', message: 'invalid body: year 2027 uploaded to /calendar/2028' });
    const twice = await put({ ...FIXTURE, holidays: [...FIXTURE.holidays, { name: '元旦', from: '2027-01-03', to: '2027-01-03' }] });
    expect(twice.status).toBe(400);
    expect(twice.body.message).toContain('2027-01-03 is in two holidays');
    const short = await put({ ...FIXTURE, holidays: FIXTURE.holidays.slice(0, 4) });
    expect(short.body.message).toMatch(/4 holidays: .*5 to 12 entries/);
    const noMidAutumn = await put({ ...FIXTURE, holidays: FIXTURE.holidays.map((h) => (h.name === '中秋节' ? { ...h, from: '2027-09-16' } : h)) });
    expect(noMidAutumn.body).toMatchObject({ code: 'invalid_calendar', message: 'invalid body: statutory days off missing from the holidays: 2027-09-15' });
    const outside = await put({ ...FIXTURE, workingWeekendDays: [{ date: '2026-02-14', for: '春节' }] });
    expect(outside.body.message).toContain('2026-02-14 is not in 2027');
    expect((await server.call('GET', '/api/v1/calendar/2027', admin)).body.provisional).toBe(true);

    const loaded = await put(FIXTURE);
    expect(loaded.status).toBe(200);
    expect(loaded.body).toMatchObject({ year: 2027, origin: 'uploaded', provisional: false, reason: null, recomputedWorkOrders: [open] });
    // With the official 春节 (02-05 … 02-12 off): 02-04, 02-15, 02-16, 02-17, 02-18.
    expect((await server.call('GET', `/api/v1/work-orders/${open}`, agent)).body).toMatchObject({ dueAt: endOf('2027-02-18'), dueProvisional: false });
    expect((await server.call('GET', `/api/v1/work-orders/${resolved}`, agent)).body).toMatchObject({ dueAt: endOf('2027-02-12'), dueProvisional: true });
    expect((await server.call('GET', `/api/v1/work-orders/${final2026}`, agent)).body).toMatchObject({ dueAt: endOf('2026-12-23'), dueProvisional: false });
    // New orders use it at once: Wed 02-03 inquiry → 02-04, 02-15, 02-16.
    clock.set(beijing('2027-02-03T11:00'));
    expect((await server.call('POST', '/api/v1/work-orders', agent, { category: 'inquiry', title: '咨询', description: '额度' })).body).toMatchObject({
      dueAt: endOf('2027-02-16'),
      dueProvisional: false,
    });

    const audit = await server.call('GET', '/api/v1/audit?entityType=calendar_year', admin);
    expect(audit.body.entries.map((e: { action: string; entityId: string }) => [e.action, e.entityId])).toEqual([['calendar.load', '2027']]);
    const recomputed = await server.call('GET', `/api/v1/audit?entityType=work_order&entityId=${open}`, admin);
    expect(recomputed.body.entries.find((e: { action: string }) => e.action === 'work_order.due_recomputed')).toMatchObject({
      action: 'work_order.due_recomputed',
      detail: { year: 2027, from: endOf('2027-02-12'), to: endOf('2027-02-18'), provisional: false },
    });

    await server.stop();
    servers.splice(0);
    server = await start(clock, dataDir);
    const again = await server.login('9001', 'admin-secret-1');
    expect((await server.call('GET', '/api/v1/calendar/2027', again)).body).toMatchObject({ origin: 'uploaded', provisional: false });
    expect(server.logs.filter((l) => l.event === 'calendar_provisional').map((l) => l.year)).toEqual([2028]);
  });

  it('keeps nothing of a load whose recompute fails: still provisional, nothing stored, the order unchanged', async () => {
    const clock = new ManualClock(beijing('2027-02-03T10:00'));
    const server = await start(clock);
    const admin = await server.login('9001', 'admin-secret-1');
    const open = await createOrder(server, admin, { category: 'complaint' });
    server.ctx.services.require(SERVICES.calendarYears, 'test').onOfficialLoaded(() => {
      throw new Error('disk full');
    });
    expect((await server.call('PUT', '/api/v1/calendar/2027', admin, FIXTURE)).status).toBe(500);
    expect((await server.call('GET', '/api/v1/calendar/2027', admin)).body).toMatchObject({ origin: 'statutory', provisional: true });
    expect(server.db.prepare('SELECT COUNT(*) FROM calendar_years').pluck().get()).toBe(0);
    expect((await server.call('GET', `/api/v1/work-orders/${open}`, admin)).body).toMatchObject({ dueAt: endOf('2027-02-12'), dueProvisional: true });
    expect((await server.call('GET', '/api/v1/audit?entityType=calendar_year', admin)).body.entries).toEqual([]);
  });
});
