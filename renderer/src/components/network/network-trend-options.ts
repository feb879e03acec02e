// A center's trend as an echarts option: calls as bars, 接通率 and 满意度 as lines against their
// "at least" limits. A day the center did not report is a gap, never a zero.
import type { TFunction } from 'i18next';
import { THRESHOLDS } from '../../../../shared/metrics/thresholds';
import type { TrendOption } from '../indicators/TrendChart';
import type { TrendPoint } from './network-series';

const OK = '#1f8a4c';
const BRAND = '#0b5cad';
const BAD = '#c0392b';

export function centerTrendOption(t: TFunction, points: readonly TrendPoint[]): TrendOption {
  const limitLine = (limit: number) => ({
    silent: true,
    symbol: 'none',
    data: [{ yAxis: limit }],
    lineStyle: { color: BAD, type: 'dotted' as const },
    label: { formatter: `${limit}%` },
  });
  return {
    animation: false,
    grid: { left: 48, right: 48, top: 36, bottom: 28 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [t('network.center.calls'), t('network.center.callconnect'), t('network.center.satisrate')] },
    xAxis: { type: 'category', data: points.map((p) => (p.label.length === 10 ? p.label.slice(5) : p.label)) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { type: 'bar', name: t('network.center.calls'), data: points.map((p) => p.counts?.callTotal ?? null), color: '#c9d8ea' },
      {
        type: 'line',
        name: t('network.center.callconnect'),
        yAxisIndex: 1,
        data: points.map((p) => p.indicators?.callconnect ?? null),
        color: OK,
        connectNulls: false,
        markLine: limitLine(THRESHOLDS.callconnect!.limit),
      },
      {
        type: 'line',
        name: t('network.center.satisrate'),
        yAxisIndex: 1,
        data: points.map((p) => p.indicators?.satisrate ?? null),
        color: BRAND,
        connectNulls: false,
        markLine: limitLine(THRESHOLDS.satisrate!.limit),
      },
    ],
  };
}
