// HTTP contract of the team lead's indicators screen: the hours of a day (trend of today against
// yesterday) and the per-agent figures of a period, with their CSV/XLSX exports.
import { z } from 'zod';
import { parseLocalDate } from '../time/local-date.js';
import { PERIOD_KINDS, type PeriodKind } from '../metrics/periods.js';
import type { Indicators } from '../metrics/indicators.js';
import type { RawCounts } from '../metrics/raw-counts.js';
import type { AgentFigures } from '../metrics/agent-figures.js';
import { indicatorsSchema, rawCountsSchema } from './metrics.js';

export const METRICS_HOURS_PATH = '/api/v1/metrics/hours';
export const METRICS_AGENTS_PATH = '/api/v1/metrics/agents';

const civilDate = z.string().refine((s) => parseLocalDate(s) !== undefined, 'expected a real date as YYYY-MM-DD');

export const metricsHoursQuerySchema = z.object({ date: civilDate.optional() }).strict();
export type MetricsHoursQuery = z.infer<typeof metricsHoursQuerySchema>;

export const metricsAgentsQuerySchema = z
  .object({
    period: z.enum(PERIOD_KINDS).default('day'),
    date: civilDate.optional(),
    format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  })
  .strict();
export type MetricsAgentsQuery = z.infer<typeof metricsAgentsQuerySchema>;

export interface MetricsHour {
  /** Local hour 0–23 */
  hour: number;
  /** ISO 8601 with the zone's offset. */
  start: string;
  raw: RawCounts;
  indicators: Indicators;
}

export interface MetricsHoursResponse {
  centerCode: string;
  date: string;
  timeZone: string;
  hours: MetricsHour[];
}

export interface MetricsAgentsResponse {
  centerCode: string;
  period: PeriodKind;
  label: string;
  start: string;
  end: string;
  timeZone: string;
  agents: AgentFigures[];
}

export const metricsHoursResponseSchema = z.object({
  centerCode: z.string(),
  date: z.string(),
  timeZone: z.string(),
  hours: z.array(z.object({ hour: z.number().int(), start: z.string(), raw: rawCountsSchema, indicators: indicatorsSchema })),
}) satisfies z.ZodType<MetricsHoursResponse>;

const agentFiguresSchema = z.object({
  agentId: z.number().int(),
  workNumber: z.string(),
  displayName: z.string(),
  answered: z.number(),
  talkMsSum: z.number(),
  acwMsSum: z.number(),
  acwCount: z.number(),
  notReadyMs: z.number(),
  missedRings: z.number(),
  agentHangups: z.number(),
}) satisfies z.ZodType<AgentFigures>;

export const metricsAgentsResponseSchema = z.object({
  centerCode: z.string(),
  period: z.enum(PERIOD_KINDS),
  label: z.string(),
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
  agents: z.array(agentFiguresSchema),
}) satisfies z.ZodType<MetricsAgentsResponse>;
