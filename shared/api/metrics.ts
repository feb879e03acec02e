// HTTP contract of the metrics endpoints (§3.2 indicators, wallboard series, attendance).
import { z } from 'zod';
import { isLocalDate } from '../time/local-date.js';
import { PERIOD_KINDS } from '../metrics/periods.js';
import type { Flags } from '../metrics/thresholds.js';
import { INDICATOR_FIELDS, type Indicators } from '../metrics/indicators.js';
import { RAW_COUNT_FIELDS, type RawCounts } from '../metrics/raw-counts.js';
import type { AttendanceDay, AttendanceTotals } from '../metrics/attendance.js';
import type { OnTimeRow, SurveyFigures, WorkOrderFigures } from '../metrics/work-order-figures.js';

export const METRICS_PATH = '/api/v1/metrics';
export const METRICS_SERIES_PATH = '/api/v1/metrics/series';
export const ATTENDANCE_PATH = '/api/v1/metrics/attendance';
/** The work-order figures of a period as CSV or JSON (the XLSX export carries them on a sheet of their own). */
export const WORK_ORDER_FIGURES_PATH = '/api/v1/metrics/work-orders';

/** Longest series the server computes in one request (a day series of about two years). */
export const MAX_SERIES_ROWS = 800;

const civilDate = z.string().refine((s) => isLocalDate(s) && s >= '1970-01-01', 'expected a real date as YYYY-MM-DD');
const period = z.enum(PERIOD_KINDS);

export const metricsQuerySchema = z
  .object({
    period: period.default('day'),
    /** A date inside the period; today in the center's zone when absent. */
    date: civilDate.optional(),
    format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  })
  .strict();
export type MetricsQuery = z.infer<typeof metricsQuerySchema>;

export const metricsSeriesQuerySchema = z
  .object({ period: period.default('day'), from: civilDate, to: civilDate })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] });
export type MetricsSeriesQuery = z.infer<typeof metricsSeriesQuerySchema>;

export const attendanceQuerySchema = z.object({ period: z.enum(['day', 'week', 'month']).default('day'), date: civilDate.optional() }).strict();
export type AttendanceQuery = z.infer<typeof attendanceQuerySchema>;

// Response schemas: the desk checks what it is sent against them (shared/api/route.ts); each is
// held to its interface (satisfies), so the two cannot drift.
const count = z.number();
const figure = z.number().nullable();
const fields = <K extends string, S extends z.ZodType>(keys: readonly K[], schema: (key: K) => S) =>
  z.object(Object.fromEntries(keys.map((k) => [k, schema(k)])) as { [P in K]: S });

export const indicatorsSchema = fields(INDICATOR_FIELDS, () => figure).extend({ callTotal: count }) satisfies z.ZodType<Indicators>;
export const flagsSchema = fields(INDICATOR_FIELDS, () => z.enum(['ok', 'breach', 'n/a'])) satisfies z.ZodType<Flags>;
export const rawCountsSchema = fields(RAW_COUNT_FIELDS, () => count) satisfies z.ZodType<RawCounts>;

const onTimeRowSchema = z.object({ key: z.string().nullable(), resolved: count, onTime: count, rate: figure }) satisfies z.ZodType<OnTimeRow>;
const surveyFiguresSchema = z.object({ responses: count, satisfied: count, rate: figure }) satisfies z.ZodType<SurveyFigures>;
export const workOrderFiguresSchema = z.object({
  onTime: z.object({ total: onTimeRowSchema, byCategory: z.array(onTimeRowSchema), byDepartment: z.array(onTimeRowSchema) }),
  inboundSurvey: surveyFiguresSchema,
  followUpSurvey: surveyFiguresSchema,
}) satisfies z.ZodType<WorkOrderFigures>;

export interface MetricsReport {
  centerCode: string;
  period: (typeof PERIOD_KINDS)[number];
  /** 2026-12-31, 2026-W53, 2026-12, 2026 */
  label: string;
  /** ISO 8601 with the zone's offset; start inclusive, end exclusive. */
  start: string;
  end: string;
  timeZone: string;
  indicators: Indicators;
  flags: Flags;
  raw: RawCounts;
  /** Beside the eight, never in them: on-time rate and follow-up survey (one period's report only, not series rows). */
  workOrders?: WorkOrderFigures;
}

export const metricsReportSchema = z.object({
  centerCode: z.string(),
  period,
  label: z.string(),
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
  indicators: indicatorsSchema,
  flags: flagsSchema,
  raw: rawCountsSchema,
  workOrders: workOrderFiguresSchema.optional(),
}) satisfies z.ZodType<MetricsReport>;

export interface MetricsSeriesResponse {
  centerCode: string;
  period: (typeof PERIOD_KINDS)[number];
  timeZone: string;
  rows: MetricsReport[];
}

export const metricsSeriesResponseSchema = z.object({
  centerCode: z.string(),
  period,
  timeZone: z.string(),
  rows: z.array(metricsReportSchema),
}) satisfies z.ZodType<MetricsSeriesResponse>;

export interface AgentAttendance {
  agentId: number;
  workNumber: string;
  displayName: string;
  team: string | null;
  totals: AttendanceTotals;
  days: AttendanceDay[];
}

export interface AttendanceResponse {
  centerCode: string;
  period: (typeof PERIOD_KINDS)[number];
  label: string;
  start: string;
  end: string;
  timeZone: string;
  agents: AgentAttendance[];
}

const byReason = z.record(z.string(), count);
const attendanceDaySchema = z.object({
  date: z.string(),
  shiftStart: count.nullable(),
  shiftEnd: count.nullable(),
  status: z.enum(['unscheduled', 'upcoming', 'absent', 'on_time', 'late']),
  firstSignInAt: count.nullable(),
  lastSignOutAt: count.nullable(),
  lateMs: count,
  earlySignOut: z.boolean(),
  signedInMs: count,
  breakMs: count,
  breakCount: count,
  breakMsByReason: byReason,
}) satisfies z.ZodType<AttendanceDay>;
const attendanceTotalsSchema = z.object({
  scheduledShifts: count,
  attendedShifts: count,
  onTimeShifts: count,
  lateShifts: count,
  absentShifts: count,
  earlySignOuts: count,
  signedInMs: count,
  breakMs: count,
  breakCount: count,
  breakMsByReason: byReason,
  attendanceRate: figure,
  punctualityRate: figure,
}) satisfies z.ZodType<AttendanceTotals>;

export const attendanceResponseSchema = z.object({
  centerCode: z.string(),
  period,
  label: z.string(),
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
  agents: z.array(
    z.object({
      agentId: z.number().int(),
      workNumber: z.string(),
      displayName: z.string(),
      team: z.string().nullable(),
      totals: attendanceTotalsSchema,
      days: z.array(attendanceDaySchema),
    }),
  ),
}) satisfies z.ZodType<AttendanceResponse>;
