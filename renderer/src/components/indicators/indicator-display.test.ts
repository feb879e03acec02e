import { describe, expect, it } from 'vitest';
import { averageSeconds, clockDuration, displayOf, minutesAndSeconds } from './indicator-display';
import { computeIndicators } from '../../../../shared/metrics/indicators';
import { emptyRawCounts } from '../../../../shared/metrics/raw-counts';

describe('indicator display', () => {
  const raw = { ...emptyRawCounts(), callTotal: 9, offered: 8, answered: 3, talkMsSum: 457_000, waitMsSum: 10_000, acwMsSum: 95_000, acwCount: 3 };
  const report = { raw, indicators: computeIndicators(raw) };

  it('shows times in seconds from the exact sums, not from the rounded minutes', () => {
    // 10 s / 3 = 3.33 s: the data-standard figure is 0.06 min, which is 3.6 s if read back.
    expect(report.indicators.waittimeavg).toBe(0.06);
    expect(displayOf(report, 'waittimeavg')).toEqual({ value: 3.3, unit: 'seconds' });
    expect(displayOf(report, 'acwavg')).toEqual({ value: 31.7, unit: 'seconds' });
    expect(displayOf(report, 'callavg')).toEqual({ value: 152.3, unit: 'duration' });
    expect(displayOf(report, 'callconnect')).toEqual({ value: 37.5, unit: 'percent' });
    expect(displayOf(report, 'callTotal')).toEqual({ value: 9, unit: 'count' });
  });

  it('has no value where nothing was answered', () => {
    const none = { raw: emptyRawCounts(), indicators: computeIndicators(emptyRawCounts()) };
    expect(displayOf(none, 'waittimeavg').value).toBeNull();
    expect(averageSeconds(0, 0)).toBeNull();
  });

  it('formats durations', () => {
    expect(minutesAndSeconds(152.4)).toEqual({ minutes: 2, seconds: 32 });
    expect(minutesAndSeconds(59.6)).toEqual({ minutes: 1, seconds: 0 });
    expect(clockDuration(2 * 3_600_000 + 5 * 60_000 + 499)).toBe('2:05:00');
  });
});
