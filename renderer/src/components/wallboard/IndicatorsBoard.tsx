import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeriodKind } from '../../../../shared/metrics/periods';
import { useMetricsStore } from '../../stores/metrics-store';
import { IndicatorTiles } from '../indicators/IndicatorTiles';
import { PeriodTabs } from '../indicators/PeriodPicker';

const REFRESH_MS = 15_000;

/** §3.2: the eight indicators of the period against their thresholds, as the ministry reads them. */
export function IndicatorsBoard() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<PeriodKind>('day');
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
        <PeriodTabs words="wallboard" period={period} choose={setPeriod} />
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
