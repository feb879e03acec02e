import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { AttendanceService } from './attendance-service.js';
import { CENTER, insertAgent, openTempDatabase, sh, type TempDatabase } from './metrics-test-kit.js';

const MIN = 60_000;
let t: TempDatabase;
let service: AttendanceService;
let zhang: number;
let li: number;

/**
 * Team A works Monday–Friday 09:00–17:00; 李强 has a one-off 13:00–17:00 shift on Tue 2026-03-03.
 * Now is Wed 2026-03-04 10:00 local.
 *  张敏 Mon: signs in 08:50, rest 10:00–10:20, meal 12:00–12:45, signs out 17:10 → on time.
 *       Tue: signs in 09:05, signs out 16:00 → late 5 min, early sign-out.
 *       Wed: nothing yet → absent (the shift began at 09:00).
 *  李强 Mon: signed in since Sunday 22:00 (carried over), signs out 12:00 → on time, early sign-out.
 *       Tue: signs in 12:55 for the 13:00 shift, still signed in at midnight → on time.
 *       Wed: carried over from Tuesday → on time.
 */
beforeEach(() => {
  t = openTempDatabase();
  const db = t.db;
  zhang = insertAgent(db, '1001', '张敏');
  li = insertAgent(db, '1002', '李强');
  insertAgent(db, '2001', '孙浩', 'team_lead'); // not an agent: not listed
  db.prepare("INSERT INTO agent_teams (agent_id, team) VALUES (?, 'A'), (?, 'A')").run(zhang, li);
  const shift = db.prepare('INSERT INTO shifts (center_code, agent_id, team, weekday, date, start_time, end_time, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0)');
  for (let weekday = 1; weekday <= 5; weekday++) shift.run(CENTER, null, 'A', weekday, null, '09:00', '17:00');
  shift.run(CENTER, li, null, null, '2026-03-03', '13:00', '17:00');
  const log = db.prepare('INSERT INTO agent_state_log (agent_id, state, reason, at) VALUES (?, ?, ?, ?)');
  const at = (agent: number, local: string, state: string, reason: string | null = null) => log.run(agent, state, reason, sh(local));
  at(zhang, '2026-03-02T08:50:00', 'ready');
  at(zhang, '2026-03-02T10:00:00', 'not_ready', 'rest');
  at(zhang, '2026-03-02T10:20:00', 'ready');
  at(zhang, '2026-03-02T11:00:00', 'talking');
  at(zhang, '2026-03-02T11:05:00', 'after_call_work');
  at(zhang, '2026-03-02T11:06:00', 'ready');
  at(zhang, '2026-03-02T12:00:00', 'not_ready', 'meal');
  at(zhang, '2026-03-02T12:45:00', 'ready');
  at(zhang, '2026-03-02T17:10:00', 'signed_out');
  at(zhang, '2026-03-03T09:05:00', 'ready');
  at(zhang, '2026-03-03T16:00:00', 'signed_out');
  at(li, '2026-03-01T22:00:00', 'ready');
  at(li, '2026-03-02T12:00:00', 'signed_out');
  at(li, '2026-03-03T12:55:00', 'ready');
  service = new AttendanceService({ db, clock: new ManualClock(sh('2026-03-04T10:00:00')), centerCode: CENTER, timeZone: 'Asia/Shanghai' });
});
afterEach(() => t.close());

describe('AttendanceService', () => {
  it('reports one day per agent against the shift', () => {
    const r = service.report('day', '2026-03-02');
    expect(r).toMatchObject({ period: 'day', label: '2026-03-02', start: '2026-03-02T00:00:00+08:00' });
    expect(r.agents.map((a) => a.workNumber)).toEqual(['1001', '1002']);
    const [z, l] = r.agents;
    expect(z!.days[0]).toMatchObject({
      status: 'on_time',
      firstSignInAt: sh('2026-03-02T08:50:00'),
      lastSignOutAt: sh('2026-03-02T17:10:00'),
      shiftStart: sh('2026-03-02T09:00:00'),
      earlySignOut: false,
      signedInMs: (8 * 60 + 20) * MIN, // 08:50 → 17:10
      breakMs: 65 * MIN, // 20 min rest + 45 min meal
      breakCount: 2,
      breakMsByReason: { rest: 20 * MIN, meal: 45 * MIN },
    });
    expect(l!.days[0]).toMatchObject({ status: 'on_time', firstSignInAt: sh('2026-03-02T00:00:00'), earlySignOut: true, signedInMs: 12 * 60 * MIN });
  });

  it('totals 出勤率 and 准时率 over the ISO week up to now', () => {
    const r = service.report('week', '2026-03-04');
    expect(r.label).toBe('2026-W10');
    const [z, l] = r.agents;
    // Days after today are not reported.
    expect(z!.days.map((d) => d.date)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
    expect(z!.days.map((d) => d.status)).toEqual(['on_time', 'late', 'absent']);
    expect(z!.days[1]).toMatchObject({ lateMs: 5 * MIN, earlySignOut: true });
    // 张敏: 3 shifts started, 2 attended → 66.67 %; on time 1 of 2 attended → 50 %.
    expect(z!.totals).toMatchObject({
      scheduledShifts: 3,
      attendedShifts: 2,
      onTimeShifts: 1,
      lateShifts: 1,
      absentShifts: 1,
      earlySignOuts: 1,
      attendanceRate: 66.67,
      punctualityRate: 50,
    });
    // 李强: the one-off shift on Tuesday beats the team's; 3 of 3 attended, all on time.
    expect(l!.days[1]).toMatchObject({ status: 'on_time', shiftStart: sh('2026-03-03T13:00:00'), firstSignInAt: sh('2026-03-03T12:55:00') });
    expect(l!.days[2]).toMatchObject({ status: 'on_time', signedInMs: 10 * 60 * MIN }); // 00:00 → now 10:00
    expect(l!.totals).toMatchObject({ scheduledShifts: 3, attendedShifts: 3, attendanceRate: 100, punctualityRate: 100 });
  });

  it('drops an inactive agent with no activity, but keeps one who worked in the range', () => {
    t.db.prepare('UPDATE users SET active = 0 WHERE id IN (?, ?)').run(zhang, li);
    expect(service.report('day', '2026-03-02').agents.map((a) => a.workNumber)).toEqual(['1001', '1002']);
    expect(service.report('day', '2026-03-04').agents).toEqual([]);
  });
});
