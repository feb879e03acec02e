// The province's and ministry's table as data: each row's flags against the §3.2 limits, the sort
// by any column, the rank on an indicator (best first), and the indicators in the data standard's
// units (minutes and percent, 2 decimals).
import type { OverviewRow } from '../../../../shared/api/network';
import { INDICATOR_FIELDS, type IndicatorField, type Indicators } from '../../../../shared/metrics/indicators';
import { flagIndicators, THRESHOLDS, type Flags } from '../../../../shared/metrics/thresholds';
import type { RawCounts } from '../../../../shared/metrics/raw-counts';

export const SORT_COLUMNS = ['code', 'name', ...INDICATOR_FIELDS, 'reported'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDirection = 'asc' | 'desc';
export interface Sort {
  column: SortColumn;
  direction: SortDirection;
}

export const isIndicator = (column: SortColumn): column is IndicatorField => (INDICATOR_FIELDS as readonly string[]).includes(column);

/**
 * Which way is better: up for 接通率 and 满意度 (limits "at least"), down for the rates and times
 * with an "at most" limit, up for the call count and the talk time (no limit: busiest first).
 */
export function bestDirection(column: SortColumn): SortDirection {
  if (!isIndicator(column)) return 'asc';
  return THRESHOLDS[column]?.kind === 'max' ? 'asc' : 'desc';
}

/** A click on a column's header: best first, then the other way round. */
export function nextSort(current: Sort, column: SortColumn): Sort {
  if (current.column !== column) return { column, direction: bestDirection(column) };
  return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}

export interface TableRow {
  code: string;
  name: string;
  indicators: Indicators;
  flags: Flags;
  reportedDays: number;
  expectedDays: number;
  /** 1 for the best on the ranked indicator; equal values share a rank; undefined without a value. */
  rank: number | undefined;
}

/** Reported share of the expected days (1 when nothing was expected yet). */
const reportedShare = (r: Pick<TableRow, 'reportedDays' | 'expectedDays'>) => (r.expectedDays === 0 ? 1 : r.reportedDays / r.expectedDays);

function valueOf(row: TableRow, column: SortColumn): string | number | null {
  if (column === 'code' || column === 'name') return row[column];
  if (column === 'reported') return reportedShare(row);
  return row.indicators[column];
}

function compare(a: string | number | null, b: string | number | null): number {
  if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b, 'zh-CN');
  return (a as number) - (b as number);
}

/** Flags each row, ranks it on the sorted indicator, and sorts: rows without a value always last. */
export function tableRows(rows: readonly OverviewRow[], sort: Sort): TableRow[] {
  const table: TableRow[] = rows.map((r) => ({
    code: r.code,
    name: r.name,
    indicators: r.indicators,
    flags: flagIndicators(r.indicators, r.counts),
    reportedDays: r.reportedDays,
    expectedDays: r.expectedDays,
    rank: undefined,
  }));
  if (isIndicator(sort.column)) {
    const field = sort.column;
    const best = bestDirection(field) === 'asc' ? 1 : -1;
    const ranked = table.filter((r) => r.indicators[field] !== null).sort((a, b) => best * compare(a.indicators[field], b.indicators[field]));
    ranked.forEach((r, i) => {
      const previous = ranked[i - 1];
      r.rank = previous && previous.indicators[field] === r.indicators[field] ? previous.rank : i + 1;
    });
  }
  const sign = sort.direction === 'asc' ? 1 : -1;
  return table.sort((a, b) => {
    const x = valueOf(a, sort.column);
    const y = valueOf(b, sort.column);
    if (x === null || y === null) return x === y ? a.code.localeCompare(b.code) : x === null ? 1 : -1;
    return sign * compare(x, y) || a.code.localeCompare(b.code);
  });
}

/** Flags of a total or a day row from its counts. */
export function flagsOf(indicators: Indicators, counts: RawCounts): Flags {
  return flagIndicators(indicators, counts);
}

export type IndicatorUnit = 'count' | 'minutes' | 'percent';
export const UNIT_OF: Record<IndicatorField, IndicatorUnit> = {
  callTotal: 'count',
  callavg: 'minutes',
  callconnect: 'percent',
  ABNcalls: 'percent',
  waittimeavg: 'minutes',
  acwavg: 'minutes',
  complntrate: 'percent',
  satisrate: 'percent',
};

/** The value as the data standard writes it: the count whole, minutes and percent with 2 decimals. */
export function formatIndicator(field: IndicatorField, value: number | null): string {
  if (value === null) return '—';
  return UNIT_OF[field] === 'count' ? String(value) : value.toFixed(2);
}
