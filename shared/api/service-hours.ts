import { z } from 'zod';
import { formatted } from './field-issues.js';

/** §2.3 人工 hours as the admin keeps them (系统管理 → 服务时间) and as the IVR applies them. */

/** HH:MM; "24:00" only as the end of a period (open until midnight). */
const hhmm = formatted(/^([01]\d|2[0-3]):[0-5]\d$/, 'time', 'a time HH:MM');
const endHhmm = formatted(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'time', 'a time HH:MM');
const ymd = formatted(/^\d{4}-\d{2}-\d{2}$/, 'date', 'a date YYYY-MM-DD').refine(
  (v) => {
    const day = new Date(`${v}T00:00:00Z`);
    return !/^\d{4}-\d{2}-\d{2}$/.test(v) || (!Number.isNaN(day.getTime()) && day.toISOString().startsWith(v));
  },
  { message: 'a real calendar date', params: { code: 'date' } },
);

export const servicePeriodSchema = z
  .object({ from: hhmm, to: endHhmm })
  .refine((p) => p.from < p.to, { message: 'ends before it starts', path: ['to'], params: { code: 'time_order' } });
export type ServicePeriod = z.infer<typeof servicePeriodSchema>;

/** A day's periods: in order, not overlapping; none = closed that day. */
const dayPeriods = z
  .array(servicePeriodSchema)
  .max(4)
  .superRefine((periods, ctx) => {
    for (let i = 1; i < periods.length; i++) {
      if (periods[i]!.from < periods[i - 1]!.to)
        ctx.addIssue({ code: 'custom', message: 'overlaps the period before', path: [i, 'from'], params: { code: 'overlap' } });
    }
  });

export const weeklyDaySchema = z.object({
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: z.number().int().min(1).max(7),
  periods: dayPeriods,
});
export type WeeklyDay = z.infer<typeof weeklyDaySchema>;

export const hoursExceptionSchema = z.object({
  date: ymd,
  /** None: closed that day (a local holiday); some: open with these hours (a work day on a weekend). */
  periods: dayPeriods,
  note: z.string().trim().max(60).default(''),
});
export type HoursException = z.infer<typeof hoursExceptionSchema>;

/** PUT /api/v1/service-hours: the whole schedule (seven weekdays) and the dated exceptions. */
export const serviceScheduleSchema = z
  .object({
    weekly: z.array(weeklyDaySchema).length(7),
    exceptions: z.array(hoursExceptionSchema).max(400),
  })
  .superRefine((s, ctx) => {
    s.weekly.forEach((d, i) => {
      if (d.weekday !== i + 1) ctx.addIssue({ code: 'custom', message: `expected weekday ${i + 1}`, path: ['weekly', i, 'weekday'] });
    });
    const seen = new Set<string>();
    s.exceptions.forEach((e, i) => {
      if (seen.has(e.date))
        ctx.addIssue({ code: 'custom', message: 'a second exception for this day', path: ['exceptions', i, 'date'], params: { code: 'duplicate' } });
      seen.add(e.date);
    });
  });
export type ServiceSchedule = z.infer<typeof serviceScheduleSchema>;

/** Where the hours in force come from: the admin's saved schedule, the IVR flow's default, or --service-hours (which wins). */
export const SERVICE_HOURS_SOURCES = ['saved', 'flow', 'flag'] as const;

/** GET /api/v1/service-hours: whether callers can reach 人工 now, and the schedule. */
export const serviceHoursResponseSchema = z.object({
  open: z.boolean(),
  /** 人工's periods on a working day (center time zone), e.g. [{ from: '08:30', to: '12:00' }]: the desk's banner. */
  periods: z.array(z.object({ from: z.string(), to: z.string() })),
  always: z.boolean(),
  source: z.enum(SERVICE_HOURS_SOURCES),
  schedule: z.object({ weekly: z.array(weeklyDaySchema), exceptions: z.array(hoursExceptionSchema) }),
  /** What the closed-hours prompt says (the IVR's agent-closed, made from the schedule when saved). */
  closedPromptText: z.string(),
  /** The closed-hours prompt is the one made from this schedule (false: the recorded default is played, e.g. no TTS on this host). */
  closedPromptMade: z.boolean(),
});
export type ServiceHoursResponse = z.infer<typeof serviceHoursResponseSchema>;
