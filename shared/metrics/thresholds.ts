// The thresholds of §3.2 and the ok/breach flag of each indicator.
import type { IndicatorField, Indicators } from './indicators.js';
import type { RawCounts } from './raw-counts.js';

export type Flag = 'ok' | 'breach' | 'n/a';
export type Flags = Record<IndicatorField, Flag>;

export interface Threshold {
  /** 'min': the value must be at least the limit; 'max': at most. */
  kind: 'min' | 'max';
  limit: number;
  unit: 'percent' | 'seconds';
}

export const THRESHOLDS: Partial<Record<IndicatorField, Threshold>> = {
  callconnect: { kind: 'min', limit: 85, unit: 'percent' },
  ABNcalls: { kind: 'max', limit: 15, unit: 'percent' },
  waittimeavg: { kind: 'max', limit: 40, unit: 'seconds' },
  acwavg: { kind: 'max', limit: 30, unit: 'seconds' },
  complntrate: { kind: 'max', limit: 0.5, unit: 'percent' },
  satisrate: { kind: 'min', limit: 90, unit: 'percent' },
};

/**
 * Percentages are judged on the published 2-decimal figure (what the data standard reports and a
 * supervisor reads). Times are judged on exact seconds: 0.67 min is 40.2 s, so the rounded minute
 * figure could hide a breach of "≤ 40 s"; the integer comparison below has no rounding at all.
 */
export function flagIndicators(indicators: Indicators, raw: RawCounts): Flags {
  const flags = {} as Flags;
  for (const field of Object.keys(indicators) as IndicatorField[]) {
    const threshold = THRESHOLDS[field];
    const value = indicators[field];
    if (!threshold || value === null) {
      flags[field] = 'n/a';
      continue;
    }
    let ok: boolean;
    if (field === 'waittimeavg') ok = raw.waitMsSum <= threshold.limit * 1000 * raw.answered;
    else if (field === 'acwavg') ok = raw.acwMsSum <= threshold.limit * 1000 * raw.acwCount;
    else ok = threshold.kind === 'min' ? value >= threshold.limit : value <= threshold.limit;
    flags[field] = ok ? 'ok' : 'breach';
  }
  return flags;
}
