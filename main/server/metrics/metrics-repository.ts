// The raw counts of one instant range, aggregated in SQL: one range scan of the covering index
// calls_metrics (migration 9) plus one count of complaint work orders submitted (migration 13).
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/database.js';
import type { RawCounts } from '../../../shared/metrics/raw-counts.js';

type CallCounts = Omit<RawCounts, 'complaints'>;

// SUM over a boolean expression counts the rows where it holds (NULL rows are skipped);
// COUNT(x − y) counts the rows where both ends are recorded.
const CALLS_SQL = `
  SELECT
    COUNT(*) AS callTotal,
    TOTAL(offered_to_agent) AS offered,
    COUNT(answered_at) AS answered,
    TOTAL(abandon_stage IN ('queue', 'ringing')) AS abandoned,
    TOTAL(abandon_stage = 'ivr') AS abandonedIvr,
    TOTAL(hung_up_at - answered_at) AS talkMsSum,
    TOTAL(answered_at - queued_at) AS waitMsSum,
    TOTAL(acw_ended_at - acw_started_at) AS acwMsSum,
    COUNT(acw_ended_at - acw_started_at) AS acwCount,
    COUNT(survey_result) AS surveyResponses,
    TOTAL(survey_result IN (1, 2)) AS surveySatisfied
  FROM calls INDEXED BY calls_metrics
  WHERE center_code = ? AND arrived_at >= ? AND arrived_at < ? AND direction = 'inbound'`;

// Complaints are received when submitted (they leave 草稿, DESIGN.md §3.2): a draft never counts,
// nor a voided one; an order sent back and submitted again counts once, at its first submission.
const COMPLAINTS_SQL = `
  SELECT COUNT(*) FROM work_orders INDEXED BY work_orders_by_category_submitted
  WHERE center_code = ? AND category = 'complaint' AND submitted_at >= ? AND submitted_at < ? AND state <> 'voided'`;

export class MetricsRepository {
  private readonly calls: Statement<[string, number, number], CallCounts>;
  private readonly complaints: Statement<[string, number, number], number>;

  constructor(
    db: Db,
    private readonly centerCode: string,
  ) {
    this.calls = db.prepare<[string, number, number], CallCounts>(CALLS_SQL);
    this.complaints = db.prepare<[string, number, number], number>(COMPLAINTS_SQL).pluck();
  }

  /** Raw counts of calls that arrived, and complaints submitted, in [start, end). */
  rawCounts(start: number, end: number): RawCounts {
    const row = this.calls.get(this.centerCode, start, end)!;
    // TOTAL() is a float in SQLite; every value here is a whole number of calls or ms.
    const counts = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Math.round(v as number)])) as CallCounts;
    return { ...counts, complaints: this.complaints.get(this.centerCode, start, end)! };
  }
}
