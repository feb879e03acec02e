import { z } from 'zod';

/** GET/PUT /api/v1/calendar/:year */
export const calendarYearParamsSchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

/** Where a year's calendar comes from: shipped in resources/, uploaded by an admin, or computed (provisional). */
export const CALENDAR_ORIGINS = ['shipped', 'uploaded', 'statutory'] as const;

/** The reason a year is provisional, a code the desk translates. */
export const PROVISIONAL_REASONS = ['official_notice_missing'] as const;

/** GET /api/v1/calendar/:year: the year as the server counts working days with it. */
export const calendarYearResponseSchema = z.object({
  year: z.number().int(),
  source: z.string(),
  holidays: z.array(z.object({ name: z.string(), from: z.string(), to: z.string() })),
  workingWeekendDays: z.array(z.object({ date: z.string(), for: z.string() })),
  origin: z.enum(CALENDAR_ORIGINS),
  /** Statutory days and weekends only, no 调休: due dates counted over it may move when the notice is loaded. */
  provisional: z.boolean(),
  reason: z.enum(PROVISIONAL_REASONS).nullable(),
});
export type CalendarYearResponse = z.infer<typeof calendarYearResponseSchema>;

/**
 * PUT /api/v1/calendar/:year (center admin; body: the year file, as in resources/calendar/):
 * the year as now used, and the open work orders whose provisional due dates were counted again.
 */
export const loadCalendarYearResponseSchema = calendarYearResponseSchema.extend({ recomputedWorkOrders: z.array(z.number().int()) });
export type LoadCalendarYearResponse = z.infer<typeof loadCalendarYearResponseSchema>;
