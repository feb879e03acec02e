// HTTP contract of the metrics endpoints (§3.2 indicators, wallboard series, attendance).
import { z } from 'zod';
import { isLocalDate } from '../time/local-date.js';
import { PERIOD_KINDS } from '../metrics/periods.js';
import type { Flags } from '../metrics/thresholds.js';
import type { Indicators } from '../metrics/indicators.js';
import type { RawCounts } from '../metrics/raw-counts.js';
import type { AttendanceDay, AttendanceTotals } from '../metrics/attendance.js';
import type { WorkOrderFigures } from '../metrics/work-order-figures.js';

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

export interface MetricsSeriesResponse {
  centerCode: string;
  period: (typeof PERIOD_KINDS)[number];
  timeZone: string;
  rows: MetricsReport[];
}

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
