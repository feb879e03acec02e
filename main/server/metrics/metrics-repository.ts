// The raw counts of one instant range, aggregated in SQL: one range scan of the covering index
// calls_metrics (migration 9) plus one count of complaint work orders submitted (migration 13).
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/database.js';
import type { RawCounts } from '../../../shared/metrics/raw-counts.js';

type CallCounts = Omit<RawCounts, 'complaints'>;

/** Raw counts, and how many of their calls are still talking (their talk grows with `now`). */
export interface LiveRawCounts {
  counts: RawCounts;
  openTalks: number;
}

// SUM over a boolean expression counts the rows where it holds (NULL rows are skipped).
// The moments are DESIGN.md's (migration 12): wait = offered → first answer; talk = first answer
// → end of the last agent's talk, and for a call still talking, up to now (so the numerator and
// the denominator, answered calls, cover the same calls); ACW = every agent's period, each once.
const CALLS_SQL = `
  SELECT
    COUNT(*) AS callTotal,
    TOTAL(offered_to_agent) AS offered,
    COUNT(answered_at) AS answered,
    TOTAL(abandon_stage IN ('queue', 'ringing')) AS abandoned,
    TOTAL(abandon_stage = 'ivr') AS abandonedIvr,
    TOTAL(MAX(COALESCE(talk_ended_at, @now), answered_at) - answered_at) AS talkMsSum,
    TOTAL(answered_at - offered_at) AS waitMsSum,
    TOTAL(acw_ms) AS acwMsSum,
    TOTAL(acw_count) AS acwCount,
    COUNT(survey_result) AS surveyResponses,
    TOTAL(survey_result IN (1, 2)) AS surveySatisfied,
    TOTAL(answered_at IS NOT NULL AND talk_ended_at IS NULL) AS openTalks
  FROM calls INDEXED BY calls_metrics
  WHERE center_code = @center AND arrived_at >= @start AND arrived_at < @end AND direction = 'inbound'`;

// Complaints are received when submitted (they leave 草稿, DESIGN.md §3.2): a draft never counts,
// nor a voided one; an order sent back and submitted again counts once, at its first submission.
const COMPLAINTS_SQL = `
  SELECT COUNT(*) FROM work_orders INDEXED BY work_orders_by_category_submitted
  WHERE center_code = ? AND category = 'complaint' AND submitted_at >= ? AND submitted_at < ? AND state <> 'voided'`;

export class MetricsRepository {
  private readonly calls: Statement<[{ center: string; start: number; end: number; now: number }], CallCounts>;
  private readonly complaints: Statement<[string, number, number], number>;

  constructor(
    db: Db,
    private readonly centerCode: string,
  ) {
    this.calls = db.prepare<[{ center: string; start: number; end: number; now: number }], CallCounts>(CALLS_SQL);
    this.complaints = db.prepare<[string, number, number], number>(COMPLAINTS_SQL).pluck();
  }

  /** Raw counts of calls that arrived, and complaints submitted, in [start, end); `now` ends the talk of calls still talking. */
  rawCounts(start: number, end: number, now: number): RawCounts {
    return this.liveRawCounts(start, end, now).counts;
  }

  liveRawCounts(start: number, end: number, now: number): LiveRawCounts {
    const row = this.calls.get({ center: this.centerCode, start, end, now })! as CallCounts & { openTalks: number };
    // TOTAL() is a float in SQLite; every value here is a whole number of calls or ms.
    const { openTalks, ...counts } = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Math.round(v as number)])) as CallCounts & {
      openTalks: number;
    };
    return { counts: { ...counts, complaints: this.complaints.get(this.centerCode, start, end)! }, openTalks };
  }
}
