import { describe, expect, it } from 'vitest';
import { centerCounts, counts, overview, series } from '../../test-kit/network-fixtures';
import { dayRuns, periodDates, trendPoints, trendRange } from './network-series';
import { formatIndicator, nextSort, tableRows } from './network-table';

const rows = overview('province', '330000', '浙江省', [
  { code: '330100', name: '杭州市', counts: centerCounts(100, 90, 30) }, // 90 %, 30 s
  { code: '330200', name: '宁波市', counts: centerCounts(100, 80, 41) }, // 80 %: breach; 41 s: breach
  { code: '330300', name: '温州市', counts: centerCounts(100, 90, 40) }, // 90 % (tied with 杭州), exactly 40 s: ok
  { code: '330400', name: '嘉兴市', counts: counts({ callTotal: 3 }) }, // IVR only: no rates at all
]).rows;

describe('the supervision table', () => {
  it('ranks on the sorted indicator best first, ties sharing a rank, rows without a value last and unranked', () => {
    const table = tableRows(rows, { column: 'callconnect', direction: 'desc' });
    expect(table.map((r) => [r.code, r.rank])).toEqual([
      ['330100', 1],
      ['330300', 1],
      ['330200', 3],
      ['330400', undefined],
    ]);
    // The other way round, the rank stays "best = 1" and the empty row stays last.
    const reversed = tableRows(rows, { column: 'callconnect', direction: 'asc' });
    expect(reversed.map((r) => [r.code, r.rank])).toEqual([
      ['330200', 3],
      ['330100', 1],
      ['330300', 1],
      ['330400', undefined],
    ]);
  });

  it('ranks a lower-is-better indicator from the lowest; names sort in Chinese order and rank nothing', () => {
    expect(tableRows(rows, { column: 'waittimeavg', direction: 'asc' }).map((r) => [r.code, r.rank])).toEqual([
      ['330100', 1],
      ['330300', 2],
      ['330200', 3],
      ['330400', undefined],
    ]);
    const byName = tableRows(rows, { column: 'name', direction: 'asc' });
    expect(byName.map((r) => r.name)).toEqual(['杭州市', '嘉兴市', '宁波市', '温州市']);
    expect(byName.every((r) => r.rank === undefined)).toBe(true);
  });

  it('flags the limits of §3.2 from the raw counts: 40 s exactly is within, 41 s is not; an empty row is n/a', () => {
    const table = tableRows(rows, { column: 'code', direction: 'asc' });
    expect(table.map((r) => [r.flags.callconnect, r.flags.waittimeavg])).toEqual([
      ['ok', 'ok'],
      ['breach', 'breach'],
      ['ok', 'ok'],
      ['n/a', 'n/a'],
    ]);
  });

  it('sorts by the reported share, and a click turns the order round', () => {
    const late = overview('province', '330000', '浙江省', [
      { code: '330100', name: '杭州市', counts: centerCounts(1, 1, 1), reportedDays: 5, expectedDays: 10 },
      { code: '330200', name: '宁波市', counts: centerCounts(1, 1, 1), reportedDays: 10, expectedDays: 10 },
    ]).rows;
    expect(tableRows(late, { column: 'reported', direction: 'asc' }).map((r) => r.code)).toEqual(['330100', '330200']);
    expect(nextSort({ column: 'reported', direction: 'asc' }, 'reported')).toEqual({ column: 'reported', direction: 'desc' });
    expect(nextSort({ column: 'reported', direction: 'asc' }, 'satisrate')).toEqual({ column: 'satisrate', direction: 'desc' });
    expect(nextSort({ column: 'reported', direction: 'asc' }, 'complntrate')).toEqual({ column: 'complntrate', direction: 'asc' });
  });

  it('writes minutes and percent with 2 decimals, the call count whole, nothing as a dash', () => {
    expect(formatIndicator('waittimeavg', 0.5)).toBe('0.50');
    expect(formatIndicator('callconnect', 85)).toBe('85.00');
    expect(formatIndicator('callTotal', 12)).toBe('12');
    expect(formatIndicator('satisrate', null)).toBe('—');
  });
});

describe("a center's trend", () => {
  it('asks a day or a week for the 30 days up to its end, a month or a year whole', () => {
    expect(periodDates('week', '2026-11-04')).toEqual({ from: '2026-11-02', to: '2026-11-08' });
    expect(trendRange('day', '2026-03-01')).toEqual({ from: '2026-01-31', to: '2026-03-01' });
    expect(trendRange('month', '2026-02-10')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(trendRange('year', '2026-02-10')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it("groups a year's days into months from the summed counts, not the average of the days' rates", () => {
    // January: 9 of 10 answered on one day, 0 of 90 on another: 9 %, not the days' mean of 45 %.
    const year = series('330100', '杭州市', [
      { date: '2026-01-05', counts: counts({ offered: 10, answered: 9 }) },
      { date: '2026-01-06', counts: counts({ offered: 90, answered: 0 }) },
      { date: '2026-01-07', counts: null },
      { date: '2026-02-01', counts: null },
    ]);
    const points = trendPoints(year, 'year');
    expect(points.map((p) => [p.label, p.indicators?.callconnect ?? null, p.missingDays, p.days])).toEqual([
      ['2026-01', 9, 1, 3],
      ['2026-02', null, 1, 1],
    ]);
    expect(trendPoints(year, 'month').map((p) => p.label)).toEqual(['2026-01-05', '2026-01-06', '2026-01-07', '2026-02-01']);
  });

  it('joins consecutive missing days into runs, across a month end', () => {
    expect(dayRuns(['2026-11-05', '2026-10-31', '2026-11-01', '2026-11-03'])).toEqual([
      { from: '2026-10-31', to: '2026-11-01' },
      { from: '2026-11-03', to: '2026-11-03' },
      { from: '2026-11-05', to: '2026-11-05' },
    ]);
  });
});
