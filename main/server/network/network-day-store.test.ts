import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { NetworkDayStore, splitByMonths } from './network-day-store.js';
import { RAW_COUNT_FIELDS, type RawCounts } from '../../../shared/metrics/raw-counts.js';
import { addDays } from '../../../shared/time/local-date.js';

const counts = (callTotal: number, extra: Partial<RawCounts> = {}): RawCounts => ({
  ...(Object.fromEntries(RAW_COUNT_FIELDS.map((f) => [f, 0])) as unknown as RawCounts),
  callTotal,
  offered: callTotal,
  answered: callTotal,
  talkMsSum: callTotal * 60_000,
  ...extra,
});

describe('the parent day store', () => {
  it('keeps the highest revision of a day: stored, replaced, unchanged on a replay, stale or conflict otherwise', () => {
    const store = new NetworkDayStore(openDatabase(':memory:'));
    expect(store.put('330100', { date: '2026-11-30', revision: 1, counts: counts(3) }, 1)).toEqual({ result: 'stored' });
    expect(store.put('330100', { date: '2026-11-30', revision: 1, counts: counts(3) }, 2)).toEqual({ result: 'unchanged' });
    expect(store.put('330100', { date: '2026-11-30', revision: 2, counts: counts(5) }, 3)).toEqual({ result: 'replaced' });
    expect(store.put('330100', { date: '2026-11-30', revision: 1, counts: counts(3) }, 4)).toEqual({ result: 'stale', storedRevision: 2 });
    expect(store.put('330100', { date: '2026-11-30', revision: 2, counts: counts(9) }, 5)).toEqual({ result: 'conflict', storedRevision: 2 });
    expect(store.days('2026-11-01', '2026-11-30', '330100')).toEqual([{ code: '330100', date: '2026-11-30', revision: 2, counts: counts(5) }]);
  });

  it('sums whole months from the month rows and the ends from the day rows, the same as adding every day', () => {
    const db = openDatabase(':memory:');
    const store = new NetworkDayStore(db);
    const truth = new Map<string, number>();
    let n = 0;
    for (const code of ['330100', '330200', '320100']) {
      for (let d = '2026-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
        const calls = (n++ * 7) % 13;
        store.put(
          code,
          {
            date: d,
            revision: 1,
            counts: counts(calls),
            attendance: {
              scheduledShifts: 1,
              attendedShifts: 1,
              onTimeShifts: 1,
              lateShifts: 0,
              absentShifts: 0,
              earlySignOuts: 0,
              signedInMs: 1000,
              breakMs: 0,
              breakCount: 0,
            },
          },
          0,
        );
        truth.set(`${code}/${d}`, calls);
      }
    }
    // A replaced day moves its month's sum by the difference.
    store.put('330100', { date: '2026-03-15', revision: 2, counts: counts(100) }, 0);
    truth.set('330100/2026-03-15', 100);
    const expected = (from: string, to: string, filter: (code: string) => boolean) =>
      [...truth].filter(([k]) => filter(k.slice(0, 6)) && k.slice(7) >= from && k.slice(7) <= to).reduce((s, [, v]) => s + v, 0);
    for (const [from, to] of [
      ['2026-01-01', '2026-12-31'],
      ['2026-02-10', '2026-05-03'],
      ['2026-03-01', '2026-03-31'],
      ['2026-03-05', '2026-03-20'],
      ['2026-11-30', '2026-12-06'],
    ] as const) {
      const byProvince = store.sums(from, to, 'province_code');
      expect(byProvince.get('330000')!.counts.callTotal, `${from}..${to}`).toBe(expected(from, to, (c) => c.startsWith('33')));
      expect(byProvince.get('320000')!.counts.callTotal).toBe(expected(from, to, (c) => c.startsWith('32')));
      const byCenter = store.sums(from, to, 'code', '330000');
      expect([...byCenter.keys()].sort()).toEqual(['330100', '330200']);
      expect(byCenter.get('330100')!.counts.callTotal).toBe(expected(from, to, (c) => c === '330100'));
    }
    const year = store.sums('2026-01-01', '2026-12-31', 'code', '330000').get('330200')!;
    expect(year.days).toBe(365);
    expect(year.counts.talkMsSum).toBe(year.counts.callTotal * 60_000);
    expect(year.attendance.scheduledShifts).toBe(365);
    expect(store.reportingCenters('330000')).toEqual(['330100', '330200']);
    // Rebuilt from the day rows, the month sums are the ones kept day by day.
    const monthsOf = (table: string) => JSON.stringify(db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all());
    const kept = [monthsOf('network_months'), monthsOf('network_province_months')];
    store.rebuildMonths();
    expect([monthsOf('network_months'), monthsOf('network_province_months')]).toEqual(kept);
    expect(store.reportedDates('330100', '2026-03-14', '2026-03-16').size).toBe(3);
  });

  it('splits a range into whole months and the days at either end', () => {
    expect(splitByMonths('2026-01-01', '2026-12-31')).toEqual({ wholeFrom: '2026-01', wholeTo: '2026-12', dayRanges: [] });
    expect(splitByMonths('2026-02-10', '2026-05-03')).toEqual({
      wholeFrom: '2026-03',
      wholeTo: '2026-04',
      dayRanges: [
        ['2026-02-10', '2026-02-28'],
        ['2026-05-01', '2026-05-03'],
      ],
    });
    expect(splitByMonths('2026-03-05', '2026-03-20')).toEqual({ dayRanges: [['2026-03-05', '2026-03-20']] });
    expect(splitByMonths('2025-12-29', '2026-01-04')).toEqual({ dayRanges: [['2025-12-29', '2026-01-04']] });
    expect(splitByMonths('2024-02-01', '2024-02-29')).toEqual({ wholeFrom: '2024-02', wholeTo: '2024-02', dayRanges: [] });
  });
});
