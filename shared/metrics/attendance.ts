// Attendance from the agent state log (§3.2 allows local indicators such as 出勤率 and 准时率).
import { ratio2 } from './indicators.js';

export type AgentState = 'signed_out' | 'ready' | 'not_ready' | 'ringing' | 'talking' | 'after_call_work';

export interface StateChange {
  state: AgentState;
  reason: string | null;
  at: number;
}

export type AttendanceStatus = 'unscheduled' | 'upcoming' | 'absent' | 'on_time' | 'late';

export interface AttendanceDay {
  date: string;
  shiftStart: number | null;
  shiftEnd: number | null;
  status: AttendanceStatus;
  /** First sign-in of the day; the day's start when the agent was already signed in at midnight. */
  firstSignInAt: number | null;
  lastSignOutAt: number | null;
  lateMs: number;
  earlySignOut: boolean;
  signedInMs: number;
  breakMs: number;
  breakCount: number;
  /** Break time by not-ready reason, ms; a missing reason is "unspecified". */
  breakMsByReason: Record<string, number>;
}

export interface AttendanceDayInput {
  date: string;
  dayStart: number;
  dayEnd: number;
  /** Time is counted up to now on the current day. */
  now: number;
  /** The last change before the day, if any: the state the agent was in at midnight. */
  before: StateChange | undefined;
  /** Changes within [dayStart, dayEnd), in time order. */
  changes: readonly StateChange[];
  shift: { start: number; end: number } | null;
}

const UNSPECIFIED = 'unspecified';

export function attendanceForDay(input: AttendanceDayInput): AttendanceDay {
  const day: AttendanceDay = {
    date: input.date,
    shiftStart: input.shift?.start ?? null,
    shiftEnd: input.shift?.end ?? null,
    status: 'unscheduled',
    firstSignInAt: null,
    lastSignOutAt: null,
    lateMs: 0,
    earlySignOut: false,
    signedInMs: 0,
    breakMs: 0,
    breakCount: 0,
    breakMsByReason: {},
  };
  let state: AgentState = input.before?.state ?? 'signed_out';
  let reason = input.before?.reason ?? null;
  let since = input.dayStart;
  if (state !== 'signed_out') day.firstSignInAt = input.dayStart;

  const close = (until: number) => {
    const ms = Math.max(0, until - since);
    if (state !== 'signed_out') day.signedInMs += ms;
    if (state === 'not_ready') {
      const key = reason ?? UNSPECIFIED;
      day.breakMs += ms;
      day.breakMsByReason[key] = (day.breakMsByReason[key] ?? 0) + ms;
    }
  };

  for (const change of input.changes) {
    close(change.at);
    if (state === 'signed_out' && change.state !== 'signed_out') day.firstSignInAt ??= change.at;
    if (state !== 'signed_out' && change.state === 'signed_out') day.lastSignOutAt = change.at;
    // A new break, or a break whose reason changed; not a repeated write of the same break.
    if (change.state === 'not_ready' && !(state === 'not_ready' && reason === change.reason)) day.breakCount++;
    state = change.state;
    reason = change.reason;
    since = change.at;
  }
  close(Math.min(input.dayEnd, input.now));

  const shift = input.shift;
  if (!shift) return day;
  if (day.firstSignInAt === null) {
    day.status = input.now < shift.start ? 'upcoming' : 'absent';
    return day;
  }
  day.lateMs = Math.max(0, day.firstSignInAt - shift.start);
  day.status = day.lateMs > 0 ? 'late' : 'on_time';
  day.earlySignOut = state === 'signed_out' && day.lastSignOutAt !== null && day.lastSignOutAt < shift.end;
  return day;
}

export interface AttendanceTotals {
  scheduledShifts: number;
  attendedShifts: number;
  onTimeShifts: number;
  lateShifts: number;
  absentShifts: number;
  earlySignOuts: number;
  signedInMs: number;
  breakMs: number;
  breakCount: number;
  breakMsByReason: Record<string, number>;
  /** 出勤率: shifts attended ÷ shifts that have started × 100. */
  attendanceRate: number | null;
  /** 准时率: shifts started on time ÷ shifts attended × 100 (absence counts once, in 出勤率). */
  punctualityRate: number | null;
}

export function attendanceTotals(days: readonly AttendanceDay[]): AttendanceTotals {
  const t: AttendanceTotals = {
    scheduledShifts: 0,
    attendedShifts: 0,
    onTimeShifts: 0,
    lateShifts: 0,
    absentShifts: 0,
    earlySignOuts: 0,
    signedInMs: 0,
    breakMs: 0,
    breakCount: 0,
    breakMsByReason: {},
    attendanceRate: null,
    punctualityRate: null,
  };
  for (const d of days) {
    if (d.status === 'on_time' || d.status === 'late' || d.status === 'absent') t.scheduledShifts++;
    if (d.status === 'on_time' || d.status === 'late') t.attendedShifts++;
    if (d.status === 'on_time') t.onTimeShifts++;
    if (d.status === 'late') t.lateShifts++;
    if (d.status === 'absent') t.absentShifts++;
    if (d.earlySignOut) t.earlySignOuts++;
    t.signedInMs += d.signedInMs;
    t.breakMs += d.breakMs;
    t.breakCount += d.breakCount;
    for (const [key, ms] of Object.entries(d.breakMsByReason)) t.breakMsByReason[key] = (t.breakMsByReason[key] ?? 0) + ms;
  }
  t.attendanceRate = ratio2(t.attendedShifts, t.scheduledShifts, 100);
  t.punctualityRate = ratio2(t.onTimeShifts, t.attendedShifts, 100);
  return t;
}
