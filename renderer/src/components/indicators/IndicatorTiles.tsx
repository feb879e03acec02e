import { useTranslation } from 'react-i18next';
import { INDICATOR_FIELDS } from '../../../../shared/metrics/indicators';
import { THRESHOLDS } from '../../../../shared/metrics/thresholds';
import type { MetricsReport } from '../../../../shared/api/metrics';
import { displayOf, minutesAndSeconds } from './indicator-display';

/** The eight indicators of §3.2 against their limits, each in the unit of its limit. */
export function IndicatorTiles({ report }: { report: MetricsReport | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="indicators__grid" data-testid="indicators">
      {INDICATOR_FIELDS.map((field) => {
        const flag = report?.flags[field] ?? 'n/a';
        const threshold = THRESHOLDS[field];
        const shown = report ? displayOf(report, field) : undefined;
        return (
          <div key={field} className={`indicator indicator--${flag === 'n/a' ? 'na' : flag}`} data-field={field}>
            <div className="indicator__name">
              {t(`indicators.fields.${field}`)} <span className="indicator__field">{field}</span>
            </div>
            <div className="indicator__value">{shown ? <Value value={shown.value} unit={shown.unit} /> : '—'}</div>
            {threshold && (
              <div className="indicator__limit">
                {t(threshold.kind === 'min' ? 'indicators.atLeast' : 'indicators.atMost', {
                  limit: threshold.limit,
                  unit: t(threshold.unit === 'percent' ? 'indicators.units.percent' : 'indicators.units.seconds'),
                })}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}

function Value({ value, unit }: { value: number | null; unit: ReturnType<typeof displayOf>['unit'] }) {
  const { t } = useTranslation();
  if (value === null) return <>—</>;
  if (unit === 'count') return <>{value}</>;
  if (unit === 'duration') {
    const { minutes, seconds } = minutesAndSeconds(value);
    return <>{t('indicators.units.minutesSeconds', { minutes, seconds })}</>;
  }
  return (
    <>
      {unit === 'percent' ? value.toFixed(2) : value.toFixed(1)}
      <span className="indicator__unit">{t(unit === 'percent' ? 'indicators.units.percent' : 'indicators.units.seconds')}</span>
    </>
  );
}
