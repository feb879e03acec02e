// The team lead's screen: GET /metrics/hours and GET /metrics/agents (JSON, CSV, XLSX) on a real
// server, the calls written by the real call-record writer, every figure recomputed here from
// the script of the calls (not from SQL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { authModule } from '../auth/auth-module.js';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { ManualClock } from '../clock.js';
import { CallRecords } from '../calls/call-records.js';
import { metricsModule } from './metrics-module.js';
import { sh } from './metrics-test-kit.js';
import type { AgentFigures } from '../../../shared/metrics/agent-figures.js';

let server: TestServer;
let lead: string;
const clock = new ManualClock(sh('2026-03-02T18:00:00'));
const S = 1000;
const ids: Record<string, number> = {};

interface Script {
  at: string;
  /** Agents whose ring ran out first. */
  missedBy?: string[];
  /** The agent who answers, after `wait` s; none: the caller abandons after `wait` s. */
  agent?: string;
  wait: number;
  talk?: number;
  acw?: number;
  agentHangsUp?: boolean;
}

const SCRIPT: Script[] = [
  { at: '2026-03-02T09:10:00', missedBy: ['1002'], agent: '1001', wait: 25, talk: 120, acw: 20, agentHangsUp: true },
  { at: '2026-03-02T09:40:00', agent: '1001', wait: 10, talk: 200, acw: 40 },
  { at: '2026-03-02T10:05:00', agent: '1002', wait: 35, talk: 90, acw: 10, agentHangsUp: true },
  { at: '2026-03-02T10:30:00', missedBy: ['1001'], wait: 50 },
  { at: '2026-03-01T15:00:00', agent: '1002', wait: 5, talk: 60, acw: 5 }, // the day before: only in the week
];

function play(records: CallRecords, s: Script, n: number): void {
  clock.set(sh(s.at));
  const call = records.arrive({ id: `s${n}`, caller: '13900000000', callee: '12329', transport: 'udp' });
  call.offered();
  call.queued();
  let waited = 0;
  for (const agent of s.missedBy ?? []) {
    call.ringStarted(ids[agent]!);
    clock.advance(10 * S);
    waited += 10;
    call.ringEnded(ids[agent]!, 'missed');
  }
  if (!s.agent) {
    clock.advance((s.wait - waited) * S);
    call.abandoned('queue');
    call.hungUp('caller');
    call.ended('caller_hangup');
    return;
  }
  call.ringStarted(ids[s.agent]!);
  clock.advance((s.wait - waited) * S);
  call.ringEnded(ids[s.agent]!, 'answered');
  call.answered(ids[s.agent]!);
  clock.advance(s.talk! * S);
  call.talkEnded();
  call.agentLeft(ids[s.agent]!, s.agentHangsUp ? 'agent_hangup' : 'caller_hangup');
  call.hungUp(s.agentHangsUp ? 'agent' : 'caller');
  call.acwStarted(ids[s.agent]!);
  clock.advance(s.acw! * S);
  call.acwEnded(ids[s.agent]!);
  call.ended('hangup');
}

beforeAll(async () => {
  server = await startTestServer([authModule, metricsModule], { clock });
  const db = server.ctx.db;
  for (const w of ['1001', '1002', '1003']) ids[w] = db.prepare('SELECT id FROM users WHERE work_number = ?').pluck().get(w) as number;
  const records = new CallRecords(db, clock, '330100');
  SCRIPT.forEach((s, n) => play(records, s, n));
  // 1001 on a break (示忙) 11:00–11:15 and 12:00–12:30; 1002 signed in all afternoon, never on break.
  const log = db.prepare('INSERT INTO agent_state_log (agent_id, state, reason, at) VALUES (?, ?, ?, ?)');
  log.run(ids['1001'], 'ready', null, sh('2026-03-02T08:55:00'));
  log.run(ids['1001'], 'not_ready', 'break', sh('2026-03-02T11:00:00'));
  log.run(ids['1001'], 'ready', null, sh('2026-03-02T11:15:00'));
  log.run(ids['1001'], 'not_ready', 'lunch', sh('2026-03-02T12:00:00'));
  log.run(ids['1001'], 'signed_out', null, sh('2026-03-02T12:30:00'));
  log.run(ids['1002'], 'ready', null, sh('2026-03-02T08:55:00'));
  clock.set(sh('2026-03-02T18:00:00'));
  lead = await server.login('2001');
});
afterAll(() => server?.stop());

/** The figures of one agent on a date range, from the script. */
function expected(workNumber: string, from: string, to: string): Omit<AgentFigures, 'agentId' | 'displayName' | 'notReadyMs'> {
  const mine = SCRIPT.filter((s) => s.at >= from && s.at < to);
  const answered = mine.filter((s) => s.agent === workNumber);
  return {
    workNumber,
    answered: answered.length,
    talkMsSum: answered.reduce((a, s) => a + s.talk! * S, 0),
    acwMsSum: answered.reduce((a, s) => a + s.acw! * S, 0),
    acwCount: answered.length,
    missedRings: mine.reduce((a, s) => a + (s.missedBy ?? []).filter((w) => w === workNumber).length, 0),
    agentHangups: answered.filter((s) => s.agentHangsUp).length,
  };
}

const download = (path: string) => fetch(server.url + path, { headers: { authorization: `Bearer ${lead}` } });

describe('GET /api/v1/metrics/agents', () => {
  it('gives each agent the figures of the day and of the ISO week', async () => {
    const day = await server.call('GET', '/api/v1/metrics/agents?period=day&date=2026-03-02', lead);
    expect(day.status).toBe(200);
    expect(day.body).toMatchObject({ period: 'day', label: '2026-03-02', start: '2026-03-02T00:00:00+08:00' });
    const byNumber = new Map((day.body.agents as AgentFigures[]).map((a) => [a.workNumber, a]));
    for (const w of ['1001', '1002', '1003']) expect(byNumber.get(w), w).toMatchObject(expected(w, '2026-03-02', '2026-03-03'));
    expect(byNumber.get('1001')!.notReadyMs).toBe((15 + 30) * 60 * S);
    expect(byNumber.get('1002')!.notReadyMs).toBe(0);
    // 2026-03-01 is the Sunday of the week before (ISO weeks start on Monday): the week is the day.
    const week = await server.call('GET', '/api/v1/metrics/agents?period=week&date=2026-03-04', lead);
    expect((week.body.agents as AgentFigures[]).find((a) => a.workNumber === '1002')).toMatchObject(expected('1002', '2026-03-02', '2026-03-09'));
    const month = await server.call('GET', '/api/v1/metrics/agents?period=month&date=2026-03-04', lead);
    expect((month.body.agents as AgentFigures[]).find((a) => a.workNumber === '1002')).toMatchObject(expected('1002', '2026-03-01', '2026-04-01'));
    const year = await server.call('GET', '/api/v1/metrics/agents?period=year&date=2026-03-04', lead);
    expect(year.status).toBe(200);
    expect(year.body.label).toBe('2026');
  });

  it('exports CSV and XLSX with the field names and minutes', async () => {
    const csv = await download('/api/v1/metrics/agents?period=day&date=2026-03-02&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="metrics-agents-330100-day-2026-03-02.csv"');
    const lines = new TextDecoder('utf-8', { ignoreBOM: true })
      .decode(await csv.arrayBuffer())
      .slice(1)
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('工号,姓名,接听量,平均通话时长(分钟),平均话后处理时间(分钟),示忙时长(分钟),未接振铃,先于来电人挂机');
    expect(lines[1]).toBe('workNumber,displayName,answered,callavg,acwavg,notReadyTime,missedRings,agentHangups');
    // 1001: 2 calls, talk (120 + 200) / 2 = 160 s = 2.67 min, ACW (20 + 40) / 2 = 30 s = 0.50 min, 45 min 示忙, 1 missed, 1 hang-up first.
    const row1001 = lines.find((l) => l.startsWith('1001,'))!;
    expect(row1001.split(',').slice(2)).toEqual(['2', '2.67', '0.50', '45.00', '1', '1']);
    const xlsx = await download('/api/v1/metrics/agents?period=day&date=2026-03-02&format=xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.getWorksheet('坐席')!;
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      'workNumber',
      'displayName',
      'answered',
      'callavg',
      'acwavg',
      'notReadyTime',
      'missedRings',
      'agentHangups',
    ]);
    const r = [3, 4, 5, 6].map((i) => sheet.getRow(i)).find((row) => row.getCell(1).value === '1001')!;
    expect([r.getCell(3).value, r.getCell(4).value, r.getCell(5).value, r.getCell(6).value]).toEqual([2, 2.67, 0.5, 45]);
  });

  it('refuses a bad period and agents', async () => {
    expect((await server.call('GET', '/api/v1/metrics/agents?period=decade', lead)).status).toBe(400);
    const agent = await server.login('1001');
    expect((await server.call('GET', '/api/v1/metrics/agents', agent)).status).toBe(403);
  });
});

describe('GET /api/v1/metrics/hours', () => {
  it('cuts the day into 24 local hours whose counts add up to the day', async () => {
    const { status, body } = await server.call('GET', '/api/v1/metrics/hours?date=2026-03-02', lead);
    expect(status).toBe(200);
    expect(body.hours).toHaveLength(24);
    expect(body.hours[9]).toMatchObject({ hour: 9, start: '2026-03-02T09:00:00+08:00' });
    // 09:00: two answered, waits 25 s and 10 s → 17.5 s = 0.29 min; 10:00: one answered, one abandoned.
    expect(body.hours[9].raw).toMatchObject({ callTotal: 2, offered: 2, answered: 2, waitMsSum: 35 * S });
    expect(body.hours[9].indicators.waittimeavg).toBe(0.29);
    expect(body.hours[10].raw).toMatchObject({ callTotal: 2, answered: 1, abandoned: 1 });
    const day = (await server.call('GET', '/api/v1/metrics?period=day&date=2026-03-02', lead)).body;
    for (const f of Object.keys(day.raw))
      expect(
        body.hours.reduce((a: number, h: { raw: Record<string, number> }) => a + h.raw[f]!, 0),
        f,
      ).toBe(day.raw[f]);
    expect((await server.call('GET', '/api/v1/metrics/hours?date=2026-02-30', lead)).status).toBe(400);
  });
});
