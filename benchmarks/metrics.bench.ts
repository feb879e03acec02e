import { createSeededRandom } from '../shared/random/seeded-random.js';
// One year of a large center (3,000,000 inbound calls) in a temp SQLite file; times the 8
// indicators of a day, an ISO week, a month and the year through MetricsService (median of 5).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, openDatabase, type Db } from '../main/server/db/database.js';
import { MetricsRepository } from '../main/server/metrics/metrics-repository.js';
import { MetricsService } from '../main/server/metrics/metrics-service.js';
import { ManualClock } from '../main/server/clock.js';
import { loadNote, median, round, type Benchmark, type BenchRow } from './bench-kit.js';

// METRICS_BENCH_CALLS lets a quick smoke run use fewer calls; the reported figures use 3,000,000.
const CALLS = Number(process.env.METRICS_BENCH_CALLS ?? 3_000_000);
const YEAR = 2026;
const RUNS = 5;
const CENTER = '330100';
const TZ = 'Asia/Shanghai';
const AGENTS = 150;
const NAME = 'metrics (3M calls / year)';
// The shape of MetricsRepository's calls query, for EXPLAIN QUERY PLAN (which index, covering or not).
const CALLS_PLAN_PROBE =
  "SELECT COUNT(answered_at), TOTAL(survey_result) FROM calls INDEXED BY calls_metrics WHERE center_code = ? AND arrived_at >= ? AND arrived_at < ? AND direction = 'inbound'";

// Relative call volume by local hour (a 12329 line peaks mid-morning and early afternoon).
const HOUR_WEIGHTS = [1, 0.5, 0.3, 0.3, 0.3, 0.5, 1, 3, 9, 14, 15, 12, 7, 9, 13, 13, 11, 8, 4, 3, 2.5, 2, 1.5, 1];
const WEEKDAY_WEIGHTS = [0.45, 1.15, 1.05, 1, 1, 1.1, 0.55]; // Sunday … Saturday

function generate(db: Db): number {
  const rand = createSeededRandom(12329);
  const insertUser = db.prepare(
    "INSERT INTO users (work_number, display_name, role, center_code, password_hash, created_at) VALUES (?, ?, 'agent', ?, 'x', 0)",
  );
  const insertCall = db.prepare(`INSERT INTO calls (id, center_code, direction, caller, callee, transport, arrived_at, ivr_exit_at, offered_to_agent,
      queued_at, ring_started_at, answered_at, agent_id, hung_up_at, hangup_side, abandoned_at, abandon_stage, acw_started_at, acw_ended_at, survey_result, survey_at, ended_at)
    VALUES (?, ?, 'inbound', ?, '12329', 'udp', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertComplaint = db.prepare(
    "INSERT INTO work_orders (center_code, category, created_at, state, submitted_at) VALUES (?, 'complaint', ?, 'pending_approval', ?)",
  );

  const start = Date.UTC(YEAR, 0, 1) - 8 * 3_600_000; // local midnight, Asia/Shanghai
  const days = 365;
  const dayWeights = Array.from({ length: days }, (_, d) => WEEKDAY_WEIGHTS[(4 + d) % 7]! * (0.8 + rand() * 0.4)); // 2026-01-01 is a Thursday
  const dayTotal = dayWeights.reduce((a, b) => a + b, 0);
  const hourTotal = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);
  let n = 0;
  const t0 = performance.now();
  db.transaction(() => {
    for (let i = 1; i <= AGENTS; i++) insertUser.run(String(1000 + i), `坐席${i}`, CENTER);
    for (let d = 0; d < days; d++) {
      const dayCalls = d === days - 1 ? CALLS - n : Math.round((CALLS * dayWeights[d]!) / dayTotal);
      const times: number[] = [];
      for (let h = 0; h < 24; h++) {
        const count = Math.round((dayCalls * HOUR_WEIGHTS[h]!) / hourTotal);
        for (let k = 0; k < count; k++) times.push(start + d * 86_400_000 + h * 3_600_000 + Math.floor(rand() * 3_600_000));
      }
      while (times.length < dayCalls) times.push(start + d * 86_400_000 + 10 * 3_600_000 + Math.floor(rand() * 3_600_000));
      times.length = Math.min(times.length, dayCalls, CALLS - n);
      times.sort((a, b) => a - b);
      for (const arrived of times) {
        n++;
        const ivrExit = arrived + 20_000 + Math.floor(rand() * 90_000);
        const r = rand();
        let row: Array<number | string | null>;
        if (r < 0.25) {
          // IVR self-service only, or hung up in the IVR.
          const ivrAbandon = rand() < 0.2;
          row = [
            ivrExit,
            0,
            null,
            null,
            null,
            null,
            ivrExit,
            'caller',
            ivrAbandon ? ivrExit : null,
            ivrAbandon ? 'ivr' : null,
            null,
            null,
            null,
            null,
            ivrExit,
          ];
        } else {
          const queued = ivrExit;
          const wait = Math.floor(-Math.log(1 - rand()) * 25_000); // exponential, mean 25 s
          const outcome = rand();
          if (outcome < 0.1) {
            const stage = rand() < 0.7 ? 'queue' : 'ringing';
            row = [
              ivrExit,
              1,
              queued,
              stage === 'ringing' ? queued + wait : null,
              null,
              null,
              null,
              'caller',
              queued + wait + 5_000,
              stage,
              null,
              null,
              null,
              null,
              queued + wait + 5_000,
            ];
          } else {
            const answered = queued + wait;
            const hungUp = answered + 60_000 + Math.floor(rand() * 360_000);
            const acwEnd = rand() < 0.95 ? hungUp + 5_000 + Math.floor(rand() * 45_000) : null;
            const surveyed = rand() < 0.6;
            const survey = surveyed ? (rand() < 0.8 ? 1 : rand() < 0.7 ? 2 : 3) : null;
            row = [
              ivrExit,
              1,
              queued,
              answered - 4_000,
              answered,
              1 + (n % AGENTS),
              hungUp,
              rand() < 0.7 ? 'caller' : 'agent',
              null,
              null,
              hungUp,
              acwEnd,
              survey,
              surveyed ? hungUp + 20_000 : null,
              hungUp + 30_000,
            ];
            if (rand() < 0.004) insertComplaint.run(CENTER, hungUp + 60_000, hungUp + 60_000);
          }
        }
        insertCall.run(`c${String(n).padStart(8, '0')}`, CENTER, `138${String(n % 1e8).padStart(8, '0')}`, arrived, ...row);
      }
    }
    // The columns a call's owner writes since migration 12, as it writes them for a simple call.
    db.exec(`UPDATE calls SET offered_at = queued_at WHERE offered_to_agent = 1;
             UPDATE calls SET talk_ended_at = hung_up_at WHERE answered_at IS NOT NULL;
             UPDATE calls SET acw_ms = acw_ended_at - acw_started_at, acw_count = 1 WHERE acw_ended_at >= acw_started_at;`);
  })();
  return performance.now() - t0;
}

function time(fn: () => unknown, runs = RUNS): number {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

const benchmark: Benchmark = {
  name: NAME,
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'metrics-bench-'));
    const file = join(dir, 'agent-desk.sqlite');
    let db = openDatabase(file);
    try {
      db.pragma('synchronous = OFF'); // bulk load only
      const genMs = generate(db);
      const count = db.prepare('SELECT COUNT(*) FROM calls').pluck().get() as number;
      closeDatabase(db);
      const sizeMb = statSync(file).size / 1e6;
      db = openDatabase(file); // a fresh connection, as the server would have
      db.exec('ANALYZE');
      // Now is the afternoon of the year's last day, as on a real server: every period asked is in the
      // past (a clock in June would read the months after it, full of generated calls, from live rows).
      const service = new MetricsService({ db, clock: new ManualClock(Date.UTC(YEAR, 11, 31, 7)), centerCode: CENTER, timeZone: TZ });
      const rows: BenchRow[] = [
        {
          benchmark: NAME,
          metric: 'generate + insert (one transaction)',
          value: round(genMs / 1000, 1),
          unit: 's',
          note: `${count} calls, ${round(count / (genMs / 1000), 0)} rows/s; file ${round(sizeMb, 0)} MB`,
        },
      ];
      const periods = [
        ['day', `${YEAR}-06-15`],
        ['week', `${YEAR}-06-15`],
        ['month', `${YEAR}-06-15`],
        ['year', `${YEAR}-06-15`],
      ] as const;
      for (const [kind, date] of periods) {
        const report = service.report(kind, date);
        const ms = time(() => service.report(kind, date));
        rows.push({
          benchmark: NAME,
          metric: `${kind} report ${report.label} (median of ${RUNS})`,
          value: round(ms, 2),
          unit: 'ms',
          goal: '≤ 50 ms per period',
          note: `${report.raw.callTotal} calls; ${loadNote()}`,
        });
      }
      const series = time(() => service.series('day', `${YEAR}-01-01`, `${YEAR}-12-31`), 3);
      rows.push({
        benchmark: NAME,
        metric: 'day series over the year, 365 rows (median of 3)',
        value: round(series, 1),
        unit: 'ms',
        goal: '≤ 50 ms',
        note: 'wallboard series',
      });
      // The covering index against the same SQL without it: MetricsRepository's own statement
      // (INDEXED BY calls_metrics) for the year, timed as is, then after calls_metrics is rebuilt
      // on its first two key columns only, so that the identical query reads every table row.
      const yearStart = Date.UTC(YEAR, 0, 1) - 8 * 3_600_000;
      const yearEnd = Date.UTC(YEAR + 1, 0, 1) - 8 * 3_600_000;
      const plan = () =>
        (db.prepare(`EXPLAIN QUERY PLAN ${CALLS_PLAN_PROBE}`).all(CENTER, yearStart, yearEnd) as Array<{ detail: string }>).map((p) => p.detail).join('; ');
      const covering = new MetricsRepository(db, CENTER);
      const coveringCounts = covering.rawCounts(yearStart, yearEnd, yearEnd);
      const coveringMs = time(() => covering.rawCounts(yearStart, yearEnd, yearEnd), 3);
      const coveringPlan = plan();
      db.exec('DROP INDEX calls_metrics; CREATE INDEX calls_metrics ON calls (center_code, arrived_at); ANALYZE');
      const plain = new MetricsRepository(db, CENTER);
      const plainCounts = plain.rawCounts(yearStart, yearEnd, yearEnd);
      if (JSON.stringify(plainCounts) !== JSON.stringify(coveringCounts)) throw new Error('the year counts differ with and without the covering index');
      const plainMs = time(() => plain.rawCounts(yearStart, yearEnd, yearEnd), 3);
      rows.push({
        benchmark: NAME,
        metric: 'year raw counts, covering index (median of 3)',
        value: round(coveringMs, 1),
        unit: 'ms',
        note: `MetricsRepository.rawCounts, ${coveringCounts.callTotal} calls; plan: ${coveringPlan}`,
      });
      rows.push({
        benchmark: NAME,
        metric: 'year raw counts, same SQL without the covering index (median of 3)',
        value: round(plainMs, 1),
        unit: 'ms',
        ratio: `${round(plainMs / coveringMs, 1)}× the covering index`,
        note: `calls_metrics rebuilt as (center_code, arrived_at); plan: ${plan()}`,
      });
      return rows;
    } finally {
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default benchmark;
