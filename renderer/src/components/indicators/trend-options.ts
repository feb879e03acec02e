// The two trends of the screen as echarts options: calls hour by hour on the chosen day against
// the day before, and each day of the month (calls, and the 接通率 against its 85 % line).
import type { TFunction } from 'i18next';
import type { MetricsHoursResponse } from '../../../../shared/api/indicators';
import type { MetricsSeriesResponse } from '../../../../shared/api/metrics';
import { THRESHOLDS } from '../../../../shared/metrics/thresholds';
import type { TrendOption } from './TrendChart';

const BRAND = '#0b5cad';
const MUTED = '#9aa5b1';
const OK = '#1f8a4c';

export function hourlyOption(t: TFunction, day: MetricsHoursResponse | undefined, before: MetricsHoursResponse | undefined): TrendOption {
  const hours = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));
  const calls = (r: MetricsHoursResponse | undefined) => hours.map((_, h) => r?.hours.find((x) => x.hour === h)?.raw.callTotal ?? 0);
  return {
    animation: false,
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [t('indicators.trends.chosenDay', { date: day?.date ?? '' }), t('indicators.trends.dayBefore', { date: before?.date ?? '' })] },
    xAxis: { type: 'category', data: hours, name: t('indicators.trends.hour'), nameGap: 4 },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'line',
        name: t('indicators.trends.dayBefore', { date: before?.date ?? '' }),
        data: calls(before),
        color: MUTED,
        symbol: 'none',
        lineStyle: { type: 'dashed' },
      },
      { type: 'line', name: t('indicators.trends.chosenDay', { date: day?.date ?? '' }), data: calls(day), color: BRAND, areaStyle: { opacity: 0.08 } },
    ],
  };
}

export function monthOption(t: TFunction, month: MetricsSeriesResponse | undefined): TrendOption {
  const rows = month?.rows ?? [];
  const limit = THRESHOLDS.callconnect!.limit;
  return {
    animation: false,
    grid: { left: 40, right: 44, top: 36, bottom: 28 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [t('indicators.trends.calls'), t('indicators.trends.callconnect')] },
    xAxis: { type: 'category', data: rows.map((r) => r.label.slice(8)) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { type: 'bar', name: t('indicators.trends.calls'), data: rows.map((r) => r.raw.callTotal), color: '#c9d8ea' },
      {
        type: 'line',
        name: t('indicators.trends.callconnect'),
        yAxisIndex: 1,
        data: rows.map((r) => r.indicators.callconnect),
        color: OK,
        connectNulls: false,
        markLine: {
          silent: true,
          symbol: 'none',
          data: [{ yAxis: limit }],
          lineStyle: { color: '#c0392b', type: 'dotted' },
          label: { formatter: `${limit}%` },
        },
      },
    ],
  };
}
