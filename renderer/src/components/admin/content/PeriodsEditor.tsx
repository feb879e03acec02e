import { useTranslation } from 'react-i18next';
import type { ServicePeriod } from '../../../../../shared/api/service-hours';

interface Props {
  periods: readonly ServicePeriod[];
  onChange(periods: ServicePeriod[]): void;
  /** The path prefix of these periods in the saved body (weekly.0.periods), to mark a bad time. */
  path: string;
  invalid: (path: string) => boolean;
  testId: string;
}

/** A day's periods: from/to pairs, "休息" when there are none. */
export function PeriodsEditor({ periods, onChange, path, invalid, testId }: Props) {
  const { t } = useTranslation();
  const set = (i: number, change: Partial<ServicePeriod>) => onChange(periods.map((p, j) => (j === i ? { ...p, ...change } : p)));
  return (
    <div className="periods" data-testid={testId}>
      {periods.length === 0 && <span className="periods__closed">{t('adminContent.hours.closed')}</span>}
      {periods.map((p, i) => (
        <span key={i} className="periods__one">
          <input
            type="text"
            inputMode="numeric"
            placeholder="09:00"
            aria-label={t('adminContent.fields.from')}
            value={p.from}
            aria-invalid={invalid(`${path}.${i}.from`) || undefined}
            onChange={(e) => set(i, { from: e.target.value })}
          />
          –
          <input
            type="text"
            inputMode="numeric"
            placeholder="17:00"
            aria-label={t('adminContent.fields.to')}
            value={p.to}
            aria-invalid={invalid(`${path}.${i}.to`) || undefined}
            onChange={(e) => set(i, { to: e.target.value })}
          />
          <button
            type="button"
            className="button button--small"
            aria-label={t('adminContent.hours.removePeriod')}
            onClick={() => onChange(periods.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </span>
      ))}
      {periods.length < 4 && (
        <button
          type="button"
          className="button button--small"
          data-testid={`${testId}-add`}
          onClick={() => onChange([...periods, periods.length ? { from: '13:00', to: '17:00' } : { from: '09:00', to: '12:00' }])}
        >
          {t('adminContent.hours.addPeriod')}
        </button>
      )}
    </div>
  );
}
