import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { authModule } from '../auth/auth-module.js';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { ManualClock } from '../clock.js';
import { metricsModule } from './metrics-module.js';
import { XLSX_CONTENT_TYPE } from './metrics-routes.js';
import { insertCall, insertWorkOrder, sh } from './metrics-test-kit.js';

let server: TestServer;
let lead: string;
const S = 1000;

beforeAll(async () => {
  server = await startTestServer([authModule, metricsModule], { clock: new ManualClock(sh('2026-03-02T18:00:00')) });
  const db = server.ctx.db;
  const agent = db.prepare("SELECT id FROM users WHERE work_number = '1001'").pluck().get() as number;
  // 2026-03-02: two answered calls (wait 20 s + 40 s, talk 100 s + 200 s, ACW 10 s + 50 s, surveys 1 and 3),
  // one abandoned while ringing, one IVR-only; 3 offered. A complaint.
  const answered = (id: string, at: string, wait: number, talk: number, acw: number, survey: 1 | 3) => {
    const arrivedAt = sh(at);
    const answeredAt = arrivedAt + wait * S;
    const hungUpAt = answeredAt + talk * S;
    insertCall(db, {
      id,
      arrivedAt,
      offered: true,
      queuedAt: arrivedAt,
      answeredAt,
      agentId: agent,
      hungUpAt,
      acwStartedAt: hungUpAt,
      acwEndedAt: hungUpAt + acw * S,
      survey,
    });
  };
  answered('h1', '2026-03-02T09:00:00', 20, 100, 10, 1);
  answered('h2', '2026-03-02T10:00:00', 40, 200, 50, 3);
  insertCall(db, {
    id: 'h3',
    arrivedAt: sh('2026-03-02T11:00:00'),
    offered: true,
    queuedAt: sh('2026-03-02T11:00:00'),
    abandonedAt: sh('2026-03-02T11:00:30'),
    abandonStage: 'ringing',
  });
  insertCall(db, { id: 'h4', arrivedAt: sh('2026-03-02T12:00:00') });
  insertWorkOrder(db, sh('2026-03-02T13:00:00'));
  lead = await server.login('2001'); // the demo team lead
});
afterAll(() => server?.stop());

const get = (path: string, token = lead) => fetch(server.url + path, { headers: { authorization: `Bearer ${token}` } });

describe('GET /api/v1/metrics', () => {
  it('answers the data-standard indicators of a day', async () => {
    const { status, body } = await server.call('GET', '/api/v1/metrics?period=day&date=2026-03-02', lead);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      centerCode: '330100',
      period: 'day',
      start: '2026-03-02T00:00:00+08:00',
      end: '2026-03-03T00:00:00+08:00',
      timeZone: 'Asia/Shanghai',
    });
    expect(body.indicators).toEqual({
      callTotal: 4,
      callavg: 2.5, // (100 + 200) s / 2 = 150 s
      callconnect: 66.67, // 2 / 3
      ABNcalls: 50, // 1 / 2
      waittimeavg: 0.5, // (20 + 40) s / 2 = 30 s
      acwavg: 0.5, // (10 + 50) s / 2 = 30 s
      complntrate: 50, // 1 / 2
      satisrate: 50, // 1 / 2
    });
    expect(body.flags).toMatchObject({ callconnect: 'breach', waittimeavg: 'ok', acwavg: 'ok', satisrate: 'breach' });
    expect(body.raw).toMatchObject({ offered: 3, answered: 2, abandoned: 1, complaints: 1 });
  });

  it('defaults to today in the center zone', async () => {
    const { body } = await server.call('GET', '/api/v1/metrics', lead);
    expect(body).toMatchObject({ period: 'day', label: '2026-03-02' });
  });

  it('exports CSV with the data-standard headers', async () => {
    const response = await get('/api/v1/metrics?period=day&date=2026-03-02&format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="metrics-330100-day-2026-03-02.csv"');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('名称,字段名,值,单位');
    expect(lines).toContain('呼叫量,callTotal,4,');
    expect(lines).toContain('接通率,callconnect,66.67,百分数(100%)');
    expect(lines).toContain('平均等待时间,waittimeavg,0.50,分钟');
    expect(lines).toContain('呼损率,ABNcalls,50.00,百分数(100%)');
    expect(lines).toHaveLength(9);
  });

  it('exports XLSX that reads back with the same cells', async () => {
    const response = await get('/api/v1/metrics?period=week&date=2026-03-02&format=xlsx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX_CONTENT_TYPE);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="metrics-330100-week-2026-W10.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('统计监管指标')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '名称', '字段名', '值', '单位']);
    expect(sheet.getCell('A2').value).toBe('呼叫量');
    expect(sheet.getCell('C2').value).toBe(4);
    expect(sheet.getCell('B4').value).toBe('callconnect');
    expect(sheet.getCell('C4').value).toBe(66.67);
    expect(sheet.getCell('D4').value).toBe('百分数(100%)');
    expect(sheet.getCell('B9').value).toBe('satisrate');
    expect(sheet.getCell('C9').value).toBe(50);
    const about = workbook.getWorksheet('说明')!;
    expect(about.getCell('B3').value).toBe('2026-W10');
  });

  it('rejects bad parameters with a 400 that names them', async () => {
    const bad = async (query: string) => (await server.call('GET', `/api/v1/metrics${query}`, lead)).body;
    expect(await bad('?period=quarter')).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/period/) });
    expect(await bad('?date=2026-02-30')).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/date: expected a real date/) });
    expect(await bad('?format=pdf')).toMatchObject({ message: expect.stringMatching(/format/) });
    expect(await bad('?bogus=1')).toMatchObject({ code: 'invalid_request' });
    expect((await server.call('GET', '/api/v1/metrics?date=2026-2-3', lead)).status).toBe(400);
  });

  it('lets only team leads, admins and supervisors read the figures', async () => {
    expect((await server.call('GET', '/api/v1/metrics')).status).toBe(401);
    const agent = await server.login('1001');
    expect((await server.call('GET', '/api/v1/metrics', agent)).status).toBe(403);
    expect((await server.call('GET', '/api/v1/metrics/series?from=2026-03-01&to=2026-03-02', agent)).status).toBe(403);
    expect((await server.call('GET', '/api/v1/metrics/attendance', agent)).status).toBe(403);
  });
});

describe('GET /api/v1/metrics/series', () => {
  it('gives one row per day', async () => {
    const { status, body } = await server.call('GET', '/api/v1/metrics/series?period=day&from=2026-03-01&to=2026-03-03', lead);
    expect(status).toBe(200);
    expect(body.rows.map((r: { label: string; indicators: { callTotal: number } }) => [r.label, r.indicators.callTotal])).toEqual([
      ['2026-03-01', 0],
      ['2026-03-02', 4],
      ['2026-03-03', 0],
    ]);
    expect(body.rows[0].indicators.callconnect).toBeNull();
  });

  it('rejects a reversed or missing range', async () => {
    expect((await server.call('GET', '/api/v1/metrics/series?from=2026-03-03&to=2026-03-01', lead)).body.message).toMatch(/from must not be after to/);
    expect((await server.call('GET', '/api/v1/metrics/series?from=2026-03-03', lead)).status).toBe(400);
  });
});

describe('GET /api/v1/metrics/attendance', () => {
  it('lists the demo agents for the day', async () => {
    const { status, body } = await server.call('GET', '/api/v1/metrics/attendance?period=day&date=2026-03-02', lead);
    expect(status).toBe(200);
    expect(body.agents.map((a: { workNumber: string }) => a.workNumber)).toContain('1001');
    expect(body.agents[0].days[0]).toMatchObject({ date: '2026-03-02', status: 'unscheduled', signedInMs: 0 });
    expect((await server.call('GET', '/api/v1/metrics/attendance?period=year', lead)).status).toBe(400);
  });
});
