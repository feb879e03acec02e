// Period reports of the 8 indicators: raw counts from SQL, formulas and flags from shared/metrics.
import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import { HttpError } from '../http/http-app.js';
import { MetricsRepository } from './metrics-repository.js';
import { computeIndicators } from '../../../shared/metrics/indicators.js';
import { flagIndicators } from '../../../shared/metrics/thresholds.js';
import { periodContaining, periodsBetween, type Period, type PeriodKind } from '../../../shared/metrics/periods.js';
import { formatZonedIso, localDateOf } from '../../../shared/time/zoned.js';
import { parseLocalDate, type LocalDate } from '../../../shared/time/local-date.js';
import { MAX_SERIES_ROWS, type MetricsReport, type MetricsSeriesResponse } from '../../../shared/api/metrics.js';

export interface MetricsServiceOptions {
  db: Db;
  clock: Clock;
  centerCode: string;
  timeZone: string;
}

export class MetricsService {
  private readonly repository: MetricsRepository;

  constructor(private readonly options: MetricsServiceOptions) {
    this.repository = new MetricsRepository(options.db, options.centerCode);
  }

  /** The local date of now in the center's zone. */
  today(): LocalDate {
    return localDateOf(this.options.clock.now(), this.options.timeZone);
  }

  /** The report of the period of `kind` holding `date` (YYYY-MM-DD; today when absent). */
  report(kind: PeriodKind, date?: string): MetricsReport {
    return this.reportOf(periodContaining(kind, date ? civil(date) : this.today(), this.options.timeZone));
  }

  /** One report per period, from the period holding `from` to the one holding `to`. */
  series(kind: PeriodKind, from: string, to: string): MetricsSeriesResponse {
    const periods = periodsBetween(kind, civil(from), civil(to), this.options.timeZone);
    if (periods.length > MAX_SERIES_ROWS) {
      throw new HttpError(400, 'series_too_long', `a series may have at most ${MAX_SERIES_ROWS} rows; ${from}..${to} by ${kind} has ${periods.length}`);
    }
    // One read transaction: every row sees the same snapshot even while calls are being written.
    const rows = this.options.db.transaction(() => periods.map((p) => this.reportOf(p)))();
    return { centerCode: this.options.centerCode, period: kind, timeZone: this.options.timeZone, rows };
  }

  private reportOf(period: Period): MetricsReport {
    const { centerCode, timeZone } = this.options;
    const raw = this.repository.rawCounts(period.start, period.end, this.options.clock.now());
    const indicators = computeIndicators(raw);
    return {
      centerCode,
      period: period.kind,
      label: period.label,
      start: formatZonedIso(period.start, timeZone),
      end: formatZonedIso(period.end, timeZone),
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
