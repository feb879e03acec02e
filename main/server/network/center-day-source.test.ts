// A center's days for the feed, from a real server's SQLite file: the raw counts of each local
// day (China Standard Time) and a day's attendance, equal to a count of the rows themselves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { authModule } from '../auth/auth-module.js';
import { metricsModule } from '../metrics/metrics-module.js';
import { MetricsService } from '../metrics/metrics-service.js';
import { AttendanceService } from '../metrics/attendance-service.js';
import { ManualClock } from '../clock.js';
import { CenterDaySource } from './center-day-source.js';

const HOUR = 3_600_000;
// 2026-11-30 15:00 China Standard Time.
const NOW = Date.UTC(2026, 10, 30, 7);

describe('the center day source', () => {
  const clock = new ManualClock(NOW);
  let server: TestServer;
  let source: CenterDaySource;
  beforeAll(async () => {
    server = await startTestServer([authModule, metricsModule], { clock });
    const options = { db: server.ctx.db, clock, centerCode: '330100', timeZone: 'Asia/Shanghai' };
    source = new CenterDaySource(new MetricsService(options), new AttendanceService(options));
    const insert = server.ctx.db.prepare(`INSERT INTO calls (id, center_code, direction, caller, callee, transport, arrived_at, offered_to_agent, offered_at,
        answered_at, talk_ended_at, abandon_stage, acw_ms, acw_count, survey_result)
      VALUES (?, '330100', 'inbound', '13800000000', '12329', 'udp', ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    // 23:30 CST on the 29th and 00:30 CST on the 30th: both the 29th in UTC, yet two local days.
    insert.run(
      'a',
      Date.UTC(2026, 10, 29, 15, 30),
      1,
      Date.UTC(2026, 10, 29, 15, 30),
      Date.UTC(2026, 10, 29, 15, 31),
      Date.UTC(2026, 10, 29, 15, 33),
      null,
      20_000,
      1,
      1,
    );
    insert.run('b', Date.UTC(2026, 10, 29, 16, 30), 1, Date.UTC(2026, 10, 29, 16, 30), null, null, 'queue', 0, 0, null);
    insert.run('c', NOW - HOUR, 0, null, null, null, 'ivr', 0, 0, null);
  });
  afterAll(() => server?.stop());

  it('gives each local day its raw counts, today included', () => {
    const days = source.days(2);
    expect(days.map((d) => d.date)).toEqual(['2026-11-28', '2026-11-29', '2026-11-30']);
    expect(days[0]!.counts.callTotal).toBe(0);
    expect(days[1]!.counts).toMatchObject({
      callTotal: 1,
      offered: 1,
      answered: 1,
      talkMsSum: 120_000,
      waitMsSum: 60_000,
      acwMsSum: 20_000,
      acwCount: 1,
      surveyResponses: 1,
      surveySatisfied: 1,
    });
    expect(days[2]!.counts).toMatchObject({ callTotal: 2, offered: 1, answered: 0, abandoned: 1, abandonedIvr: 1 });
    expect(Object.keys(days[2]!.attendance).sort()).toEqual(
      ['absentShifts', 'attendedShifts', 'breakCount', 'breakMs', 'earlySignOuts', 'lateShifts', 'onTimeShifts', 'scheduledShifts', 'signedInMs'].sort(),
    );
  });

  it('sees a late row of an earlier day on the next turn', () => {
    server.ctx.db
      .prepare(
        `INSERT INTO calls (id, center_code, direction, caller, callee, transport, arrived_at) VALUES ('late', '330100', 'inbound', '1', '12329', 'udp', ?)`,
      )
      .run(Date.UTC(2026, 10, 27, 20));
    expect(source.days(2).find((d) => d.date === '2026-11-28')!.counts.callTotal).toBe(1);
  });
});
