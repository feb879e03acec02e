// What province and ministry users read: a period's rows (centers, or provinces each the sum of
// their centers) with the eight indicators computed from the summed raw counts, a code's day
// series, and the days each center has not reported. Periods are cut in China Standard Time.
import type { AttendanceCounts, MissingResponse, OverviewQuery, OverviewResponse, OverviewRow, SeriesResponse } from '../../../shared/api/network.js';
import { MAX_NETWORK_RANGE_DAYS } from '../../../shared/api/network.js';
import { computeIndicators } from '../../../shared/metrics/indicators.js';
import { addRawCounts, emptyRawCounts, type RawCounts } from '../../../shared/metrics/raw-counts.js';
import { periodContaining } from '../../../shared/metrics/periods.js';
import { addDays, dayNumber, type LocalDate } from '../../../shared/time/local-date.js';
import { provinceOf, regionLevel, regionName } from '../../../shared/regions/gbt2260.js';
import { HttpError } from '../http/http-app.js';
import type { Db } from '../db/database.js';
import type { NetworkDayStore, SummedCounts } from './network-day-store.js';
import type { NetworkRegistry } from './network-registry.js';
import type { ListedCenters } from './listed-centers.js';
import { SUM_SELECT, countsOfRow } from './network-columns.js';

export interface OverviewOptions {
  mode: 'province' | 'ministry';
  code: string;
  timeZone: string;
  store: NetworkDayStore;
  registry: NetworkRegistry;
  db: Db;
  today: () => LocalDate;
  /** At the ministry: the centers the provinces registered (they count even before they report). */
  listed?: ListedCenters;
}

const nameOf = (code: string) => regionName(code) ?? code;
const daysBetween = (from: LocalDate, to: LocalDate) => (to < from ? 0 : dayNumber(to) - dayNumber(from) + 1);

export class NetworkOverview {
  constructor(private readonly o: OverviewOptions) {}

  overview(query: OverviewQuery): OverviewResponse {
    const today = this.o.today();
    const period = periodContaining(query.period, query.date ?? today, this.o.timeZone);
    const from = period.firstDate;
    const to = addDays(period.nextDate, -1);
    const elapsed = daysBetween(from, to < today ? to : today);
    const under = this.under(query.under);
    let rows: OverviewRow[];
    if (this.o.mode === 'ministry' && !under) {
      // Provinces, each the sum of its centers' rows (never an average of their rates).
      const sums = this.o.store.sums(from, to, 'province_code');
      const centers = this.knownCenters();
      const provinces = new Set([...this.o.registry.list().map((c) => c.code), ...centers.map(provinceOf)]);
      rows = [...provinces].sort().map((p) => rowOf(p, sums.get(p), centers.filter((c) => provinceOf(c) === p).length * elapsed));
    } else {
      const province = under ?? this.o.code;
      const sums = this.o.store.sums(from, to, 'code', province);
      rows = this.centersOf(province).map((c) => rowOf(c, sums.get(c), elapsed));
    }
    const total = rows.reduce((sum, r) => addRawCounts(sum, r.counts), emptyRawCounts());
    const attendance = rows.reduce((sum, r) => addAttendance(sum, r.attendance), undefined as AttendanceCounts | undefined);
    return {
      level: under ? 'province' : this.o.mode,
      code: under ?? this.o.code,
      name: nameOf(under ?? this.o.code),
      period: { kind: period.kind, label: period.label, from, to },
      rows,
      total: { counts: total, indicators: computeIndicators(total), ...(attendance ? { attendance } : {}) },
    };
  }

  /** A center's, a province's (the sum of its centers) or this whole server's days over [from, to]. */
  series(code: string, from: LocalDate, to: LocalDate): SeriesResponse {
    checkRange(from, to);
    let where = '';
    let index = '';
    if (code !== this.o.code) {
      const level = regionLevel(code);
      if (level === 'center') {
        where = ' AND code = @code';
        index = ' INDEXED BY network_days_by_code';
      } else if (level === 'province' && this.o.mode === 'ministry') where = ' AND province_code = @code';
      else throw new HttpError(404, 'unknown_center', `${code} is not reported to this server`);
      if (this.o.mode === 'province' && code.slice(0, 2) !== this.o.code.slice(0, 2))
        throw new HttpError(404, 'unknown_center', `${code} is not in ${this.o.code}`);
    }
    const rows = this.o.db
      .prepare(`SELECT date, ${SUM_SELECT} FROM network_days${index} WHERE date >= @from AND date <= @to${where} GROUP BY date`)
      .all({ from, to, code }) as Array<Record<string, number> & { date: string }>;
    const byDate = new Map(rows.map((r) => [r.date, countsOfRow(r).counts]));
    const days: SeriesResponse['days'] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) {
      const counts = byDate.get(d) ?? null;
      days.push({ date: d, counts, indicators: counts && computeIndicators(counts) });
    }
    return { code, name: nameOf(code), days };
  }

  /** Each center with the days of [from, to] (up to today) it has not reported; centers with none are left out. */
  missing(from: LocalDate, to: LocalDate, underCode?: string): MissingResponse {
    checkRange(from, to);
    const today = this.o.today();
    const last = to < today ? to : today;
    const under = this.under(underCode);
    const centers = this.o.mode === 'ministry' && !under ? this.knownCenters() : this.centersOf(under ?? this.o.code);
    const children: MissingResponse['children'] = [];
    for (const code of centers) {
      const have = this.o.store.reportedDates(code, from, last);
      const missingDays: string[] = [];
      for (let d = from; d <= last; d = addDays(d, 1)) if (!have.has(d)) missingDays.push(d);
      if (missingDays.length > 0) children.push({ code, name: nameOf(code), missingDays });
    }
    return { children };
  }

  /** `under` is only for a ministry, naming one of its provinces; at a province it may name itself. */
  private under(code: string | undefined): string | undefined {
    if (code === undefined || code === this.o.code) return undefined;
    if (this.o.mode !== 'ministry' || regionLevel(code) !== 'province')
      throw new HttpError(400, 'wrong_level', `under=${code} is not a province below ${this.o.code}`);
    return code;
  }

  /** A province's centers: those registered here (at a province) or listed by it (at the ministry), and those that ever reported. */
  private centersOf(province: string): string[] {
    const registered = this.o.mode === 'province' ? this.o.registry.list().map((c) => c.code) : (this.o.listed?.of(province) ?? []);
    return [...new Set([...registered, ...this.o.store.reportingCenters(province)])].sort();
  }

  /** At the ministry: every center that reported or that its province listed. */
  private knownCenters(): string[] {
    return [...new Set([...this.o.store.reportingCenters(), ...(this.o.listed?.of() ?? [])])].sort();
  }
}

function rowOf(code: string, sum: SummedCounts | undefined, expectedPerRow: number): OverviewRow {
  const counts: RawCounts = sum?.counts ?? emptyRawCounts();
  return {
    code,
    name: nameOf(code),
    counts,
    indicators: computeIndicators(counts),
    ...(sum ? { attendance: sum.attendance } : {}),
    reportedDays: sum?.days ?? 0,
    expectedDays: expectedPerRow,
  };
}

function addAttendance(a: AttendanceCounts | undefined, b: AttendanceCounts | undefined): AttendanceCounts | undefined {
  if (!b) return a;
  if (!a) return { ...b };
  const out = { ...a };
  for (const k of Object.keys(b) as Array<keyof AttendanceCounts>) out[k] += b[k];
  return out;
}

function checkRange(from: LocalDate, to: LocalDate): void {
  if (daysBetween(from, to) > MAX_NETWORK_RANGE_DAYS) throw new HttpError(400, 'range_too_long', `at most ${MAX_NETWORK_RANGE_DAYS} days`);
}
