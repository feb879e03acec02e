import { useTranslation } from 'react-i18next';
import type { OverviewResponse } from '../../../../shared/api/network';
import { INDICATOR_FIELDS } from '../../../../shared/metrics/indicators';
import { columnNote, IndicatorCells } from './IndicatorCells';
import { flagsOf, isIndicator, type Sort, type SortColumn, type TableRow } from './network-table';

export interface NetworkTableProps {
  rows: TableRow[];
  total: OverviewResponse['total'] | undefined;
  /** The rows are provinces (a ministry's own table) or centers. */
  rowKind: 'provinces' | 'centers';
  sort: Sort;
  onSort(column: SortColumn): void;
  onOpen(row: TableRow): void;
}

/** Every center (or province) with the eight indicators against their limits, sortable by any column. */
export function NetworkTable({ rows, total, rowKind, sort, onSort, onOpen }: NetworkTableProps) {
  const { t } = useTranslation();
  const rankBy = isIndicator(sort.column) ? t(`network.fields.${sort.column}`) : undefined;
  const header = (column: SortColumn, label: string, note?: string) => (
    <th
      key={column}
      scope="col"
      className={column === 'code' || column === 'name' ? undefined : 'num'}
      aria-sort={sort.column === column ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
      data-column={column}
    >
      <button type="button" className="network-table__sort" onClick={() => onSort(column)} title={t('network.table.sortBy', { column: label })}>
        {label}
        <span className="network-table__arrow" aria-hidden="true">
          {sort.column === column ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
      {note && <span className="network-table__note">{note}</span>}
    </th>
  );
  return (
    <table className="table network-table" data-testid="network-table">
      <caption className="network-sr">{t(`network.table.caption.${rowKind}`)}</caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            {t('network.table.rank')}
            {rankBy && <span className="network-table__note">{t('network.table.rankBy', { field: rankBy })}</span>}
          </th>
          {header('code', t('network.table.code'))}
          {header('name', t(`network.table.name.${rowKind}`))}
          {INDICATOR_FIELDS.map((field) => header(field, t(`network.fields.${field}`), columnNote(t, field)))}
          {header('reported', t('network.table.reported'))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={INDICATOR_FIELDS.length + 4} className="network-table__empty">
              {t('network.table.none')}
            </td>
          </tr>
        )}
        {rows.map((row) => (
          <tr key={row.code} data-code={row.code}>
            <td className="num">{row.rank ?? '—'}</td>
            <td className="network-table__code">{row.code}</td>
            <td>
              <button
                type="button"
                className="network-table__open"
                onClick={() => onOpen(row)}
                title={t(rowKind === 'provinces' ? 'network.table.open.province' : 'network.table.open.center', { name: row.name })}
              >
                {row.name}
              </button>
            </td>
            <IndicatorCells indicators={row.indicators} flags={row.flags} />
            <td className={`num ${row.reportedDays < row.expectedDays ? 'network-cell--late' : ''}`} data-field="reported">
              {t('network.table.reportedValue', { reported: row.reportedDays, expected: row.expectedDays })}
            </td>
          </tr>
        ))}
      </tbody>
      {total && rows.length > 0 && (
        <tfoot>
          <tr data-code="total">
            <td />
            <td />
            <th scope="row">{t('network.table.total')}</th>
            <IndicatorCells indicators={total.indicators} flags={flagsOf(total.indicators, total.counts)} />
            <td className="num">
              {t('network.table.reportedValue', {
                reported: rows.reduce((n, r) => n + r.reportedDays, 0),
                expected: rows.reduce((n, r) => n + r.expectedDays, 0),
              })}
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
