// The on-time rate and the follow-up survey in the indicator exports, recomputed here from the raw
// rows of a real server's database: JSON, CSV and the XLSX sheet must all say the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { authModule } from '../auth/auth-module.js';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { ManualClock } from '../clock.js';
import { createRandom } from '../gateway/demo-data.js';
import { metricsModule } from './metrics-module.js';
import { insertCall, sh, CENTER } from './metrics-test-kit.js';

let server: TestServer;
let lead: string;
const H = 3600_000;
const DAY_START = sh('2026-03-03T00:00:00');
const DAY_END = sh('2026-03-04T00:00:00');
const CATEGORIES = ['complaint', 'suggestion', 'inquiry'] as const;
const DEPARTMENTS = ['贷款科', '归集科', null];

beforeAll(async () => {
  server = await startTestServer([authModule, metricsModule], { clock: new ManualClock(sh('2026-03-05T18:00:00')) });
  const db = server.ctx.db;
  const rnd = createRandom(11);
  const order = db.prepare(
    'INSERT INTO work_orders (center_code, category, created_at, state, department, due_at, submitted_at, resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  // Orders resolved over three days around the reported one, some after their due time; some still open.
  for (let i = 0; i < 400; i++) {
    const resolvedAt = sh('2026-03-02T00:00:00') + Math.floor(rnd() * 72 * H);
    const open = rnd() < 0.15;
    const created = resolvedAt - Math.floor(rnd() * 120 * H) - 1;
    const due = created + Math.floor(rnd() * 150 * H) + 1;
    const department = DEPARTMENTS[Math.floor(rnd() * 3)]!;
    order.run(
      i % 7 === 0 ? '330200' : CENTER,
      CATEGORIES[Math.floor(rnd() * 3)],
      created,
      open ? 'pending_approval' : 'closed',
      open ? null : department,
      due,
      created,
      open ? null : resolvedAt,
    );
  }
  // Inbound and follow-up calls with survey answers; the follow-ups are more often unhappy.
  for (let i = 0; i < 300; i++) {
    const outbound = rnd() < 0.4;
    const arrivedAt = sh('2026-03-02T00:00:00') + Math.floor(rnd() * 72 * H);
    const answer = rnd() < 0.2 ? undefined : ((outbound ? 1 + Math.floor(rnd() * 3) : rnd() < 0.85 ? 1 : 3) as 1 | 2 | 3);
    insertCall(db, {
      id: `c${i}`,
      arrivedAt,
      direction: outbound ? 'outbound' : 'inbound',
      answeredAt: arrivedAt + 1000,
      hungUpAt: arrivedAt + 60_000,
      ...(answer ? { survey: answer } : {}),
    });
  }
  lead = await server.login('2001');
});
afterAll(() => server?.stop());

/** The figures of 2026-03-03 worked out from SELECT * — the plain definition, row by row. */
function expected() {
  const db = server.ctx.db;
  const orders = (
    db.prepare('SELECT * FROM work_orders').all() as Array<{
      center_code: string;
      category: string;
      department: string | null;
      due_at: number;
      resolved_at: number | null;
    }>
  ).filter((o) => o.center_code === CENTER && o.resolved_at !== null && o.resolved_at >= DAY_START && o.resolved_at < DAY_END);
  const pct = (n: number, d: number) => (d === 0 ? null : Math.round((n * 10_000) / d) / 100);
  const group = (key: (o: (typeof orders)[number]) => string | null) => {
    const keys = [...new Set(orders.map(key))];
    return keys.map((k) => {
      const of = orders.filter((o) => key(o) === k);
      const onTime = of.filter((o) => o.resolved_at! <= o.due_at).length;
      return { key: k, resolved: of.length, onTime, rate: pct(onTime, of.length) };
    });
  };
  const calls = (db.prepare('SELECT * FROM calls').all() as Array<{ direction: string; arrived_at: number; survey_result: number | null }>).filter(
    (c) => c.arrived_at >= DAY_START && c.arrived_at < DAY_END && c.survey_result !== null,
  );
  const survey = (direction: string) => {
    const of = calls.filter((c) => c.direction === direction);
    const satisfied = of.filter((c) => c.survey_result! <= 2).length;
    return { responses: of.length, satisfied, rate: pct(satisfied, of.length) };
  };
  const onTime = orders.filter((o) => o.resolved_at! <= o.due_at).length;
  return {
    onTime: {
      total: { key: null, resolved: orders.length, onTime, rate: pct(onTime, orders.length) },
      byCategory: group((o) => o.category),
      byDepartment: group((o) => o.department),
    },
    inboundSurvey: survey('inbound'),
    followUpSurvey: survey('outbound'),
  };
}

const sortByKey = <T extends { key: string | null }>(rows: T[]) => [...rows].sort((a, b) => String(a.key).localeCompare(String(b.key)));

describe('work-order figures beside the indicators', () => {
  it('reports the on-time rate per category and department and the follow-up survey, as recomputed from the rows', async () => {
    const want = expected();
    expect(want.onTime.total.resolved).toBeGreaterThan(50);
    expect(want.onTime.total.onTime).toBeLessThan(want.onTime.total.resolved); // some were late
    const { status, body } = await server.call('GET', '/api/v1/metrics?period=day&date=2026-03-03', lead);
    expect(status).toBe(200);
    expect(body.workOrders.onTime.total).toEqual(want.onTime.total);
    expect(sortByKey(body.workOrders.onTime.byCategory)).toEqual(sortByKey(want.onTime.byCategory));
    expect(sortByKey(body.workOrders.onTime.byDepartment)).toEqual(sortByKey(want.onTime.byDepartment));
    expect(body.workOrders.inboundSurvey).toEqual(want.inboundSurvey);
    expect(body.workOrders.followUpSurvey).toEqual(want.followUpSurvey);
  });

  it('keeps satisrate the inbound survey alone (DESIGN.md), the follow-up answers reported next to it', async () => {
    const want = expected();
    const { body } = await server.call('GET', '/api/v1/metrics?period=day&date=2026-03-03', lead);
    expect(body.indicators.satisrate).toBe(want.inboundSurvey.rate);
    const pooled =
      Math.round(((want.inboundSurvey.satisfied + want.followUpSurvey.satisfied) * 10_000) / (want.inboundSurvey.responses + want.followUpSurvey.responses)) /
      100;
    expect(pooled).not.toBe(want.inboundSurvey.rate); // the data would show it, had they been mixed
  });

  it('exports the same figures as CSV and on their own XLSX sheet, the eight left as they are', async () => {
    const want = expected();
    const csv = await fetch(`${server.url}/api/v1/metrics/work-orders?period=day&date=2026-03-03&format=csv`, { headers: { authorization: `Bearer ${lead}` } });
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="work-orders-330100-day-2026-03-03.csv"');
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('名称,分组,分子,分母,值,单位');
    const t = want.onTime.total;
    expect(lines[1]).toBe(`办结及时率,合计,${t.onTime},${t.resolved},${t.rate!.toFixed(2)},百分数(100%)`);
    const complaints = want.onTime.byCategory.find((r) => r.key === 'complaint')!;
    expect(lines).toContain(`办结及时率,类别：投诉,${complaints.onTime},${complaints.resolved},${complaints.rate!.toFixed(2)},百分数(100%)`);
    const f = want.followUpSurvey;
    expect(lines.at(-1)).toBe(`回访满意度,回访评价,${f.satisfied},${f.responses},${f.rate!.toFixed(2)},百分数(100%)`);
    expect(lines).toHaveLength(1 + 1 + want.onTime.byCategory.length + want.onTime.byDepartment.length + 2);

    const xlsx = await fetch(`${server.url}/api/v1/metrics?period=day&date=2026-03-03&format=xlsx`, { headers: { authorization: `Bearer ${lead}` } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.getWorksheet('统计监管指标')!.rowCount).toBe(9); // header + the eight, unchanged
    const sheet = workbook.getWorksheet('工单与回访')!;
    expect(sheet.getRow(2).values).toEqual([undefined, '办结及时率', '合计', t.onTime, t.resolved, t.rate, '百分数(100%)']);
    expect(sheet.getRow(sheet.rowCount).values).toEqual([undefined, '回访满意度', '回访评价', f.satisfied, f.responses, f.rate, '百分数(100%)']);
  });
});
