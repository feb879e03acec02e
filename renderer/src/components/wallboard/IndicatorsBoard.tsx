import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATA_STANDARD } from '../../../../shared/metrics/data-standard';
import { THRESHOLDS } from '../../../../shared/metrics/thresholds';
import type { PERIOD_KINDS } from '../../../../shared/metrics/periods';
import { useMetricsStore } from '../../stores/metrics-store';

type Period = (typeof PERIOD_KINDS)[number];
const PERIODS: readonly Period[] = ['day', 'week', 'month', 'year'];
const REFRESH_MS = 15_000;

/** §3.2: the eight indicators of the period against their thresholds, as the ministry reads them. */
export function IndicatorsBoard() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<Period>('day');
  const report = useMetricsStore((s) => s.report);
  const error = useMetricsStore((s) => s.error);
  const load = useMetricsStore((s) => s.load);
  useEffect(() => {
    void load(period);
    const timer = setInterval(() => void load(period), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load, period]);

  return (
    <section className="panel indicators" aria-labelledby="indicators-heading">
      <div className="indicators__head">
        <h2 id="indicators-heading" className="panel__title">{t('wallboard.indicators', { label: report?.label ?? '' })}</h2>
        <div role="tablist" className="indicators__periods">
          {PERIODS.map((p) => (
            <button key={p} type="button" role="tab" aria-selected={p === period} className={`chip ${p === period ? 'chip--on' : ''}`} onClick={() => setPeriod(p)}>
              {t(`wallboard.periods.${p}`)}
            </button>
          ))}
        </div>
      </div>
      {error && <p className="record__error" role="alert">{error}</p>}
      <div className="indicators__grid" data-testid="indicators">
        {DATA_STANDARD.map((row) => {
          const value = report?.indicators[row.field];
          const flag = report?.flags[row.field] ?? 'n/a';
          const threshold = THRESHOLDS[row.field];
          return (
            <div key={row.field} className={`indicator indicator--${flag === 'n/a' ? 'na' : flag}`} data-field={row.field}>
              <div className="indicator__name">
                {row.name} <span className="indicator__field">{row.field}</span>
              </div>
              <div className="indicator__value">
                {value === null || value === undefined ? '—' : row.field === 'callTotal' ? value : value.toFixed(2)}
                <span className="indicator__unit">{row.unit.replace('百分数(100%)', '%')}</span>
              </div>
              {threshold && (
                <div className="indicator__limit">
                  {t(threshold.kind === 'min' ? 'wallboard.atLeast' : 'wallboard.atMost', { limit: threshold.limit, unit: threshold.unit === 'percent' ? '%' : t('wallboard.seconds') })}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}
