// The roll-up path against its oracle, a scan of every call row of the period: equal raw counts
// for every period kind on a mixed data set, after late writes and across a crash and restart.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../clock.js';
import { CallRecords } from '../calls/call-records.js';
import { createSeededRandom } from '../../../shared/random/seeded-random.js';
import { MetricsService } from './metrics-service.js';
import { DayRollups } from './day-rollups.js';
import { CENTER, insertAgent, insertCall, insertWorkOrder, openTempDatabase, sh, type TempDatabase } from './metrics-test-kit.js';
import { addDays } from '../../../shared/time/local-date.js';
import { PERIOD_KINDS, periodsBetween, type PeriodKind } from '../../../shared/metrics/periods.js';

let t: TempDatabase;
let clock: ManualClock;
let service: MetricsService;
const S = 1000;
const FIRST = '2025-12-20';
const DAYS = 95; // to 2026-03-24: a year boundary, an ISO week across it, four months, days still to come

/** Every date of the data set, and each kind of period holding it. */
function expectEqualEverywhere(): void {
  const dates: string[] = [];
  for (let i = 0; i < DAYS; i += 1) dates.push(addDays(FIRST, i));
  for (const kind of PERIOD_KINDS) {
    const seen = new Set<string>();
    for (const date of dates) {
      const report = service.report(kind, date);
      if (seen.has(report.label)) continue;
      seen.add(report.label);
      expect(report.raw, `${kind} ${date}`).toEqual(service.reportFromRows(kind, date).raw);
    }
  }
  for (const kind of PERIOD_KINDS) {
    const series = service.series(kind, FIRST, dates[dates.length - 1]!);
    for (const row of series.rows) expect(row.raw, `series ${kind} ${row.label}`).toEqual(service.reportFromRows(kind, row.start.slice(0, 10)).raw);
  }
}

const keptDays = () => t.db.prepare('SELECT COUNT(*) FROM metrics_days').pluck().get() as number;
const kept = (local: string) => t.db.prepare('SELECT COUNT(*) FROM metrics_days WHERE day_start = ?').pluck().get(sh(local)) as number;

beforeEach(() => {
  t = openTempDatabase();
  clock = new ManualClock(sh('2026-03-20T14:00:00'));
  service = new MetricsService({ db: t.db, clock, centerCode: CENTER, timeZone: 'Asia/Shanghai' });
  const agent = insertAgent(t.db, '1001', '张敏');
  const rand = createSeededRandom(17);
  const base = sh(`${FIRST}T00:00:00`);
  let n = 0;
  // About 20 calls a day of every shape, some across midnight, plus rows that never count.
  for (let d = 0; d < DAYS - 4; d++) {
    for (let k = 0; k < 20; k++) {
      const arrivedAt = base + d * 86_400_000 + Math.floor(rand() * 86_400_000);
      const id = `c${n++}`;
      const r = rand();
      if (r < 0.2) insertCall(t.db, { id, arrivedAt });
      else if (r < 0.25) insertCall(t.db, { id, arrivedAt, abandonedAt: arrivedAt + 30 * S, abandonStage: 'ivr' });
      else if (r < 0.35)
        insertCall(t.db, {
          id,
          arrivedAt,
          offered: true,
          queuedAt: arrivedAt + 20 * S,
          abandonedAt: arrivedAt + 90 * S,
          abandonStage: rand() < 0.5 ? 'queue' : 'ringing',
        });
      else if (r < 0.38)
        insertCall(t.db, { id, arrivedAt, direction: 'outbound', answeredAt: arrivedAt + 5 * S, agentId: agent, hungUpAt: arrivedAt + 60 * S });
      else if (r < 0.4) insertCall(t.db, { id, arrivedAt, centerCode: '330200', offered: true, queuedAt: arrivedAt });
      else {
        const queuedAt = arrivedAt + 15 * S;
        const answeredAt = queuedAt + Math.floor(rand() * 80 * S);
        const hungUpAt = answeredAt + Math.floor(rand() * 600 * S);
        const acw = rand() < 0.9;
        const survey = rand() < 0.6 ? ((1 + Math.floor(rand() * 3)) as 1 | 2 | 3) : undefined;
        insertCall(t.db, {
          id,
          arrivedAt,
          offered: true,
          queuedAt,
          answeredAt,
          agentId: agent,
          hungUpAt,
          acwStartedAt: acw ? hungUpAt : undefined,
          acwEndedAt: acw ? hungUpAt + Math.floor(rand() * 60 * S) : undefined,
          survey,
        });
      }
      if (rand() < 0.03)
        insertWorkOrder(t.db, arrivedAt + 600 * S, rand() < 0.8 ? 'complaint' : 'inquiry', CENTER, rand() < 0.2 ? 'voided' : 'pending_approval');
    }
  }
  // A call still talking today, one answered yesterday and still talking, one arriving "tomorrow" (a skewed clock).
  insertCall(t.db, {
    id: 'live-today',
    arrivedAt: sh('2026-03-20T13:50:00'),
    offered: true,
    queuedAt: sh('2026-03-20T13:50:10'),
    answeredAt: sh('2026-03-20T13:50:30'),
    agentId: agent,
  });
  t.db.prepare("UPDATE calls SET talk_ended_at = NULL WHERE id = 'live-today'").run();
  insertCall(t.db, {
    id: 'live-yesterday',
    arrivedAt: sh('2026-03-19T23:50:00'),
    offered: true,
    queuedAt: sh('2026-03-19T23:50:10'),
    answeredAt: sh('2026-03-19T23:51:00'),
    agentId: agent,
  });
  insertCall(t.db, { id: 'future', arrivedAt: sh('2026-03-21T09:00:00'), offered: true, queuedAt: sh('2026-03-21T09:00:00') });
});
afterEach(() => t.close());

describe('metrics from day roll-ups', () => {
  it('equals the scan of the rows for every day, ISO week, month and year, cold and warm', () => {
    expect(keptDays()).toBe(0);
    expectEqualEverywhere();
    // Closed days are kept (the first read wrote them); today, days to come and a day with a call still talking are not.
    expect(kept('2026-03-18T00:00:00')).toBe(1);
    expect(kept('2026-03-19T00:00:00')).toBe(0);
    expect(kept('2026-03-20T00:00:00')).toBe(0);
    // Every closed day of the years read (2025 and 2026 up to 03-18), 03-19 excepted.
    expect(keptDays()).toBe(365 + 31 + 28 + 18);
    clock.advance(3_600_000); // the calls still talking talk an hour longer: both paths see it
    expectEqualEverywhere();
  });

  it('sums a series from one read of the kept days, equal to the period-by-period sums and the row scan', () => {
    const perPeriod = vi.spyOn(DayRollups.prototype, 'rawCountsOf');
    const check = (from: string, to: string, kinds: readonly PeriodKind[] = PERIOD_KINDS) => {
      for (const kind of kinds) {
        const series = service.series(kind, from, to);
        const oracle = periodsBetween(kind, from, to, 'Asia/Shanghai').map((p) => service.reportFromRows(kind, p.firstDate).raw);
        expect(
          series.rows.map((r) => r.raw),
          `${kind} ${from}..${to}`,
        ).toEqual(oracle);
      }
    };
    // Cold (the first series keeps the days), days before 03-19: no period-by-period fallback.
    check(FIRST, '2026-03-18', ['day']);
    expect(perPeriod).not.toHaveBeenCalled();
    expect(keptDays()).toBeGreaterThan(80);
    // A late write deletes a kept day in the middle: it is computed again and kept.
    const before = keptDays();
    t.db.prepare("DELETE FROM calls WHERE id = 'c40'").run();
    expect(keptDays()).toBe(before - 1);
    check(FIRST, '2026-03-18', ['day']);
    expect(perPeriod).not.toHaveBeenCalled();
    // Every kind, up to days to come: 03-19 has a call still talking (it cannot be kept: the
    // period-by-period path counts its live rows), today is live rows.
    check(FIRST, '2026-03-24');
    expect(perPeriod).toHaveBeenCalled();
    perPeriod.mockRestore();
  });

  it('stays equal after late writes to days already kept', () => {
    service.report('year', '2026-01-01');
    service.report('year', '2025-12-31');
    const before = keptDays();
    const agent = t.db.prepare("SELECT id FROM users WHERE work_number = '1001'").pluck().get() as number;
    // A call row written late into an old day (a replicated or imported row).
    insertCall(t.db, {
      id: 'late',
      arrivedAt: sh('2026-02-10T10:00:00'),
      offered: true,
      queuedAt: sh('2026-02-10T10:00:00'),
      answeredAt: sh('2026-02-10T10:00:30'),
      agentId: agent,
      hungUpAt: sh('2026-02-10T10:05:00'),
    });
    expect(kept('2026-02-10T00:00:00')).toBe(0);
    // A survey answered, an ACW ended, after midnight, for calls of earlier days.
    const old = t.db
      .prepare(
        "SELECT id FROM calls WHERE answered_at IS NOT NULL AND direction = 'inbound' AND center_code = ? AND arrived_at < ? ORDER BY arrived_at DESC LIMIT 2",
      )
      .pluck()
      .all(CENTER, sh('2026-03-01T00:00:00')) as string[];
    t.db.prepare('UPDATE calls SET survey_result = 3 WHERE id = ?').run(old[0]);
    t.db.prepare('UPDATE calls SET acw_ms = acw_ms + 45000, acw_count = acw_count + 1 WHERE id = ?').run(old[1]);
    // A complaint of an old day voided, another submitted into an old day, and a call deleted.
    t.db
      .prepare(
        "UPDATE work_orders SET state = 'voided', voided_at = 1 WHERE id = (SELECT MIN(id) FROM work_orders WHERE category = 'complaint' AND state <> 'voided')",
      )
      .run();
    insertWorkOrder(t.db, sh('2026-01-05T09:00:00'));
    t.db.prepare("DELETE FROM calls WHERE id = 'c5'").run();
    expect(keptDays()).toBeLessThan(before);
    expectEqualEverywhere();
  });

  it('stays equal across a crash and restart that close calls of earlier days', () => {
    const records = new CallRecords(t.db, clock, CENTER);
    const agent = t.db.prepare("SELECT id FROM users WHERE work_number = '1001'").pluck().get() as number;
    t.db.prepare("UPDATE calls SET talk_ended_at = answered_at + 60000 WHERE id = 'live-yesterday'").run();
    t.db.prepare('UPDATE calls SET ended_at = arrived_at + 3600000').run(); // the data set's calls ended before the crash
    // 03-18 at 23:58 a caller starts talking (a long call); 03-19 at 23:58 another one queues.
    clock.set(sh('2026-03-18T23:58:00'));
    const talking = records.arrive({ id: 'crash-talking', caller: '13900000002', callee: '12329', transport: 'udp' });
    talking.offered();
    clock.advance(20 * S);
    talking.answered(agent);
    clock.set(sh('2026-03-19T23:58:00'));
    const queued = records.arrive({ id: 'crash-queued', caller: '13900000001', callee: '12329', transport: 'udp' });
    queued.offered();
    queued.queued();
    // The server dies after its 23:59 heartbeat and starts again the next morning; a reader comes
    // before recovery runs: 03-19 is kept (nobody talking), 03-18 is not (the call still talks).
    clock.set(sh('2026-03-19T23:59:00'));
    records.heartbeat();
    clock.set(sh('2026-03-20T08:00:00'));
    expect(service.report('month', '2026-03-01').raw).toEqual(service.reportFromRows('month', '2026-03-01').raw);
    expect([kept('2026-03-18T00:00:00'), kept('2026-03-19T00:00:00')]).toEqual([0, 1]);
    expect(records.recoverAfterRestart().calls).toBe(2);
    // Recovery dated the queued caller's abandon to 03-19 23:59 and deleted the day kept without it.
    expect(t.db.prepare("SELECT abandon_stage FROM calls WHERE id = 'crash-queued'").pluck().get()).toBe('queue');
    expect(kept('2026-03-19T00:00:00')).toBe(0);
    const day = service.report('day', '2026-03-19');
    expect(day.raw).toEqual(service.reportFromRows('day', '2026-03-19').raw);
    expectEqualEverywhere();
    // The talk cut at the crash has ended: 03-18 is kept now too.
    expect([kept('2026-03-18T00:00:00'), kept('2026-03-19T00:00:00')]).toEqual([1, 1]);
  });
});
