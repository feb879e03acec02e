// GET /api/v1/network/export on a real province server process: its centers fed through the
// feed route with registry-issued tokens, the file downloaded as a province user would, and its
// cells equal to the overview the screen shows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OverviewResponse } from '../../../../shared/api/network.js';
import { emptyRawCounts, type RawCounts } from '../../../../shared/metrics/raw-counts.js';
import { startServerProcess, type ServerProcess } from '../../server-process-test-kit.js';
import { call, registerChild, signIn } from '../network-test-kit.js';

const counts = (offered: number, answered: number, waitSeconds: number): RawCounts => ({
  ...emptyRawCounts(),
  callTotal: offered + 1,
  offered,
  answered,
  abandoned: offered - answered,
  talkMsSum: answered * 90_000,
  waitMsSum: answered * waitSeconds * 1000,
  acwMsSum: answered * 15_000,
  acwCount: answered,
  complaints: 1,
  surveyResponses: answered,
  surveySatisfied: answered - 1,
});

let province: ServerProcess;
let dataDir: string;
let reader: string;

async function download(query: string, token = reader): Promise<Response> {
  return fetch(`${province.url}/api/v1/network/export?${query}`, { headers: { authorization: `Bearer ${token}` } });
}

describe('network export route (province mode, real process)', () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'network-export-'));
    province = await startServerProcess(dataDir, { args: ['--mode', 'province', '--area-code', '330000'] });
    const admin = await signIn(province.url);
    const created = await call(province.url, 'POST', '/api/v1/users', admin, {
      workNumber: '7001',
      displayName: '省监管员',
      role: 'province',
      password: 'province-pass-1',
    });
    expect(created.status).toBe(201);
    reader = await signIn(province.url, '7001', 'province-pass-1');
    const feed = async (code: string, token: string, date: string, day: RawCounts) =>
      expect((await call(province.url, 'PUT', `/api/v1/network/days/${code}/${date}`, token, { revision: 1, counts: day })).status).toBe(200);
    const hangzhou = await registerChild(province.url, admin, '330100');
    const ningbo = await registerChild(province.url, admin, '330200');
    await feed('330100', hangzhou, '2026-11-02', counts(100, 90, 30));
    await feed('330100', hangzhou, '2026-11-03', counts(100, 95, 20));
    await feed('330200', ningbo, '2026-11-02', counts(40, 30, 45));
  }, 60_000);

  afterAll(async () => {
    province?.child.kill('SIGTERM');
    await province?.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('CSV: the overview row by row in the data standard’s fields, 2 decimals, with the total', async () => {
    const overview = (await call(province.url, 'GET', '/api/v1/network/overview?period=week&date=2026-11-04', reader)).body as unknown as OverviewResponse;
    const response = await download('period=week&date=2026-11-04&format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="network-330000-week-2026-11-02.csv"');
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[1]).toBe('areacode,areaname,callTotal,callavg,callconnect,ABNcalls,waittimeavg,acwavg,complntrate,satisrate,reportdays,expectdays');
    const fields = ['callavg', 'callconnect', 'ABNcalls', 'waittimeavg', 'acwavg', 'complntrate', 'satisrate'] as const;
    const expected = overview.rows.map((r) =>
      [r.code, r.name, r.indicators.callTotal, ...fields.map((f) => r.indicators[f]!.toFixed(2)), r.reportedDays, r.expectedDays].join(','),
    );
    expect(lines.slice(2, -1)).toEqual(expected);
    // Hangzhou's week: 185 of 200 answered (92.50 %), 24.9 s of wait (0.41 min), 2 complaints over 185 answers (1.08 %).
    expect(lines[2]).toMatch(/^330100,杭州市,202,1\.50,92\.50,8\.11,0\.41,0\.25,1\.08,98\.92,2,7$/);
    expect(lines.at(-1)!.startsWith(`330000,浙江省合计,${overview.total.indicators.callTotal},`)).toBe(true);
  });

  it('XLSX: the same figures as numbers with the 0.00 format, a month and a day too', async () => {
    const response = await download('period=month&date=2026-11-15&format=xlsx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('network-330000-month-2026-11-01.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const sheet = book.getWorksheet('统计监管指标')!;
    expect(sheet.getRow(3).getCell(1).value).toBe('330100');
    expect(sheet.getRow(3).getCell(5).value).toBe(92.5);
    expect(sheet.getRow(4).getCell(7).value).toBe(0.75); // Ningbo waited 45 s: 0.75 min
    expect(sheet.getColumn(7).numFmt).toBe('0.00');
    const day = await download('period=day&date=2026-11-03&format=csv');
    const dayLines = (await day.text()).trimEnd().split('\r\n');
    expect(dayLines.find((l) => l.startsWith('330200,'))).toBe('330200,宁波市,0,,,,,,,,0,1');
  });

  it('refuses what the overview refuses: no session, a bad format, a province that is not this one', async () => {
    expect((await download('period=day&format=csv', 'not-a-session')).status).toBe(401);
    const bad = await download('period=day&format=pdf');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe('invalid_request');
    expect((await download('period=day&date=2026-11-03&under=320000&format=csv')).status).toBe(400);
  });
});
