// Issue 17: "a year of figures in 50 ms". A year of a center (365 days × 2,000 inbound calls) in
// a real server's SQLite file; GET /api/v1/metrics?period=year over loopback HTTP, from the day
// roll-ups of migration 16, with the scan of every call row (the path before) as the peer.
import { createSeededRandom } from '../shared/random/seeded-random.js';
import { startTestServer } from '../main/server/auth/server-test-kit.js';
import { authModule } from '../main/server/auth/auth-module.js';
import { metricsModule } from '../main/server/metrics/metrics-module.js';
import { MetricsService } from '../main/server/metrics/metrics-service.js';
import { DayRollups } from '../main/server/metrics/day-rollups.js';
import { MetricsRepository } from '../main/server/metrics/metrics-repository.js';
import { periodsBetween } from '../shared/metrics/periods.js';
import { ManualClock } from '../main/server/clock.js';
import type { Db } from '../main/server/db/database.js';
import { loadNote, median, percentile, round, type Benchmark, type BenchRow } from './bench-kit.js';

const CALLS_PER_DAY = Number(process.env.METRICS_YEAR_BENCH_CALLS_PER_DAY ?? 2_000);
const YEAR = 2026;
const CENTER = '330100';
const TZ = 'Asia/Shanghai';
const NAME = `metrics year (365 × ${CALLS_PER_DAY} calls)`;
const GOAL = '≤ 50 ms';
const DAY = 86_400_000;
const yearStart = Date.UTC(YEAR, 0, 1) - 8 * 3_600_000; // local midnight in Asia/Shanghai (UTC+8, no DST)

function generate(db: Db): number {
  const rand = createSeededRandom(17);
  const agents = db.prepare("SELECT id FROM users WHERE role = 'agent'").pluck().all() as number[];
  const insert = db.prepare(`INSERT INTO calls (id, center_code, direction, caller, callee, transport, arrived_at, offered_to_agent, offered_at, queued_at,
      answered_at, agent_id, hung_up_at, talk_ended_at, abandoned_at, abandon_stage, acw_ms, acw_count, survey_result, ended_at)
    VALUES (?, ?, 'inbound', '13800000000', '12329', 'udp', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const complaint = db.prepare(
    "INSERT INTO work_orders (center_code, category, created_at, state, submitted_at) VALUES (?, 'complaint', ?, 'pending_approval', ?)",
  );
  let n = 0;
  db.transaction(() => {
    for (let d = 0; d < 365; d++) {
      for (let k = 0; k < CALLS_PER_DAY; k++) {
        const at = yearStart + d * DAY + Math.floor(rand() * DAY);
        const offered = at + 30_000;
        const r = rand();
        const id = `y${n++}`;
        if (r < 0.25)
          insert.run(id, CENTER, at, 0, null, null, null, null, at + 60_000, null, rand() < 0.2 ? at + 60_000 : null, null, 0, 0, null, at + 60_000);
        else if (r < 0.33)
          insert.run(
            id,
            CENTER,
            at,
            1,
            offered,
            offered,
            null,
            null,
            null,
            null,
            offered + 40_000,
            rand() < 0.7 ? 'queue' : 'ringing',
            0,
            0,
            null,
            offered + 40_000,
          );
        else {
          const answered = offered + Math.floor(rand() * 60_000);
          const talkEnd = answered + 60_000 + Math.floor(rand() * 300_000);
          const acw = Math.floor(rand() * 50_000);
          const survey = rand() < 0.6 ? 1 + Math.floor(rand() * 3) : null;
          insert.run(id, CENTER, at, 1, offered, offered, answered, agents[n % agents.length]!, talkEnd, talkEnd, null, null, acw, 1, survey, talkEnd + acw);
          if (rand() < 0.004) complaint.run(CENTER, talkEnd, talkEnd);
        }
      }
    }
  })();
  return n;
}

function timed(runs: number, fn: () => unknown): number[] {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return ms;
}

async function timedAsync(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return ms;
}

const stats = (ms: number[]) => `${round(median(ms), 2)} / ${round(percentile(ms, 99), 2)}`;

const benchmark: Benchmark = {
  name: NAME,
  async run() {
    // Now is the afternoon of the year's last day: 364 closed days and today's live rows.
    const clock = new ManualClock(Date.UTC(YEAR, 11, 31, 7));
    const server = await startTestServer([authModule, metricsModule], { clock });
    try {
      const db = server.ctx.db;
      const t0 = performance.now();
      const calls = generate(db);
      const genS = (performance.now() - t0) / 1000;
      db.exec('ANALYZE');
      const lead = await server.login('2001');
      const get = async (query: string) => {
        const response = await fetch(`${server.url}/api/v1/metrics${query}`, { headers: { authorization: `Bearer ${lead}` } });
        if (response.status !== 200) throw new Error(`GET ${query}: ${response.status}`);
        return (await response.json()) as { raw: { callTotal: number }; rows?: unknown[] };
      };
      const rows: BenchRow[] = [{ benchmark: NAME, metric: 'generate + insert', value: round(genS, 1), unit: 's', note: `${calls} calls` }];
      const year = `?period=year&date=${YEAR}-06-15`;
      const cold = await timedAsync(1, () => get(year));
      rows.push({
        benchmark: NAME,
        metric: 'GET year, first request (computes and keeps 364 days)',
        value: round(cold[0]!, 1),
        unit: 'ms',
        note: 'once after start or after a migration; the figures below are with the days kept',
      });
      const check = await get(year);
      if (check.raw.callTotal !== calls) throw new Error(`year callTotal ${check.raw.callTotal} ≠ ${calls}`);
      const periods = [
        ['year', year, 30],
        ['month', `?period=month&date=${YEAR}-06-15`, 30],
        ['week', `?period=week&date=${YEAR}-06-15`, 30],
        ['day (today, live rows)', `?period=day&date=${YEAR}-12-31`, 30],
      ] as const;
      // The peer: the same report from a scan of every call row (the path before the roll-ups), in process.
      const oracle = new MetricsService({ db, clock, centerCode: CENTER, timeZone: TZ });
      for (const [label, query, runs] of periods) {
        await get(query);
        const http = await timedAsync(runs, () => get(query));
        const kind = label.split(' ')[0] as 'year' | 'month' | 'week' | 'day';
        const date = query.slice(-10);
        const scan = timed(label === 'year' ? 5 : runs, () => oracle.reportFromRows(kind, date));
        const inProcess = timed(runs, () => oracle.report(kind, date));
        rows.push({
          benchmark: NAME,
          metric: `GET ${label} over HTTP, median / p99 of ${runs}`,
          value: stats(http),
          unit: 'ms',
          goal: GOAL,
          peer: `row scan ${stats(scan)} ms (in process)`,
          ratio: `${round(median(scan) / median(http), 0)}× faster`,
          note: `roll-ups in process ${stats(inProcess)} ms; ${loadNote()}`,
        });
      }
      const series = `/series?period=day&from=${YEAR}-01-01&to=${YEAR}-12-31`;
      await get(series);
      const seriesMs = await timedAsync(10, () => get(series));
      const seriesCpu: number[] = [];
      for (let i = 0; i < 10; i++) {
        const c = process.cpuUsage();
        await get(series);
        const d = process.cpuUsage(c);
        seriesCpu.push((d.user + d.system) / 1000);
      }
      rows.push({
        benchmark: NAME,
        metric: 'GET day series of the year (365 rows), median / p99 of 10',
        value: stats(seriesMs),
        unit: 'ms',
        goal: GOAL,
        note: `CPU per request (server and client share this process) median ${round(median(seriesCpu), 1)} ms; ${loadNote()}`,
      });
      // The series' raw counts alone, CPU time (less skewed by a loaded machine than wall time):
      // one read of the kept days (seriesCounts) against one SQL sum per day (rawCountsOf, before).
      const rollups = new DayRollups(db, new MetricsRepository(db, CENTER), CENTER, TZ);
      const days = periodsBetween('day', `${YEAR}-01-01`, `${YEAR}-12-31`, TZ);
      const cpuMs = (fn: () => unknown) => {
        const out: number[] = [];
        for (let i = 0; i < 11; i++) {
          const c = process.cpuUsage();
          fn();
          const d = process.cpuUsage(c);
          out.push((d.user + d.system) / 1000);
        }
        return median(out);
      };
      const one = cpuMs(() => rollups.seriesCounts(days, clock.now()));
      const each = cpuMs(() => rollups.rawCountsOf(days, clock.now()));
      rows.push({
        benchmark: NAME,
        metric: 'raw counts of the 365-day series, CPU ms (median of 11)',
        value: round(one, 2),
        unit: 'ms',
        peer: `one SQL sum per day (before): ${round(each, 2)} ms`,
        ratio: `${round(one / each, 2)}×`,
        note: `one read of the kept days + today's live rows; ${loadNote()}`,
      });
      return rows;
    } finally {
      await server.stop();
    }
  },
};
export default benchmark;
