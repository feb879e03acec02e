import { useTranslation } from 'react-i18next';
import type { MissingResponse } from '../../../../shared/api/network';
import { dayRuns } from './network-series';

/** Which reporting units have not reported which days of the period (up to today). */
export function MissingPanel({ missing }: { missing: MissingResponse | undefined }) {
  const { t } = useTranslation();
  const late = (missing?.children ?? []).filter((c) => c.missingDays.length > 0);
  return (
    <section className="panel network-missing" aria-labelledby="network-missing-title" data-testid="network-missing">
      <h3 id="network-missing-title" className="panel__title">
        {t('network.missing.title')}
      </h3>
      {missing && late.length === 0 && <p className="muted">{t('network.missing.none')}</p>}
      <ul className="network-missing__list">
        {late.map((child) => (
          <li key={child.code} data-code={child.code}>
            <span className="network-missing__name">
              {child.name} <span className="network-table__code">{child.code}</span>
            </span>
            <span className="network-missing__count">{t('network.missing.days', { count: child.missingDays.length })}</span>
            <span className="network-missing__days">
              {dayRuns(child.missingDays)
                .map((run) => (run.from === run.to ? run.from : t('network.missing.run', { from: run.from, to: run.to })))
                .join('、')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
