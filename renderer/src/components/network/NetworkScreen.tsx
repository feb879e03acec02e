import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PeriodPicker } from '../indicators/PeriodPicker';
import { ApiError } from '../../services/api-client';
import { errorText } from '../../services/api-error-text';
import { centerOf, useNetworkStore, type NetworkState } from '../../stores/network-store';
import { CenterTrend } from './CenterTrend';
import { MissingPanel } from './MissingPanel';
import { NetworkTable } from './NetworkTable';
import { tableRows } from './network-table';
import './network.css';

/**
 * The province's and the ministry's screen (§3.1): every center (or province) against the §3.2
 * limits for a day, ISO week, month or year; drill-down ministry → province → center; who has not
 * reported; the table as XLSX or CSV.
 */
export function NetworkScreen() {
  const s = useNetworkStore();
  const { reload } = s;
  useEffect(() => {
    void reload();
  }, [reload]);
  return <NetworkScreenView s={s} />;
}

/** The screen for a state of the store (rendered as is in tests). */
export function NetworkScreenView({ s }: { s: NetworkState }) {
  const { t } = useTranslation();
  const rows = useMemo(() => tableRows(s.overview?.rows ?? [], s.sort), [s.overview, s.sort]);
  const center = centerOf(s.trail);
  // A ministry's own rows are provinces; a province's rows, and a province drilled into, are centers.
  const rowKind = s.home?.level === 'ministry' && s.trail.length === 0 ? 'provinces' : 'centers';
  const error = s.error instanceof ApiError ? errorText(t, s.error) : s.error ? t('network.loadFailed') : undefined;
  const level = s.home?.level;
  const period = s.overview?.period;

  return (
    <main className="network-screen" aria-busy={s.loading} data-testid="network-screen">
      <section className="panel" aria-labelledby="network-title">
        <div className="network-screen__head">
          <div>
            <h2 id="network-title" className="panel__title">
              {level ? t(`network.title.${level}`, { name: s.home?.name }) : ''}
            </h2>
            <nav aria-label={t('network.breadcrumb')} className="network-crumbs" data-testid="network-crumbs">
              <ol>
                <li>
                  {s.trail.length === 0 ? (
                    <span aria-current="page">{level ? t(`network.home.${level}`) : ''}</span>
                  ) : (
                    <button type="button" className="network-crumbs__link" onClick={() => void s.goTo(0)}>
                      {level ? t(`network.home.${level}`) : ''}
                    </button>
                  )}
                </li>
                {s.trail.map((crumb, i) => (
                  <li key={crumb.code}>
                    {i === s.trail.length - 1 ? (
                      <span aria-current="page">{crumb.name}</span>
                    ) : (
                      <button type="button" className="network-crumbs__link" onClick={() => void s.goTo(i + 1)}>
                        {crumb.name}
                      </button>
                    )}
                  </li>
                ))}
              </ol>
            </nav>
          </div>
          <div className="network-screen__controls">
            <PeriodPicker words="network" period={s.period} date={s.date} choose={(p, d) => void s.choose(p, d)} />
            <div className="indicators__exports" role="group" aria-label={t('network.export.group')}>
              {(['xlsx', 'csv'] as const).map((format) => (
                <button key={format} type="button" className="button" onClick={() => void s.exportFile(format)}>
                  {t('network.export.button', { format: format.toUpperCase() })}
                </button>
              ))}
            </div>
          </div>
        </div>
        {period && (
          <p className="network-screen__period" data-testid="network-period">
            {t('network.periodLabel', { label: period.label, from: period.from, to: period.to })}
          </p>
        )}
        {error && (
          <p className="record__error" role="alert">
            {error}
          </p>
        )}
        {!center && (
          <div className="network-table__scroll">
            <NetworkTable
              rows={rows}
              total={s.overview?.total}
              rowKind={rowKind}
              sort={s.sort}
              onSort={s.sortBy}
              onOpen={(row) => void s.open({ code: row.code, name: row.name, kind: rowKind === 'provinces' ? 'province' : 'center' })}
            />
          </div>
        )}
        <p className="indicators__note">{t('network.table.unitsNote')}</p>
      </section>
      {center ? (
        <CenterTrend
          series={s.series}
          period={s.period}
          periodLabel={period?.label ?? ''}
          periodRow={s.overview?.rows.find((r) => r.code === center.code)}
          periodDays={period}
        />
      ) : (
        <MissingPanel missing={s.missing} />
      )}
    </main>
  );
}
