import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PeriodPicker } from './PeriodPicker';
import { useIndicatorsStore } from '../../stores/indicators-store';
import { ApiError } from '../../services/api-client';
import { errorText } from '../../services/api-error-text';
import { IndicatorTiles } from './IndicatorTiles';
import { AgentTable } from './AgentTable';
import { TrendChart } from './TrendChart';
import { hourlyOption, monthOption } from './trend-options';

/** The team lead's indicators: any day, ISO week, month or year; trends; agents; exports. */
export function IndicatorsScreen() {
  const { t } = useTranslation();
  const s = useIndicatorsStore();
  const { reload } = s;
  useEffect(() => {
    void reload();
  }, [reload]);
  const hourly = useMemo(() => hourlyOption(t, s.hours, s.hoursBefore), [t, s.hours, s.hoursBefore]);
  const month = useMemo(() => monthOption(t, s.month), [t, s.month]);
  const error = s.error instanceof ApiError ? errorText(t, s.error) : s.error ? t('indicators.loadFailed') : undefined;

  return (
    <main className="indicators-screen" aria-busy={s.loading}>
      <section className="panel indicators" aria-labelledby="indicators-title">
        <div className="indicators__head">
          <h2 id="indicators-title" className="panel__title">
            {t('indicators.title', { label: s.report?.label ?? '' })}
          </h2>
          <div className="indicators__controls">
            <PeriodPicker words="indicators" period={s.period} date={s.date} choose={(p, d) => void s.choose(p, d)} />
            <ExportButtons what="indicators" />
          </div>
        </div>
        {error && (
          <p className="record__error" role="alert">
            {error}
          </p>
        )}
        <IndicatorTiles report={s.report} />
        <p className="indicators__note">{t('indicators.unitsNote')}</p>
      </section>
      <div className="indicators-screen__trends">
        <section className="panel trend" aria-labelledby="trend-hours">
          <h3 id="trend-hours" className="panel__title">
            {t('indicators.trends.hoursTitle')}
          </h3>
          <TrendChart option={hourly} label={t('indicators.trends.hoursTitle')} testId="trend-hours" />
        </section>
        <section className="panel trend" aria-labelledby="trend-month">
          <h3 id="trend-month" className="panel__title">
            {t('indicators.trends.monthTitle', { month: s.month?.rows[0]?.label.slice(0, 7) ?? '' })}
          </h3>
          <TrendChart option={month} label={t('indicators.trends.monthTitle', { month: '' })} testId="trend-month" />
        </section>
      </div>
      <section className="panel" aria-labelledby="agents-title">
        <div className="indicators__head">
          <h3 id="agents-title" className="panel__title">
            {t('indicators.agents.title', { label: s.agents?.label ?? '' })}
          </h3>
          <ExportButtons what="agents" />
        </div>
        <AgentTable agents={s.agents} />
      </section>
    </main>
  );
}

function ExportButtons({ what }: { what: 'indicators' | 'agents' }) {
  const { t } = useTranslation();
  const exportFile = useIndicatorsStore((s) => s.exportFile);
  return (
    <div className="indicators__exports" role="group" aria-label={t(`indicators.export.${what}`)}>
      {(['xlsx', 'csv'] as const).map((format) => (
        <button key={format} type="button" className="button" onClick={() => void exportFile(what, format)}>
          {t('indicators.export.button', { format: format.toUpperCase(), what: t(`indicators.export.${what}`) })}
        </button>
      ))}
    </div>
  );
}
