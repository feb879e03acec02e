import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverviewRow, SeriesResponse } from '../../../../shared/api/network';
import { INDICATOR_FIELDS } from '../../../../shared/metrics/indicators';
import type { PeriodKind } from '../../../../shared/metrics/periods';
import { TrendChart } from '../indicators/TrendChart';
import { columnNote, IndicatorCells } from './IndicatorCells';
import { trendPoints } from './network-series';
import { flagsOf } from './network-table';
import { centerTrendOption } from './network-trend-options';

/** A center drilled into: its chart and its days (a year's months) with the eight indicators each. */
export function CenterTrend({
  series,
  period,
  periodLabel,
  periodRow,
  periodDays,
}: {
  series: SeriesResponse | undefined;
  period: PeriodKind;
  /** The chosen period (2026-W45) and the center's figures over it, first in the table. */
  periodLabel: string;
  periodRow: OverviewRow | undefined;
  /** The chosen period's first and last day: the table lists those, the chart the whole trend. */
  periodDays: { from: string; to: string } | undefined;
}) {
  const { t } = useTranslation();
  const points = useMemo(() => trendPoints(series, period), [series, period]);
  const option = useMemo(() => centerTrendOption(t, points), [t, points]);
  // A point's label is a date or a month: compared with the period's bounds cut to its length.
  const inPeriod = (label: string) => !periodDays || (label >= periodDays.from.slice(0, label.length) && label <= periodDays.to.slice(0, label.length));
  const first = series?.days[0]?.date ?? '';
  const last = series?.days[series.days.length - 1]?.date ?? '';
  const byMonth = period === 'year';
  return (
    <section className="panel network-center" aria-labelledby="network-center-title" data-testid="network-center">
      <h3 id="network-center-title" className="panel__title">
        {t(byMonth ? 'network.center.titleYear' : 'network.center.title', { name: series?.name ?? '' })}{' '}
        <span className="muted">{first && t('network.center.range', { from: first, to: last })}</span>
      </h3>
      <TrendChart option={option} label={t('network.center.chart')} testId="network-trend" />
      <div className="network-table__scroll">
        <table className="table network-table" data-testid="network-days">
          <thead>
            <tr>
              <th scope="col">{t(byMonth ? 'network.center.month' : 'network.center.day')}</th>
              {INDICATOR_FIELDS.map((field) => (
                <th key={field} scope="col" className="num">
                  {t(`network.fields.${field}`)}
                  <span className="network-table__note">{columnNote(t, field)}</span>
                </th>
              ))}
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {periodRow && (
              <tr data-day="period" className="network-days__period">
                <th scope="row">{periodLabel}</th>
                <IndicatorCells indicators={periodRow.indicators} flags={flagsOf(periodRow.indicators, periodRow.counts)} />
                <td className="network-cell--late">
                  {periodRow.reportedDays < periodRow.expectedDays
                    ? t('network.center.partly', { count: periodRow.expectedDays - periodRow.reportedDays })
                    : ''}
                </td>
              </tr>
            )}
            {[...points]
              .filter((p) => inPeriod(p.label))
              .reverse()
              .map((p) => (
                <tr key={p.label} data-day={p.label} className={p.counts ? undefined : 'network-days__missing'}>
                  <td className="network-table__code">{p.label}</td>
                  <IndicatorCells indicators={p.indicators} flags={p.counts && p.indicators ? flagsOf(p.indicators, p.counts) : undefined} />
                  <td className="network-cell--late">
                    {!p.counts ? t('network.center.notReported') : p.missingDays > 0 ? t('network.center.partly', { count: p.missingDays }) : ''}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
