// Period raw counts from per-day roll-ups (migration 16): each closed local day is read from
// metrics_days, or computed once from the call rows and kept; today (and any day still to come)
// is always read from the live rows. The triggers of migration 16 delete a day's row in the
// transaction of any write that changes it, so a missing row is simply computed again.
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/database.js';
import type { MetricsRepository } from './metrics-repository.js';
import { addRawCounts, emptyRawCounts, type RawCounts } from '../../../shared/metrics/raw-counts.js';
import { addDays } from '../../../shared/time/local-date.js';
import { localDateOf, startOfLocalDay } from '../../../shared/time/zoned.js';
import type { Period } from '../../../shared/metrics/periods.js';

interface DayRow extends RawCounts {
  dayStart: number;
  dayEnd: number;
}

interface SumRow extends RawCounts {
  days: number;
  firstStart: number | null;
  lastEnd: number | null;
  span: number | null;
}

const DAY_COLUMNS = `day_start AS dayStart, day_end AS dayEnd, call_total AS callTotal, offered, answered, abandoned, abandoned_ivr AS abandonedIvr,
  talk_ms_sum AS talkMsSum, wait_ms_sum AS waitMsSum, acw_ms_sum AS acwMsSum, acw_count AS acwCount, complaints,
  survey_responses AS surveyResponses, survey_satisfied AS surveySatisfied`;

const SUM_COLUMNS = `COUNT(*) AS days, MIN(day_start) AS firstStart, MAX(day_end) AS lastEnd, SUM(day_end - day_start) AS span,
  TOTAL(call_total) AS callTotal, TOTAL(offered) AS offered, TOTAL(answered) AS answered, TOTAL(abandoned) AS abandoned,
  TOTAL(abandoned_ivr) AS abandonedIvr, TOTAL(talk_ms_sum) AS talkMsSum, TOTAL(wait_ms_sum) AS waitMsSum, TOTAL(acw_ms_sum) AS acwMsSum,
  TOTAL(acw_count) AS acwCount, TOTAL(complaints) AS complaints, TOTAL(survey_responses) AS surveyResponses, TOTAL(survey_satisfied) AS surveySatisfied`;

export class DayRollups {
  private readonly range: Statement<[string, string, number, number], DayRow>;
  private readonly sum: Statement<[string, string, number, number], SumRow>;
  private readonly insert: Statement<Record<string, number | string>>;

  constructor(
    private readonly db: Db,
    private readonly repository: MetricsRepository,
    private readonly centerCode: string,
    private readonly timeZone: string,
  ) {
    // Days cut in another zone (the center's zone was reconfigured) no longer line up: drop them.
    db.prepare('DELETE FROM metrics_days WHERE center_code = ? AND time_zone <> ?').run(centerCode, timeZone);
    this.range = db.prepare(
      `SELECT ${DAY_COLUMNS} FROM metrics_days WHERE center_code = ? AND time_zone = ? AND day_start >= ? AND day_start < ? ORDER BY day_start`,
    );
    this.sum = db.prepare(`SELECT ${SUM_COLUMNS} FROM metrics_days WHERE center_code = ? AND time_zone = ? AND day_start >= ? AND day_start < ?`);
    this.insert = db.prepare(`INSERT OR REPLACE INTO metrics_days (center_code, day_start, day_end, time_zone, call_total, offered, answered, abandoned,
        abandoned_ivr, talk_ms_sum, wait_ms_sum, acw_ms_sum, acw_count, complaints, survey_responses, survey_satisfied, computed_at)
      VALUES (@center, @dayStart, @dayEnd, @zone, @callTotal, @offered, @answered, @abandoned, @abandonedIvr, @talkMsSum, @waitMsSum,
        @acwMsSum, @acwCount, @complaints, @surveyResponses, @surveySatisfied, @now)`);
  }

  /** The raw counts of each period (local-midnight bounds), the same as a scan of the rows would give. */
  rawCountsOf(periods: readonly Period[], now: number): RawCounts[] {
    if (periods.length === 0) return [];
    const todayStart = startOfLocalDay(localDateOf(now, this.timeZone), this.timeZone);
    const read = (slowPath: boolean) =>
      // One read transaction: every period sees the same snapshot even while calls are written.
      this.db.transaction(() => {
        const sums: RawCounts[] = [];
        for (const p of periods) {
          const closedEnd = Math.min(p.end, todayStart);
          let sum: RawCounts | undefined = p.start < closedEnd ? this.covered(p.start, closedEnd) : emptyRawCounts();
          if (!sum) {
            if (!slowPath) return undefined;
            // A day deleted by a write since `fill`, or one that cannot be kept yet: its own rows.
            sum = this.closedDays(this.cached(p.start, closedEnd), p.start, closedEnd, now);
          }
          sums.push(p.end > todayStart ? addRawCounts(sum, this.repository.rawCounts(Math.max(p.start, todayStart), p.end, now)) : sum);
        }
        return sums;
      })();
    const kept = read(false);
    if (kept) return kept;
    // Some closed day has no row yet: compute and keep them (short write transactions), read again.
    this.fill(periods[0]!.start, Math.min(periods[periods.length - 1]!.end, todayStart), now);
    return read(true)!;
  }

  /**
   * The raw counts of consecutive periods (a series, periodsBetween) from one read of the kept days
   * of the whole span, summed period by period in one walk, and today's live rows; the same as
   * rawCountsOf, which runs one SQL sum per period (365 for a year of days). Falls back to it when
   * a closed day cannot be kept (a call still talking on it).
   */
  seriesCounts(periods: readonly Period[], now: number): RawCounts[] {
    if (periods.length === 0) return [];
    const todayStart = startOfLocalDay(localDateOf(now, this.timeZone), this.timeZone);
    const from = periods[0]!.start;
    const closedEnd = Math.min(periods[periods.length - 1]!.end, todayStart);
    const read = () =>
      // One read transaction: the days and today's rows are one snapshot.
      this.db.transaction((): RawCounts[] | undefined => {
        const days = from < closedEnd ? this.range.all(this.centerCode, this.timeZone, from, closedEnd) : [];
        const sums: RawCounts[] = [];
        let next = 0;
        for (const p of periods) {
          const end = Math.min(p.end, todayStart);
          const sum = emptyRawCounts();
          // The kept days must tile [p.start, end) exactly: each starts where the one before ended.
          for (let at = p.start; at < end; next++) {
            const day = days[next];
            if (!day || day.dayStart !== at || day.dayEnd > end) return undefined;
            addInto(sum, day);
            at = day.dayEnd;
          }
          sums.push(p.end > todayStart ? addRawCounts(sum, this.repository.rawCounts(Math.max(p.start, todayStart), p.end, now)) : sum);
        }
        return sums;
      })();
    const kept = read();
    if (kept) return kept;
    this.fill(from, closedEnd, now);
    return read() ?? this.rawCountsOf(periods, now);
  }

  /**
   * The sum of the kept days of [from, to), in SQL, when they cover it all: the days never overlap
   * (one zone), so rows that touch both ends and whose lengths add up to the span leave no gap.
   */
  private covered(from: number, to: number): RawCounts | undefined {
    const row = this.sum.get(this.centerCode, this.timeZone, from, to)!;
    if (row.firstStart !== from || row.lastEnd !== to || row.span !== to - from) return undefined;
    const { days: _days, firstStart: _first, lastEnd: _last, span: _span, ...counts } = row;
    return counts;
  }

  /** Computes and keeps the closed days of [from, to) that have no row yet (a cold cache, or rows a late write deleted). */
  fill(from: number, to: number, now: number): number {
    if (from >= to) return 0;
    const days = this.cached(from, to);
    let written = 0;
    for (let start = from; start < to;) {
      const row = days.get(start);
      if (row) {
        start = row.dayEnd;
        continue;
      }
      const end = this.nextMidnight(start);
      // Immediate: no writer can change the day between its scan and its row.
      const keep = this.db
        .transaction(() => {
          const live = this.repository.liveRawCounts(start, end, now);
          // A call still talking grows with `now`: its day is kept once the talk has ended.
          if (live.openTalks > 0) return false;
          this.insert.run({ center: this.centerCode, zone: this.timeZone, dayStart: start, dayEnd: end, now, ...live.counts });
          return true;
        })
        .immediate();
      if (keep) written++;
      start = end;
    }
    return written;
  }

  private cached(from: number, to: number): Map<number, DayRow> {
    const map = new Map<number, DayRow>();
    for (const row of this.range.all(this.centerCode, this.timeZone, from, to)) map.set(row.dayStart, row);
    return map;
  }

  /** Sums [from, to) day by day: a kept row, or (a row deleted since `fill`) the day's live rows. */
  private closedDays(days: Map<number, DayRow>, from: number, to: number, now: number): RawCounts {
    const sum = emptyRawCounts();
    for (let start = from; start < to;) {
      const row = days.get(start);
      const end = row ? row.dayEnd : this.nextMidnight(start);
      addInto(sum, row ?? this.repository.rawCounts(start, end, now));
      start = end;
    }
    return sum;
  }

  private nextMidnight(dayStart: number): number {
    return startOfLocalDay(addDays(localDateOf(dayStart, this.timeZone), 1), this.timeZone);
  }
}

/** Adds `counts` into `sum` (no new object per day of a year). */
function addInto(sum: RawCounts, counts: RawCounts): void {
  sum.callTotal += counts.callTotal;
  sum.offered += counts.offered;
  sum.answered += counts.answered;
  sum.abandoned += counts.abandoned;
  sum.abandonedIvr += counts.abandonedIvr;
  sum.talkMsSum += counts.talkMsSum;
  sum.waitMsSum += counts.waitMsSum;
  sum.acwMsSum += counts.acwMsSum;
  sum.acwCount += counts.acwCount;
  sum.complaints += counts.complaints;
  sum.surveyResponses += counts.surveyResponses;
  sum.surveySatisfied += counts.surveySatisfied;
}
