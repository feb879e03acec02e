import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { INDICATOR_FIELDS, type IndicatorField, type Indicators } from '../../../../shared/metrics/indicators';
import { THRESHOLDS, type Flags } from '../../../../shared/metrics/thresholds';
import { formatIndicator, UNIT_OF } from './network-table';

/** The eight indicators of a row in the data standard's units; a missed limit is red and says so. */
export function IndicatorCells({ indicators, flags }: { indicators: Indicators | null; flags: Flags | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      {INDICATOR_FIELDS.map((field) => {
        const flag = flags?.[field] ?? 'n/a';
        return (
          <td key={field} className={`num network-cell network-cell--${flag === 'n/a' ? 'na' : flag}`} data-field={field} data-flag={flag}>
            {formatIndicator(field, indicators ? indicators[field] : null)}
            {flag === 'breach' && <span className="network-sr"> {t('network.table.breach')}</span>}
          </td>
        );
      })}
    </>
  );
}

/** A column's unit and its limit in the limit's own unit: "分钟 · ≤ 40 秒". */
export function columnNote(t: TFunction, field: IndicatorField): string {
  const unit = UNIT_OF[field] === 'minutes' ? t('network.table.minutes') : UNIT_OF[field] === 'percent' ? t('network.table.percent') : '';
  const threshold = THRESHOLDS[field];
  if (!threshold) return unit;
  const limit = t(threshold.kind === 'min' ? 'network.table.atLeast' : 'network.table.atMost', {
    limit: threshold.limit,
    unit: t(`network.table.units.${threshold.unit}`),
  });
  return unit ? `${unit} · ${limit}` : limit;
}
