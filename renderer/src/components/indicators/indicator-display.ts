// Each indicator in the unit of its limit (§3.2): times in seconds (the limits are 40 s and 30 s;
// the data standard's minutes stay in the exports), rates in percent, the count as is.
import type { IndicatorField } from '../../../../shared/metrics/indicators';
import type { RawCounts } from '../../../../shared/metrics/raw-counts';
import type { MetricsReport } from '../../../../shared/api/metrics';

export type DisplayUnit = 'count' | 'percent' | 'seconds' | 'duration';

export interface IndicatorDisplay {
  /** The number in the display unit; null when there is nothing to divide. */
  value: number | null;
  unit: DisplayUnit;
}

/** Exact average seconds from the raw sums (not from the rounded minutes), 1 decimal. */
export function averageSeconds(msSum: number, count: number): number | null {
  return count === 0 ? null : Math.round(msSum / (count * 100)) / 10;
}

const SECONDS_OF: Partial<Record<IndicatorField, (raw: RawCounts) => number | null>> = {
  callavg: (raw) => averageSeconds(raw.talkMsSum, raw.answered),
  waittimeavg: (raw) => averageSeconds(raw.waitMsSum, raw.answered),
  acwavg: (raw) => averageSeconds(raw.acwMsSum, raw.acwCount),
};

export function displayOf(report: Pick<MetricsReport, 'indicators' | 'raw'>, field: IndicatorField): IndicatorDisplay {
  if (field === 'callTotal') return { value: report.indicators.callTotal, unit: 'count' };
  const seconds = SECONDS_OF[field];
  // The average talk has no limit: it reads best as minutes and seconds.
  if (seconds) return { value: seconds(report.raw), unit: field === 'callavg' ? 'duration' : 'seconds' };
  return { value: report.indicators[field], unit: 'percent' };
}

/** 152.4 s → { minutes: 2, seconds: 32 } (rounded to the second). */
export function minutesAndSeconds(totalSeconds: number): { minutes: number; seconds: number } {
  const whole = Math.round(totalSeconds);
  return { minutes: Math.floor(whole / 60), seconds: whole % 60 };
}

/** 2 h 05 min as "2:05:00"; for 示忙 time over a period. */
export function clockDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(s / 3600)}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
}
