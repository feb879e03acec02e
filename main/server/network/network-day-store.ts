// The parent's day rows (migration 24): one per (center, local day) at the highest revision it
// was sent, plus the per-month sums kept in the same transaction. Figures are sums of these raw
// counts, in SQL, never of rates.
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/database.js';
import type { AttendanceCounts, FeedDayResult, NetworkDay } from '../../../shared/api/network.js';
import { RAW_COUNT_FIELDS, type RawCounts } from '../../../shared/metrics/raw-counts.js';
import { ATTENDANCE_COUNT_FIELDS } from '../../../shared/api/network.js';
import { provinceOf } from '../../../shared/regions/gbt2260.js';
import { ALL_COUNT_COLUMNS, ATTENDANCE_COLUMNS, COUNT_COLUMNS, SUM_SELECT, countsOfRow } from './network-columns.js';

export type StoreOutcome = { result: FeedDayResult } | { result: 'stale'; storedRevision: number } | { result: 'conflict'; storedRevision: number };

export interface SummedCounts {
  counts: RawCounts;
  attendance: AttendanceCounts;
  /** Day rows summed. */
  days: number;
}

interface StoredRow {
  revision: number;
  body: string;
}

const DAY_SELECT = `code, date, revision, has_attendance AS hasAttendance, ${[...RAW_COUNT_FIELDS.map((f) => `${COUNT_COLUMNS[f]} AS ${f}`), ...ATTENDANCE_COUNT_FIELDS.map((f) => `${ATTENDANCE_COLUMNS[f]} AS ${f}`)].join(', ')}`;

export class NetworkDayStore {
  private readonly stored: Statement<[string, string], StoredRow>;
  private readonly upsert: Statement<Record<string, unknown>>;
  private readonly monthRewrite: Statement<[string, string, string]>;
  private readonly monthDelete: Statement<[string, string]>;
  private readonly provinceMonthDelete: Statement<[string, string]>;
  private readonly provinceMonthRewrite: Statement<[string, string]>;

  constructor(private readonly db: Db) {
    this.stored = db.prepare(`SELECT revision, json_array(${ALL_COUNT_COLUMNS.join(', ')}) AS body FROM network_days WHERE code = ? AND date = ?`);
    const names = ALL_COUNT_COLUMNS;
    this.upsert = db.prepare(
      `INSERT OR REPLACE INTO network_days (code, date, province_code, revision, has_attendance, ${names.join(', ')}, received_at)
       VALUES (@code, @date, @province, @revision, @hasAttendance, ${names.map((n) => `@${n}`).join(', ')}, @now)`,
    );
    this.monthRewrite = db.prepare(
      `INSERT OR REPLACE INTO network_months (code, month, province_code, days, ${names.join(', ')})
       SELECT code, substr(date, 1, 7), province_code, COUNT(*), ${names.map((n) => `TOTAL(${n})`).join(', ')}
       FROM network_days INDEXED BY network_days_by_code WHERE code = ? AND date >= ? AND date < ? GROUP BY code`,
    );
    this.monthDelete = db.prepare('DELETE FROM network_months WHERE code = ? AND month = ?');
    this.provinceMonthDelete = db.prepare('DELETE FROM network_province_months WHERE province_code = ? AND month = ?');
    this.provinceMonthRewrite = db.prepare(
      `INSERT INTO network_province_months (province_code, month, days, ${names.join(', ')})
       SELECT province_code, month, TOTAL(days), ${names.map((n) => `TOTAL(${n})`).join(', ')}
       FROM network_months INDEXED BY network_months_by_province WHERE province_code = ? AND month = ? GROUP BY province_code`,
    );
  }

  /**
   * Keeps a day at its revision: a new day is stored, a higher revision replaces, the same
   * revision with the same counts is unchanged (a replay), a lower one is stale. The same revision
   * with other counts is a conflict (a child that reused a revision number): refused, not merged.
   */
  put(code: string, day: Omit<NetworkDay, 'code'>, now: number): StoreOutcome {
    return this.db
      .transaction((): StoreOutcome => {
        const before = this.stored.get(code, day.date);
        const row = this.rowOf(code, day, now);
        if (before) {
          if (day.revision < before.revision) return { result: 'stale', storedRevision: before.revision };
          if (day.revision === before.revision) {
            const same = before.body === JSON.stringify(ALL_COUNT_COLUMNS.map((c) => row[c] ?? null));
            return same ? { result: 'unchanged' } : { result: 'conflict', storedRevision: before.revision };
          }
        }
        this.upsert.run(row);
        const month = day.date.slice(0, 7);
        this.monthDelete.run(code, month);
        this.monthRewrite.run(code, `${month}-01`, `${month}-32`);
        const province = provinceOf(code);
        this.provinceMonthDelete.run(province, month);
        this.provinceMonthRewrite.run(province, month);
        return { result: before ? 'replaced' : 'stored' };
      })
      .immediate();
  }

  /** Rebuilds every month sum from the day rows (a bulk import, a restored database): one statement per table. */
  rebuildMonths(): void {
    const names = ALL_COUNT_COLUMNS;
    const totals = names.map((n) => `TOTAL(${n})`).join(', ');
    this.db.transaction(() => {
      this.db.exec(`DELETE FROM network_months; DELETE FROM network_province_months;
        INSERT INTO network_months (code, month, province_code, days, ${names.join(', ')})
          SELECT code, substr(date, 1, 7), province_code, COUNT(*), ${totals} FROM network_days GROUP BY code, substr(date, 1, 7);
        INSERT INTO network_province_months (province_code, month, days, ${names.join(', ')})
          SELECT province_code, month, TOTAL(days), ${totals} FROM network_months GROUP BY province_code, month;`);
    })();
  }

  /** Day rows of one code (or, for a province answering a pull, every code) over [from, to]. */
  days(from: string, to: string, code?: string): NetworkDay[] {
    const rows = (
      code
        ? this.db
            .prepare(`SELECT ${DAY_SELECT} FROM network_days INDEXED BY network_days_by_code WHERE code = ? AND date >= ? AND date <= ? ORDER BY date`)
            .all(code, from, to)
        : this.db.prepare(`SELECT ${DAY_SELECT} FROM network_days WHERE date >= ? AND date <= ? ORDER BY date, code`).all(from, to)
    ) as Array<Record<string, number> & { code: string; date: string; revision: number; hasAttendance: number }>;
    return rows.map((r) => {
      const { counts, attendance } = countsOfRow(r);
      return { code: r.code, date: r.date, revision: r.revision, counts, ...(r.hasAttendance ? { attendance } : {}) };
    });
  }

  /**
   * Sums over [from, to] grouped by `group` ('code' or 'province_code'), optionally within one
   * province: whole months come from network_months, the partial months at either end from the
   * day rows.
   */
  sums(from: string, to: string, group: 'code' | 'province_code', province?: string): Map<string, SummedCounts> {
    const parts: Array<{ sql: string; args: string[] }> = [];
    const where = province ? ' AND province_code = ?' : '';
    const extra = province ? [province] : [];
    const { wholeFrom, wholeTo, dayRanges } = splitByMonths(from, to);
    for (const [a, b] of dayRanges) {
      parts.push({
        sql: `SELECT ${group} AS k, COUNT(*) AS days, ${SUM_SELECT} FROM network_days WHERE date >= ? AND date <= ?${where} GROUP BY ${group}`,
        args: [a, b, ...extra],
      });
    }
    if (wholeFrom !== undefined && wholeTo !== undefined) {
      // Provinces over whole months: their own month rows; centers: theirs (within one province, by its index).
      const table = group === 'province_code' && !province ? 'network_province_months' : 'network_months';
      parts.push({
        sql: `SELECT ${group} AS k, TOTAL(days) AS days, ${SUM_SELECT} FROM ${table} WHERE month >= ? AND month <= ?${where} GROUP BY ${group}`,
        args: [wholeFrom, wholeTo, ...extra],
      });
    }
    const out = new Map<string, SummedCounts>();
    this.db.transaction(() => {
      for (const part of parts) {
        for (const row of this.db.prepare(part.sql).all(...part.args) as Array<Record<string, number> & { k: string; days: number }>) {
          const { counts, attendance } = countsOfRow(row);
          const prev = out.get(row.k);
          out.set(row.k, prev ? addSums(prev, { counts, attendance, days: row.days }) : { counts, attendance, days: Math.round(row.days) });
        }
      }
    })();
    return out;
  }

  /** Codes of centers that ever reported, by province (the ministry knows its centers from their rows). */
  reportingCenters(province?: string): string[] {
    const sql = province
      ? 'SELECT DISTINCT code FROM network_months WHERE province_code = ? ORDER BY code'
      : 'SELECT DISTINCT code FROM network_months ORDER BY code';
    return (province ? this.db.prepare(sql).pluck().all(province) : this.db.prepare(sql).pluck().all()) as string[];
  }

  /** The dates a code has rows for in [from, to]. */
  reportedDates(code: string, from: string, to: string): Set<string> {
    return new Set(
      this.db
        .prepare('SELECT date FROM network_days INDEXED BY network_days_by_code WHERE code = ? AND date >= ? AND date <= ?')
        .pluck()
        .all(code, from, to) as string[],
    );
  }

  private rowOf(code: string, day: Omit<NetworkDay, 'code'>, now: number): Record<string, unknown> {
    const row: Record<string, unknown> = {
      code,
      date: day.date,
      province: provinceOf(code),
      revision: day.revision,
      hasAttendance: day.attendance ? 1 : 0,
      now,
    };
    for (const f of RAW_COUNT_FIELDS) row[COUNT_COLUMNS[f]] = day.counts[f];
    for (const f of ATTENDANCE_COUNT_FIELDS) row[ATTENDANCE_COLUMNS[f]] = day.attendance ? day.attendance[f] : null;
    return row;
  }
}

function addSums(a: SummedCounts, b: SummedCounts): SummedCounts {
  const counts = { ...a.counts };
  for (const f of RAW_COUNT_FIELDS) counts[f] += b.counts[f];
  const attendance = { ...a.attendance };
  for (const f of ATTENDANCE_COUNT_FIELDS) attendance[f] += b.attendance[f];
  return { counts, attendance, days: a.days + Math.round(b.days) };
}

/** [from, to] as whole months (YYYY-MM, inclusive) and the day ranges at either end outside them. */
export function splitByMonths(from: string, to: string): { wholeFrom?: string; wholeTo?: string; dayRanges: Array<[string, string]> } {
  const monthStart = (m: string) => `${m}-01`;
  const lastDay = (m: string) => {
    const [y, mo] = m.split('-').map(Number) as [number, number];
    return `${m}-${String(new Date(Date.UTC(y, mo, 0)).getUTCDate()).padStart(2, '0')}`;
  };
  const nextMonth = (m: string) => {
    const [y, mo] = m.split('-').map(Number) as [number, number];
    return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  };
  const prevMonth = (m: string) => {
    const [y, mo] = m.split('-').map(Number) as [number, number];
    return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
  };
  const firstWhole = from === monthStart(from.slice(0, 7)) ? from.slice(0, 7) : nextMonth(from.slice(0, 7));
  const lastWhole = to === lastDay(to.slice(0, 7)) ? to.slice(0, 7) : prevMonth(to.slice(0, 7));
  if (firstWhole > lastWhole) return { dayRanges: [[from, to]] };
  const dayRanges: Array<[string, string]> = [];
  if (from < monthStart(firstWhole)) dayRanges.push([from, lastDay(prevMonth(firstWhole))]);
  if (to > lastDay(lastWhole)) dayRanges.push([monthStart(nextMonth(lastWhole)), to]);
  return { wholeFrom: firstWhole, wholeTo: lastWhole, dayRanges };
}
