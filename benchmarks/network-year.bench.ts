// Issue 16: "the ministry's year figures over 340 centers × 365 days answer in under 50 ms". A
// ministry server with a year of day rows from every prefecture-level center of the bundled GB/T
// 2260 table, each kept through the feed's own store (so the month sums are the ones the feed
// keeps); GET /api/v1/network/overview?period=year over loopback HTTP and in process, with the
// sum of every day row (no month sums) as the peer.
import { createSeededRandom } from '../shared/random/seeded-random.js';
import { startTestServer } from '../main/server/auth/server-test-kit.js';
import { authModule } from '../main/server/auth/auth-module.js';
import { networkModule } from '../main/server/network/network-module.js';
import { NetworkDayStore } from '../main/server/network/network-day-store.js';
import { NetworkOverview } from '../main/server/network/network-overview.js';
import { NetworkRegistry } from '../main/server/network/network-registry.js';
import { ALL_COUNT_COLUMNS, SUM_SELECT } from '../main/server/network/network-columns.js';
import { RAW_COUNT_FIELDS } from '../shared/metrics/raw-counts.js';
import { ManualClock } from '../main/server/clock.js';
import { provinceOf, regionsOfLevel } from '../shared/regions/gbt2260.js';
import { addDays } from '../shared/time/local-date.js';
import { median, percentile, round, type Benchmark, type BenchRow } from './bench-kit.js';

const YEAR = 2026;
const RUNS = 15;
/** Requests before timing: the first after a 124 100-row load meet a cold JIT and a busy collector. */
const WARM_UP = 5;
const centers = regionsOfLevel('center');
const NAME = `network year (${centers.length} centers × 365 days)`;
const GOAL = '≤ 50 ms';

const stats = (ms: number[]) => `${round(median(ms), 2)} / ${round(percentile(ms, 99), 2)}`;

async function timed(fn: () => unknown): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return ms;
}

const benchmark: Benchmark = {
  name: NAME,
  async run() {
    const clock = new ManualClock(Date.UTC(YEAR, 11, 31, 7));
    const server = await startTestServer([authModule, networkModule], {
      clock,
      config: { mode: 'ministry', areaCode: '000000', logLevel: 'silent', adminPassword: 'bench-admin-1' },
    });
    try {
      const db = server.ctx.db;
      const store = new NetworkDayStore(db);
      const rand = createSeededRandom(16);
      const dayOf = (d: string) => {
        const callTotal = 200 + Math.floor(rand() * 2000);
        const offered = Math.floor(callTotal * 0.75);
        const answered = Math.floor(offered * 0.9);
        const responses = Math.floor(answered * 0.6);
        return {
          date: d,
          revision: 1,
          counts: {
            callTotal,
            offered,
            answered,
            abandoned: offered - answered,
            abandonedIvr: Math.floor(callTotal * 0.05),
            talkMsSum: answered * 180_000,
            waitMsSum: answered * 12_000,
            acwMsSum: answered * 25_000,
            acwCount: answered,
            complaints: Math.floor(answered * 0.004),
            surveyResponses: responses,
            surveySatisfied: Math.floor(responses * 0.97),
          },
        };
      };
      // Every center's year as rows, then the month sums rebuilt in one statement each (what a
      // year of uploads leaves); one more center's year through put(), timed per day.
      const t0 = performance.now();
      const columns = ['code', 'date', 'province_code', 'revision', 'has_attendance', ...ALL_COUNT_COLUMNS.slice(0, 12), 'received_at'];
      const insert = db.prepare(`INSERT INTO network_days (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      db.transaction(() => {
        for (const code of centers.slice(1)) {
          for (let d = `${YEAR}-01-01`; d <= `${YEAR}-12-31`; d = addDays(d, 1)) {
            const day = dayOf(d);
            insert.run(code, d, provinceOf(code), 1, 0, ...RAW_COUNT_FIELDS.map((f) => day.counts[f]), 0);
          }
        }
      })();
      store.rebuildMonths();
      const loadS = (performance.now() - t0) / 1000;
      const t1 = performance.now();
      for (let d = `${YEAR}-01-01`; d <= `${YEAR}-12-31`; d = addDays(d, 1)) store.put(centers[0]!, dayOf(d), clock.now());
      const putMs = (performance.now() - t1) / 365;
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.exec('ANALYZE');
      const rows: BenchRow[] = [
        {
          benchmark: NAME,
          metric: 'load 339 centers × 365 days, rebuild the month sums',
          value: round(loadS, 1),
          unit: 's',
          note: `${centers.length * 365} days in all`,
        },
        { benchmark: NAME, metric: 'keep one uploaded day (put: day row, center and province month sums)', value: round(putMs, 2), unit: 'ms' },
      ];

      const admin = await server.login('9001', 'bench-admin-1');
      const get = async (query: string) => {
        const response = await fetch(`${server.url}/api/v1/network/overview${query}`, { headers: { authorization: `Bearer ${admin}` } });
        if (response.status !== 200) throw new Error(`GET ${query}: ${response.status}`);
        return (await response.json()) as { rows: unknown[]; total: { counts: { callTotal: number } } };
      };
      const overview = new NetworkOverview({
        mode: 'ministry',
        code: '000000',
        timeZone: 'Asia/Shanghai',
        store,
        registry: new NetworkRegistry(db, 'ministry', '000000'),
        db,
        today: () => `${YEAR}-12-31`,
      });
      const yearQuery = `?period=year&date=${YEAR}-06-15`;
      for (let i = 0; i < WARM_UP; i++) overview.overview({ period: 'year', date: `${YEAR}-06-15` });
      const inProcess = await timed(() => overview.overview({ period: 'year', date: `${YEAR}-06-15` }));
      const first = await get(yearQuery);
      for (let i = 0; i < WARM_UP; i++) await get(yearQuery);
      const http = await timed(() => get(yearQuery));
      // The peer: the same year summed from all 124 100 day rows, without the month sums.
      const peerSql = db.prepare(`SELECT province_code, ${SUM_SELECT} FROM network_days WHERE date >= ? AND date <= ? GROUP BY province_code`);
      const peer = await timed(() => peerSql.all(`${YEAR}-01-01`, `${YEAR}-12-31`));
      const peerTotal = (peerSql.all(`${YEAR}-01-01`, `${YEAR}-12-31`) as Array<{ callTotal: number }>).reduce((s, r) => s + r.callTotal, 0);
      if (peerTotal !== first.total.counts.callTotal)
        throw new Error(`the year's total ${first.total.counts.callTotal} differs from the day rows' ${peerTotal}`);
      rows.push({
        benchmark: NAME,
        metric: 'GET ministry year overview (HTTP), median / p99',
        value: stats(http),
        unit: 'ms',
        goal: GOAL,
        peer: `${round(median(peer), 2)} ms (SUM of every day row)`,
        ratio: `${round(median(http) / median(peer), 2)}`,
        note: `${first.rows.length} provinces, ${RUNS} runs`,
      });
      rows.push({ benchmark: NAME, metric: 'ministry year overview in process, median / p99', value: stats(inProcess), unit: 'ms', goal: GOAL });
      const drill = await timed(() => get(`${yearQuery}&under=440000`));
      rows.push({ benchmark: NAME, metric: 'GET year drill-down to one province (HTTP), median', value: round(median(drill), 2), unit: 'ms', goal: GOAL });
      const month = await timed(() => get(`?period=month&date=${YEAR}-06-15`));
      const week = await timed(() => get(`?period=week&date=${YEAR}-06-15`));
      rows.push({
        benchmark: NAME,
        metric: 'GET month / week overview (HTTP), median',
        value: `${round(median(month), 2)} / ${round(median(week), 2)}`,
        unit: 'ms',
        goal: GOAL,
      });
      return rows;
    } finally {
      await server.stop();
    }
  },
};

export default benchmark;
