import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PERIOD_KINDS } from '../../../../shared/metrics/periods';
import { useMetricsStore } from '../../stores/metrics-store';
import { IndicatorTiles } from '../indicators/IndicatorTiles';

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
        <h2 id="indicators-heading" className="panel__title">
          {t('wallboard.indicators', { label: report?.label ?? '' })}
        </h2>
        <div role="tablist" className="indicators__periods">
          {PERIODS.map((p) => (
            <button
              key={p}
              type="button"
              role="tab"
              aria-selected={p === period}
              className={`chip ${p === period ? 'chip--on' : ''}`}
              onClick={() => setPeriod(p)}
            >
              {t(`wallboard.periods.${p}`)}
            </button>
          ))}
        </div>
      </div>
      {error && (
        <p className="record__error" role="alert">
          {error}
        </p>
      )}
      <IndicatorTiles report={report} />
    </section>
  );
}
