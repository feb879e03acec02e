// Period reports of the 8 indicators: raw counts from SQL, formulas and flags from shared/metrics.
import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import { HttpError } from '../http/http-app.js';
import { MetricsRepository } from './metrics-repository.js';
import { DayRollups } from './day-rollups.js';
import { WorkOrderFiguresRepository } from './work-order-figures-repository.js';
import { computeIndicators } from '../../../shared/metrics/indicators.js';
import { flagIndicators } from '../../../shared/metrics/thresholds.js';
import { periodContaining, periodsBetween, type Period, type PeriodKind } from '../../../shared/metrics/periods.js';
import { formatZonedIso, instantOf, localDateOf, startOfLocalDay, wallClockAt } from '../../../shared/time/zoned.js';
import type { MetricsHoursResponse } from '../../../shared/api/indicators.js';
import type { RawCounts } from '../../../shared/metrics/raw-counts.js';
import { addDays, parseLocalDate, type LocalDate } from '../../../shared/time/local-date.js';
import { MAX_SERIES_ROWS, type MetricsReport, type MetricsSeriesResponse } from '../../../shared/api/metrics.js';

export interface MetricsServiceOptions {
  db: Db;
  clock: Clock;
  centerCode: string;
  timeZone: string;
}

export class MetricsService {
  private readonly repository: MetricsRepository;
  private readonly rollups: DayRollups;
  private readonly workOrderFigures: WorkOrderFiguresRepository;

  constructor(private readonly options: MetricsServiceOptions) {
    this.repository = new MetricsRepository(options.db, options.centerCode);
    this.rollups = new DayRollups(options.db, this.repository, options.centerCode, options.timeZone);
    this.workOrderFigures = new WorkOrderFiguresRepository(options.db, options.centerCode);
  }

  /** The local date of now in the center's zone. */
  today(): LocalDate {
    return localDateOf(this.options.clock.now(), this.options.timeZone);
  }

  /** The report of the period of `kind` holding `date` (YYYY-MM-DD; today when absent). */
  report(kind: PeriodKind, date?: string): MetricsReport {
    const period = periodContaining(kind, date ? civil(date) : this.today(), this.options.timeZone);
    return this.options.db.transaction(() => {
      const report = this.reportOf(period, this.rollups.rawCountsOf([period], this.options.clock.now())[0]!);
      return { ...report, workOrders: this.workOrderFigures.figures(period.start, period.end, report.raw) };
    })();
  }

  /** The same report from a scan of every call row of the period (the roll-ups' oracle and the bench's peer). */
  reportFromRows(kind: PeriodKind, date: string): MetricsReport {
    const period = periodContaining(kind, civil(date), this.options.timeZone);
    return this.reportOf(period, this.repository.rawCounts(period.start, period.end, this.options.clock.now()));
  }

  /** Computes the missing day rows of the closed days from `fromDaysAgo` to `toDaysAgo` (a warm-up after start). */
  warmDays(fromDaysAgo: number, toDaysAgo = 0): number {
    const today = this.today();
    const { timeZone } = this.options;
    return this.rollups.fill(
      startOfLocalDay(addDays(today, -fromDaysAgo), timeZone),
      startOfLocalDay(addDays(today, -toDaysAgo), timeZone),
      this.options.clock.now(),
    );
  }

  /** The 24 local hours of a day (today when absent), from the call rows: a day is few rows. */
  hours(date?: string): MetricsHoursResponse {
    const { centerCode, timeZone, clock, db } = this.options;
    const day = date ? civil(date) : this.today();
    const now = clock.now();
    const end = startOfLocalDay(addDays(day, 1), timeZone);
    // A day of 23 or 25 hours (DST) keeps the local hours 0–23 that exist, each once.
    const starts = Array.from({ length: 24 }, (_, h) => instantOf(day, h * 60, timeZone)).filter((s, i, all) => i === 0 || s > all[i - 1]!);
    const hours = db.transaction(() =>
      starts.map((start, i) => {
        const raw = this.repository.rawCounts(start, starts[i + 1] ?? end, now);
        return { hour: wallClockAt(start, timeZone).hour, start: formatZonedIso(start, timeZone), raw, indicators: computeIndicators(raw) };
      }),
    )();
    return { centerCode, date: day, timeZone, hours };
  }

  /** One report per period, from the period holding `from` to the one holding `to`: one read of the kept days. */
  series(kind: PeriodKind, from: string, to: string): MetricsSeriesResponse {
    const periods = periodsBetween(kind, civil(from), civil(to), this.options.timeZone);
    if (periods.length > MAX_SERIES_ROWS) {
      throw new HttpError(400, 'series_too_long', `a series may have at most ${MAX_SERIES_ROWS} rows; ${from}..${to} by ${kind} has ${periods.length}`);
    }
    const now = this.options.clock.now();
    const raws = this.rollups.seriesCounts(periods, now);
    // Each period starts where the one before ended: each midnight is formatted once.
    const iso = new Map<number, string>();
    const format = (ms: number) => {
      let text = iso.get(ms);
      if (text === undefined) iso.set(ms, (text = formatZonedIso(ms, this.options.timeZone)));
      return text;
    };
    const rows = periods.map((p, i) => this.reportOf(p, raws[i]!, format));
    return { centerCode: this.options.centerCode, period: kind, timeZone: this.options.timeZone, rows };
  }

  private reportOf(period: Period, raw: RawCounts, format = (ms: number) => formatZonedIso(ms, this.options.timeZone)): MetricsReport {
    const { centerCode, timeZone } = this.options;
    const indicators = computeIndicators(raw);
    return {
      centerCode,
      period: period.kind,
      label: period.label,
      start: format(period.start),
      end: format(period.end),
      timeZone,
      indicators,
      flags: flagIndicators(indicators, raw),
      raw,
    };
  }
}

function civil(date: string): LocalDate {
  const parsed = parseLocalDate(date);
  if (!parsed) throw new HttpError(400, 'invalid_date', `not a date: ${date}`);
  return parsed;
}
