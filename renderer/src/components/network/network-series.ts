// A center's trend: which days to ask for a period, and the days grouped into points (days, or the
// months of a year) whose indicators are recomputed from the summed raw counts, never averaged.
import type { SeriesResponse } from '../../../../shared/api/network';
import { computeIndicators, type Indicators } from '../../../../shared/metrics/indicators';
import { periodContaining, type PeriodKind } from '../../../../shared/metrics/periods';
import { addRawCounts, emptyRawCounts, type RawCounts } from '../../../../shared/metrics/raw-counts';
import { addDays, type LocalDate } from '../../../../shared/time/local-date';

// Period bounds do not depend on the zone for calendar dates; the instants are not used here.
const ZONE = 'Asia/Shanghai';

/** The first and last date of the period of a kind holding a date. */
export function periodDates(kind: PeriodKind, date: LocalDate): { from: LocalDate; to: LocalDate } {
  const p = periodContaining(kind, date, ZONE);
  return { from: p.firstDate, to: addDays(p.nextDate, -1) };
}

/** The days a trend shows: a day or a week within the 30 days up to its end, a month or a year whole. */
export function trendRange(kind: PeriodKind, date: LocalDate): { from: LocalDate; to: LocalDate } {
  const { from, to } = periodDates(kind, date);
  return kind === 'day' || kind === 'week' ? { from: addDays(to, -29), to } : { from, to };
}

export interface TrendPoint {
  /** 2026-11-03, or 2026-11 for a month of a year. */
  label: string;
  counts: RawCounts | null;
  indicators: Indicators | null;
  /** Days of the point with no row from the center. */
  missingDays: number;
  days: number;
}

/** Days as they are; a year's days summed per month (a month with no row at all has no figures). */
export function trendPoints(series: SeriesResponse | undefined, kind: PeriodKind): TrendPoint[] {
  if (!series) return [];
  const key = (date: string) => (kind === 'year' ? date.slice(0, 7) : date);
  const points = new Map<string, { counts: RawCounts | null; missingDays: number; days: number }>();
  for (const day of series.days) {
    const point = points.get(key(day.date)) ?? { counts: null, missingDays: 0, days: 0 };
    point.days += 1;
    if (day.counts) point.counts = addRawCounts(point.counts ?? emptyRawCounts(), day.counts);
    else point.missingDays += 1;
    points.set(key(day.date), point);
  }
  return [...points].map(([label, p]) => ({ label, ...p, indicators: p.counts ? computeIndicators(p.counts) : null }));
}

/** Missing days as short runs: 11-03, 11-05 – 11-07 (consecutive days joined). */
export function dayRuns(days: readonly LocalDate[]): Array<{ from: LocalDate; to: LocalDate }> {
  const runs: Array<{ from: LocalDate; to: LocalDate }> = [];
  for (const day of [...days].sort()) {
    const last = runs[runs.length - 1];
    if (last && addDays(last.to, 1) === day) last.to = day;
    else runs.push({ from: day, to: day });
  }
  return runs;
}
