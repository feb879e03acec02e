// The 8 indicators of §3.2 as pure functions of raw counts (DESIGN.md, "The 8 indicators").
import type { RawCounts } from './raw-counts.js';

export const INDICATOR_FIELDS = ['callTotal', 'callavg', 'callconnect', 'ABNcalls', 'waittimeavg', 'acwavg', 'complntrate', 'satisrate'] as const;
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];

/** Data-standard field names; percentages 0–100 and minutes, 2 decimals; null for a zero denominator. */
export interface Indicators {
  callTotal: number;
  callavg: number | null;
  callconnect: number | null;
  ABNcalls: number | null;
  waittimeavg: number | null;
  acwavg: number | null;
  complntrate: number | null;
  satisrate: number | null;
}

const MS_PER_MINUTE = 60_000;

/**
 * numerator ÷ denominator × scale, rounded half up to 2 decimals. The one float division sees
 * exact integers, so a true .xx5 is exactly representable and rounds up (no 1.005 → 1.00 drift).
 */
export function ratio2(numerator: number, denominator: number, scale = 1): number | null {
  if (denominator === 0) return null;
  return Math.round((numerator * scale * 100) / denominator) / 100;
}

const percent = (numerator: number, denominator: number) => ratio2(numerator, denominator, 100);
const minutes = (msSum: number, count: number) => (count === 0 ? null : ratio2(msSum, count * MS_PER_MINUTE));

export function computeIndicators(raw: RawCounts): Indicators {
  return {
    callTotal: raw.callTotal,
    callavg: minutes(raw.talkMsSum, raw.answered),
    callconnect: percent(raw.answered, raw.offered),
    // The guideline divides by connected calls, not offered ones.
    ABNcalls: percent(raw.abandoned, raw.answered),
    waittimeavg: minutes(raw.waitMsSum, raw.answered),
    acwavg: minutes(raw.acwMsSum, raw.acwCount),
    complntrate: percent(raw.complaints, raw.answered),
    satisrate: percent(raw.surveySatisfied, raw.surveyResponses),
  };
}
