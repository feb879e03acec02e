import { describe, expect, it } from 'vitest';
import { attendanceForDay, attendanceTotals, type StateChange } from './attendance.js';
import { resolveShift, type ShiftRule } from './shifts.js';

const sh = (s: string) => Date.parse(`2026-03-02T${s}+08:00`);
const MIN = 60_000;
const change = (time: string, state: StateChange['state'], reason: string | null = null): StateChange => ({ at: sh(time), state, reason });
const day = { date: '2026-03-02', dayStart: sh('00:00:00'), dayEnd: sh('00:00:00') + 86_400_000, now: sh('23:00:00') };
const shift = { start: sh('09:00:00'), end: sh('17:00:00') };

describe('attendanceForDay', () => {
  it('adds signed-in time, breaks by reason, and judges on time and early sign-out', () => {
    const a = attendanceForDay({
      ...day,
      before: undefined,
      shift,
      changes: [
        change('08:55:00', 'ready'),
        change('10:00:00', 'not_ready', 'rest'), // 15 min
        change('10:15:00', 'ready'),
        change('12:00:00', 'not_ready', 'meal'), // 30 min …
        change('12:30:00', 'not_ready', 'meal'), // … the same break written twice
        change('12:30:00', 'ready'),
        change('15:00:00', 'not_ready', null), // 10 min, no reason
        change('15:10:00', 'talking'),
        change('16:30:00', 'signed_out'),
      ],
    });
    expect(a.status).toBe('on_time');
    expect(a.firstSignInAt).toBe(sh('08:55:00'));
    expect(a.lastSignOutAt).toBe(sh('16:30:00'));
    expect(a.earlySignOut).toBe(true); // 16:30 < 17:00
    // 08:55 → 16:30 = 7 h 35 min.
    expect(a.signedInMs).toBe((7 * 60 + 35) * MIN);
    expect(a.breakMsByReason).toEqual({ rest: 15 * MIN, meal: 30 * MIN, unspecified: 10 * MIN });
    expect(a.breakMs).toBe(55 * MIN);
    expect(a.breakCount).toBe(3);
  });

  it('marks a late first sign-in, and no early sign-out for one who stays to the end', () => {
    const a = attendanceForDay({ ...day, before: undefined, shift, changes: [change('09:07:30', 'ready'), change('17:05:00', 'signed_out')] });
    expect(a.status).toBe('late');
    expect(a.lateMs).toBe(7.5 * MIN);
    expect(a.earlySignOut).toBe(false);
  });

  it('carries a sign-in over midnight and counts up to now on the current day', () => {
    // Signed in (ready) since the previous evening; now is 10:00, nothing logged today.
    const a = attendanceForDay({ ...day, now: sh('10:00:00'), before: { state: 'ready', reason: null, at: sh('00:00:00') - 3_600_000 }, shift, changes: [] });
    expect(a.firstSignInAt).toBe(day.dayStart);
    expect(a.status).toBe('on_time');
    expect(a.signedInMs).toBe(10 * 60 * MIN);
  });

  it('tells absent from upcoming, and unscheduled days apart', () => {
    expect(attendanceForDay({ ...day, before: undefined, shift, changes: [] }).status).toBe('absent');
    expect(attendanceForDay({ ...day, now: sh('08:00:00'), before: undefined, shift, changes: [] }).status).toBe('upcoming');
    expect(attendanceForDay({ ...day, before: undefined, shift: null, changes: [change('09:00:00', 'ready')] }).status).toBe('unscheduled');
  });

  it('totals 出勤率 and 准时率 over days', () => {
    const onTime = attendanceForDay({ ...day, before: undefined, shift, changes: [change('08:59:00', 'ready')] });
    const late = attendanceForDay({ ...day, before: undefined, shift, changes: [change('09:01:00', 'ready')] });
    const absent = attendanceForDay({ ...day, before: undefined, shift, changes: [] });
    const t = attendanceTotals([onTime, late, absent, onTime]);
    // 出勤率 = 3 attended / 4 scheduled = 75 %; 准时率 = 2 on time / 3 attended = 66.67 %.
    expect(t).toMatchObject({
      scheduledShifts: 4,
      attendedShifts: 3,
      onTimeShifts: 2,
      lateShifts: 1,
      absentShifts: 1,
      attendanceRate: 75,
      punctualityRate: 66.67,
    });
    expect(attendanceTotals([]).attendanceRate).toBeNull();
  });
});

describe('resolveShift', () => {
  const rules: ShiftRule[] = [
    { agentId: null, team: 'A', weekday: 1, date: null, startTime: '08:30', endTime: '17:00' },
    { agentId: null, team: 'A', weekday: null, date: '2026-03-09', startTime: '10:00', endTime: '14:00' },
    { agentId: 7, team: null, weekday: 1, date: null, startTime: '09:00', endTime: '18:00' },
    { agentId: 7, team: null, weekday: null, date: '2026-03-16', startTime: '13:00', endTime: '18:00' },
  ];
  const monday = (s: string) => s; // 2026-03-02, -09, -16 are Mondays

  it('prefers agent over team and a date over a weekday', () => {
    expect(resolveShift(rules, 7, 'A', monday('2026-03-16'))).toEqual({ startMinute: 13 * 60, endMinute: 18 * 60 });
    expect(resolveShift(rules, 7, 'A', monday('2026-03-09'))).toEqual({ startMinute: 9 * 60, endMinute: 18 * 60 });
    expect(resolveShift(rules, 8, 'A', monday('2026-03-09'))).toEqual({ startMinute: 10 * 60, endMinute: 14 * 60 });
    expect(resolveShift(rules, 8, 'A', monday('2026-03-02'))).toEqual({ startMinute: 8 * 60 + 30, endMinute: 17 * 60 });
    expect(resolveShift(rules, 8, 'B', monday('2026-03-02'))).toBeNull();
    expect(resolveShift(rules, 8, 'A', monday('2026-03-03'))).toBeNull(); // a Tuesday
  });
});
