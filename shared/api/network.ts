// HTTP contract of the supervision network (§3.1, docs/network.md): centers feed their day rows
// up to their province, provinces forward them to the ministry, and province and ministry users
// read roll-ups summed from raw counts (never averaged rates).
import { z } from 'zod';
import { isLocalDate } from '../time/local-date.js';
import { PERIOD_KINDS } from '../metrics/periods.js';
import { RAW_COUNT_FIELDS, type RawCounts } from '../metrics/raw-counts.js';
import { INDICATOR_FIELDS } from '../metrics/indicators.js';

/** What a server is in the network (config key `mode`). */
export const NETWORK_MODES = ['center', 'province', 'ministry'] as const;
export type NetworkMode = (typeof NETWORK_MODES)[number];

/** A GB/T 2260 code: 6 digits (330100 Hangzhou, 330000 Zhejiang, 000000 the ministry). */
export const areaCodeSchema = z.string().regex(/^\d{6}$/, 'a GB/T 2260 code of 6 digits');

const civilDate = z.string().refine((s) => isLocalDate(s) && s >= '1970-01-01', 'expected a real date as YYYY-MM-DD');
const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** All 12 raw counts of shared/metrics/raw-counts.ts, non-negative integers. */
export const rawCountsSchema = z.object(Object.fromEntries(RAW_COUNT_FIELDS.map((f) => [f, count])) as Record<keyof RawCounts, typeof count>).strict();

/** §3.2 extras (出勤率, 准时率): the summable counts of shared/metrics/attendance.ts AttendanceTotals. */
export const ATTENDANCE_COUNT_FIELDS = [
  'scheduledShifts',
  'attendedShifts',
  'onTimeShifts',
  'lateShifts',
  'absentShifts',
  'earlySignOuts',
  'signedInMs',
  'breakMs',
  'breakCount',
] as const;
export type AttendanceCountField = (typeof ATTENDANCE_COUNT_FIELDS)[number];
export const attendanceCountsSchema = z
  .object(Object.fromEntries(ATTENDANCE_COUNT_FIELDS.map((f) => [f, count])) as Record<AttendanceCountField, typeof count>)
  .strict();
export type AttendanceCounts = z.infer<typeof attendanceCountsSchema>;

/** The eight indicators (shared/metrics/indicators.ts), data-standard names; null for a zero denominator. */
const rate = z.number().nullable();
export const indicatorsSchema = z.object({
  callTotal: z.number(),
  ...(Object.fromEntries(INDICATOR_FIELDS.filter((f) => f !== 'callTotal').map((f) => [f, rate])) as Record<
    Exclude<(typeof INDICATOR_FIELDS)[number], 'callTotal'>,
    typeof rate
  >),
});

// ---- Feed: child → parent, `Authorization: Bearer <token>` issued by the parent ----

export const feedDayParamsSchema = z.object({ code: areaCodeSchema, date: civilDate });
export const feedDayRequestSchema = z
  .object({
    /** Increments each time the child's counts for the day change; the parent keeps the highest. */
    revision: z.number().int().min(1),
    counts: rawCountsSchema,
    attendance: attendanceCountsSchema.optional(),
  })
  .strict();
export type FeedDayRequest = z.infer<typeof feedDayRequestSchema>;
export const FEED_RESULTS = ['stored', 'replaced', 'unchanged'] as const;
export const feedDayResponseSchema = z.object({ result: z.enum(FEED_RESULTS) });
export type FeedDayResult = (typeof FEED_RESULTS)[number];

/** Error codes of the feed (docs/network.md, Rejections). */
export const FEED_ERRORS = {
  bad_token: 401,
  not_your_center: 403,
  unknown_center: 404,
  stale_revision: 409,
  impossible_counts: 422,
} as const;
export type FeedError = keyof typeof FEED_ERRORS;

// ---- Pull: parent asks a child for a range, same bearer token ----

export const dateRangeQuerySchema = z
  .object({ from: civilDate, to: civilDate })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] });
export const networkDaySchema = z.object({
  /** The center's code: a province answering a pull returns its centers' rows. */
  code: areaCodeSchema.optional(),
  date: civilDate,
  revision: z.number().int().min(1),
  counts: rawCountsSchema,
  attendance: attendanceCountsSchema.optional(),
});
export type NetworkDay = z.infer<typeof networkDaySchema>;
export const pullDaysResponseSchema = z.object({ code: areaCodeSchema, days: z.array(networkDaySchema) });
export type PullDaysResponse = z.infer<typeof pullDaysResponseSchema>;

// ---- Registry: the parent's center_admin ----

export const CHILD_LEVELS = ['center', 'province'] as const;
export const childSchema = z.object({
  code: areaCodeSchema,
  name: z.string(),
  level: z.enum(CHILD_LEVELS),
  hasToken: z.boolean(),
  /** Epoch ms of the last accepted feed upload, null when never. */
  lastReportAt: z.number().nullable(),
});
export type NetworkChild = z.infer<typeof childSchema>;
export const childrenResponseSchema = z.object({ children: z.array(childSchema) });
export const registerChildRequestSchema = z.object({ code: areaCodeSchema }).strict();
export const childCodeParamsSchema = z.object({ code: areaCodeSchema });
export const childTokenResponseSchema = z.object({ token: z.string() });

/** Province → ministry: the centers registered at the province (so one that never reported is listed as 未报送). */
export const listedCentersRequestSchema = z.object({ centers: z.array(areaCodeSchema).max(400) }).strict();
export const listedCentersResponseSchema = z.object({ listed: z.number().int() });

/** A parent's pull on demand: the days of one center over a range, asked of the child that feeds them. */
export const resendRequestSchema = z.object({ id: z.number().int().positive(), code: areaCodeSchema, from: civilDate, to: civilDate });
export type ResendRequest = z.infer<typeof resendRequestSchema>;
export const resendRequestsResponseSchema = z.object({ requests: z.array(resendRequestSchema) });
export const resendIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });
/** Registry error codes (400). */
export const REGISTRY_ERRORS = ['unknown_region', 'wrong_level', 'unknown_child'] as const;

// ---- Reading: province and ministry users, and that server's center_admin ----

export const overviewQuerySchema = z
  .object({
    period: z.enum(PERIOD_KINDS).default('day'),
    /** A date inside the period (China Standard Time); today when absent. */
    date: civilDate.optional(),
    /** At a ministry: a province code, rows are then that province's centers. */
    under: areaCodeSchema.optional(),
  })
  .strict();
export type OverviewQuery = z.infer<typeof overviewQuerySchema>;

export const overviewRowSchema = z.object({
  code: areaCodeSchema,
  name: z.string(),
  counts: rawCountsSchema,
  indicators: indicatorsSchema,
  attendance: attendanceCountsSchema.optional(),
  /** Center-days with a row in the period (up to today). */
  reportedDays: z.number().int(),
  /** Center-days expected in the period up to today (registered centers × days). */
  expectedDays: z.number().int(),
});
export type OverviewRow = z.infer<typeof overviewRowSchema>;
export const overviewResponseSchema = z.object({
  level: z.enum(['province', 'ministry']),
  code: areaCodeSchema,
  name: z.string(),
  period: z.object({ kind: z.enum(PERIOD_KINDS), label: z.string(), from: civilDate, to: civilDate }),
  rows: z.array(overviewRowSchema),
  total: z.object({ counts: rawCountsSchema, indicators: indicatorsSchema, attendance: attendanceCountsSchema.optional() }),
});
export type OverviewResponse = z.infer<typeof overviewResponseSchema>;

/** Longest range a series or missing-days request covers. */
export const MAX_NETWORK_RANGE_DAYS = 800;
export const seriesQuerySchema = z
  .object({ code: areaCodeSchema, from: civilDate, to: civilDate })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] });
export const seriesResponseSchema = z.object({
  code: areaCodeSchema,
  name: z.string(),
  days: z.array(z.object({ date: civilDate, counts: rawCountsSchema.nullable(), indicators: indicatorsSchema.nullable() })),
});
export type SeriesResponse = z.infer<typeof seriesResponseSchema>;

export const missingQuerySchema = z
  .object({ from: civilDate, to: civilDate, under: areaCodeSchema.optional() })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] });
export const missingResponseSchema = z.object({
  children: z.array(z.object({ code: areaCodeSchema, name: z.string(), missingDays: z.array(civilDate) })),
});
export type MissingResponse = z.infer<typeof missingResponseSchema>;

/** The table of an overview as a file (CSV or XLSX) in the data standard's names and units. */
export const NETWORK_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const exportQuerySchema = overviewQuerySchema.safeExtend({ format: z.enum(NETWORK_EXPORT_FORMATS) });
export type ExportQuery = z.infer<typeof exportQuerySchema>;
/** The file's bytes; the desk downloads it (api.download), it is never parsed as JSON. */
export const exportFileSchema = z.unknown();
