import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { MetricsService } from './metrics-service.js';
import { CENTER, insertAgent, insertCall, insertWorkOrder, openTempDatabase, sh, type TempDatabase } from './metrics-test-kit.js';

const S = 1000;
let t: TempDatabase;
let service: MetricsService;

/**
 * Monday 2026-03-02 (ISO 2026-W10), local Asia/Shanghai times:
 *  c1 00:01 answered: wait 30 s, talk 240 s, ACW 20 s, survey 1 满意
 *  c2 09:00 answered: wait 40 s, talk 360 s, ACW 40 s, survey 2 基本满意
 *  c3 10:00 answered: wait 50 s, talk 120 s, ACW never ended, survey 3 不满意
 *  c4 11:00 abandoned in the queue;  c5 12:00 abandoned while ringing
 *  c6 13:00 abandoned in the IVR (not offered);  c7 14:00 IVR self-service only
 *  c8 23:59 answered: wait 20 s, talk 180 s ending after midnight, no ACW, no survey
 *  o1 15:00 an outbound follow-up call (not a call to 12329: counted nowhere)
 *  a complaint at 15:00 and a suggestion at 16:00
 * Sunday 2026-03-01 23:59: c0 abandoned in the queue.  Tuesday 2026-03-03 00:01: c9 IVR only,
 * and a complaint at 00:00:30.
 */
function seed(): void {
  const { db } = t;
  const agent = insertAgent(db, '1001', '张敏');
  const answered = (id: string, at: string, wait: number, talk: number, acw: number | null | undefined, survey?: 1 | 2 | 3) => {
    const arrivedAt = sh(at);
    const queuedAt = arrivedAt + 10 * S;
    const answeredAt = queuedAt + wait * S;
    const hungUpAt = answeredAt + talk * S;
    insertCall(db, {
      id,
      arrivedAt,
      offered: true,
      queuedAt,
      ringAt: answeredAt - 5 * S,
      answeredAt,
      agentId: agent,
      hungUpAt,
      ...(acw !== undefined ? { acwStartedAt: hungUpAt, ...(acw !== null ? { acwEndedAt: hungUpAt + acw * S } : {}) } : {}),
      ...(survey ? { survey } : {}),
    });
  };
  insertCall(db, {
    id: 'c0',
    arrivedAt: sh('2026-03-01T23:59:00'),
    offered: true,
    queuedAt: sh('2026-03-01T23:59:10'),
    abandonedAt: sh('2026-03-01T23:59:50'),
    abandonStage: 'queue',
  });
  answered('c1', '2026-03-02T00:01:00', 30, 240, 20, 1);
  answered('c2', '2026-03-02T09:00:00', 40, 360, 40, 2);
  answered('c3', '2026-03-02T10:00:00', 50, 120, null, 3);
  insertCall(db, {
    id: 'c4',
    arrivedAt: sh('2026-03-02T11:00:00'),
    offered: true,
    queuedAt: sh('2026-03-02T11:00:10'),
    abandonedAt: sh('2026-03-02T11:01:00'),
    abandonStage: 'queue',
  });
  insertCall(db, {
    id: 'c5',
    arrivedAt: sh('2026-03-02T12:00:00'),
    offered: true,
    queuedAt: sh('2026-03-02T12:00:10'),
    ringAt: sh('2026-03-02T12:00:30'),
    abandonedAt: sh('2026-03-02T12:00:40'),
    abandonStage: 'ringing',
  });
  insertCall(db, { id: 'c6', arrivedAt: sh('2026-03-02T13:00:00'), abandonedAt: sh('2026-03-02T13:00:30'), abandonStage: 'ivr' });
  insertCall(db, { id: 'c7', arrivedAt: sh('2026-03-02T14:00:00'), hungUpAt: sh('2026-03-02T14:03:00') });
  insertCall(db, {
    id: 'o1',
    arrivedAt: sh('2026-03-02T15:00:00'),
    direction: 'outbound',
    answeredAt: sh('2026-03-02T15:00:20'),
    agentId: agent,
    hungUpAt: sh('2026-03-02T15:05:00'),
    survey: 3,
  });
  answered('c8', '2026-03-02T23:59:00', 20, 180, undefined);
  insertCall(db, { id: 'c9', arrivedAt: sh('2026-03-03T00:01:00'), hungUpAt: sh('2026-03-03T00:02:00') });
  insertCall(db, { id: 'x1', arrivedAt: sh('2026-03-02T09:30:00'), centerCode: '330200', offered: true }); // another center's row
  insertWorkOrder(db, sh('2026-03-02T15:00:00'), 'complaint');
  insertWorkOrder(db, sh('2026-03-02T16:00:00'), 'suggestion');
  insertWorkOrder(db, sh('2026-03-03T00:00:30'), 'complaint');
}

beforeEach(() => {
  t = openTempDatabase();
  seed();
  service = new MetricsService({ db: t.db, clock: new ManualClock(sh('2026-03-02T18:00:00')), centerCode: CENTER, timeZone: 'Asia/Shanghai' });
});
afterEach(() => t.close());

describe('MetricsService on a hand-computed day', () => {
  it('computes the 8 indicators of Monday 2026-03-02', () => {
    const r = service.report('day', '2026-03-02');
    expect(r).toMatchObject({
      centerCode: CENTER,
      period: 'day',
      label: '2026-03-02',
      start: '2026-03-02T00:00:00+08:00',
      end: '2026-03-03T00:00:00+08:00',
      timeZone: 'Asia/Shanghai',
    });
    expect(r.raw).toEqual({
      callTotal: 8, // c1–c8: IVR-only c6, c7 included; c0 (Sunday), c9 (Tuesday), outbound o1 and the other center's x1 not
      offered: 6, // c1 c2 c3 c4 c5 c8
      answered: 4, // c1 c2 c3 c8
      abandoned: 2, // c4 (queue) + c5 (ringing); c6 (IVR) is not one
      abandonedIvr: 1,
      talkMsSum: 900_000, // 240 + 360 + 120 + 180 s
      waitMsSum: 140_000, // 30 + 40 + 50 + 20 s
      acwMsSum: 60_000, // 20 + 40 s; c3's unfinished ACW is not counted
      acwCount: 2,
      complaints: 1, // the suggestion is not a complaint; Tuesday's complaint is Tuesday's
      surveyResponses: 3,
      surveySatisfied: 2, // 1 满意 + 1 基本满意
    });
    expect(r.indicators).toEqual({
      callTotal: 8,
      callavg: 3.75, // 900 s / 4 = 225 s = 3.75 min
      callconnect: 66.67, // 4 / 6 × 100 = 66.666…
      ABNcalls: 50, // 2 / 4 × 100 (divided by answered calls, not offered)
      waittimeavg: 0.58, // 140 s / 4 = 35 s = 0.5833… min
      acwavg: 0.5, // 60 s / 2 = 30 s
      complntrate: 25, // 1 / 4 × 100
      satisrate: 66.67, // 2 / 3 × 100
    });
    expect(r.flags).toEqual({
      callTotal: 'n/a',
      callavg: 'n/a',
      callconnect: 'breach', // 66.67 < 85
      ABNcalls: 'breach', // 50 > 15
      waittimeavg: 'ok', // 35 s ≤ 40 s
      acwavg: 'ok', // exactly 30 s ≤ 30 s
      complntrate: 'breach', // 25 > 0.5
      satisrate: 'breach', // 66.67 < 90
    });
  });

  it('reports nulls on a day without agent-answered calls', () => {
    const r = service.report('day', '2026-03-03');
    // c9 (00:01, IVR only) and the complaint at 00:00:30 — but no answered call to divide by.
    expect(r.raw).toMatchObject({ callTotal: 1, offered: 0, answered: 0, complaints: 1 });
    expect(r.indicators).toEqual({
      callTotal: 1,
      callavg: null,
      callconnect: null,
      ABNcalls: null,
      waittimeavg: null,
      acwavg: null,
      complntrate: null,
      satisrate: null,
    });
    expect(Object.values(r.flags).every((f) => f === 'n/a')).toBe(true);
  });

  it('puts 23:59 and 00:01 local on different days, weeks and months', () => {
    expect(service.report('day', '2026-03-01').raw).toMatchObject({ callTotal: 1, abandoned: 1 }); // c0
    // ISO 2026-W10 is Mon 03-02 .. Sun 03-08: c1–c8 and c9, not Sunday's c0 (2026-W09).
    const week = service.report('week', '2026-03-04');
    expect(week).toMatchObject({ label: '2026-W10', start: '2026-03-02T00:00:00+08:00', end: '2026-03-09T00:00:00+08:00' });
    expect(week.raw).toMatchObject({ callTotal: 9, abandoned: 2, complaints: 2 });
    expect(service.report('week', '2026-03-01').raw.callTotal).toBe(1);
    // March holds all ten: callconnect = 4 / 7 = 57.14; ABNcalls = 3 / 4 = 75; complntrate = 2 / 4 = 50.
    const month = service.report('month', '2026-03-31');
    expect(month.raw).toMatchObject({ callTotal: 10, offered: 7, answered: 4, abandoned: 3 });
    expect(month.indicators).toMatchObject({ callconnect: 57.14, ABNcalls: 75, complntrate: 50 });
  });

  it('cuts ISO weeks, months and years at local midnight', () => {
    const call = (id: string, local: string) => insertCall(t.db, { id, arrivedAt: sh(local) });
    call('y1', '2026-12-31T23:59:00');
    call('y2', '2027-01-01T00:01:00');
    call('y3', '2027-01-03T23:59:00');
    call('y4', '2027-01-04T00:01:00');
    call('z1', '2024-12-29T23:59:00');
    call('z2', '2024-12-30T00:01:00');
    call('m1', '2026-04-30T23:59:00');
    call('m2', '2026-05-01T00:01:00');
    const total = (period: 'day' | 'week' | 'month' | 'year', date: string) => service.report(period, date).raw.callTotal;
    expect(service.report('week', '2026-12-31').label).toBe('2026-W53');
    expect(total('week', '2026-12-31')).toBe(3); // y1 y2 y3: Mon 2026-12-28 .. Sun 2027-01-03
    expect(total('week', '2027-01-01')).toBe(3); // the same week
    expect(total('week', '2027-01-04')).toBe(1); // y4, 2027-W01
    expect(service.report('week', '2024-12-30').label).toBe('2025-W01');
    expect(total('week', '2024-12-30')).toBe(1); // z2; z1 is 2024-W52
    expect(total('year', '2024-06-01')).toBe(2); // z1 z2: the calendar year, not the ISO week-year
    expect(total('year', '2027-06-01')).toBe(3); // y2 y3 y4
    expect(total('day', '2026-12-31')).toBe(1);
    expect(total('month', '2026-04-15')).toBe(1);
    expect(total('month', '2026-05-15')).toBe(1);
    expect(total('year', '2026-01-01')).toBe(13); // the ten March calls c0–c9 + m1 + m2 + y1
  });

  it('sees late writes at once: a survey answered and ACW ended after the day', () => {
    t.db.prepare("UPDATE calls SET survey_result = 1, survey_at = ? WHERE id = 'c8'").run(sh('2026-03-03T00:03:00'));
    // The call's owner adds an agent's ACW to the call as it ends (CallRecord.acwEnded).
    t.db.prepare("UPDATE calls SET acw_ended_at = acw_started_at + 45000, acw_ms = 45000, acw_count = 1 WHERE id = 'c3'").run();
    const r = service.report('day', '2026-03-02');
    // satisrate = 3 / 4 = 75; acwavg = (60 + 45) s / 3 = 35 s = 0.5833 → 0.58, a breach of 30 s.
    expect(r.indicators).toMatchObject({ satisrate: 75, acwavg: 0.58 });
    expect(r.flags.acwavg).toBe('breach');
  });

  it('gives one row per period for the wallboard series', () => {
    const s = service.series('day', '2026-03-01', '2026-03-03');
    expect(s.rows.map((r) => [r.label, r.raw.callTotal])).toEqual([
      ['2026-03-01', 1],
      ['2026-03-02', 8],
      ['2026-03-03', 1],
    ]);
    expect(service.series('week', '2026-03-01', '2026-03-03').rows.map((r) => r.label)).toEqual(['2026-W09', '2026-W10']);
    expect(() => service.series('day', '2020-01-01', '2026-01-01')).toThrow(/at most/);
  });

  it('uses today in the center zone when no date is given', () => {
    expect(service.report('day').label).toBe('2026-03-02');
  });
});
