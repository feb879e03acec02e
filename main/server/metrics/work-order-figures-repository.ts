// The on-time rate and the follow-up survey of one instant range (shared/metrics/work-order-figures.ts).
import type { Db } from '../db/database.js';
import type { RawCounts } from '../../../shared/metrics/raw-counts.js';
import { onTimeRow, surveyFigures, type OnTimeRow, type WorkOrderFigures } from '../../../shared/metrics/work-order-figures.js';

type Range = { center: string; start: number; end: number };
type Group = { key: string | null; resolved: number; onTime: number };

// Orders resolved in the range (work_orders_by_resolved, migration 18), grouped.
const onTimeBy = (column: 'category' | 'department') => `
  SELECT ${column} AS key, COUNT(*) AS resolved, TOTAL(resolved_at <= due_at) AS onTime FROM work_orders
  WHERE center_code = @center AND resolved_at >= @start AND resolved_at < @end GROUP BY ${column} ORDER BY ${column}`;

// Follow-up calls placed in the range; like the inbound survey, counted by the call's arrival.
const FOLLOW_UP_SURVEY = `
  SELECT COUNT(survey_result) AS responses, TOTAL(survey_result IN (1, 2)) AS satisfied FROM calls
  WHERE center_code = @center AND direction = 'outbound' AND arrived_at >= @start AND arrived_at < @end`;

export class WorkOrderFiguresRepository {
  private readonly byCategory;
  private readonly byDepartment;
  private readonly followUps;

  constructor(
    db: Db,
    private readonly centerCode: string,
  ) {
    this.byCategory = db.prepare<[Range], Group>(onTimeBy('category'));
    this.byDepartment = db.prepare<[Range], Group>(onTimeBy('department'));
    this.followUps = db.prepare<[Range], { responses: number; satisfied: number }>(FOLLOW_UP_SURVEY);
  }

  /** The figures of [start, end); the inbound survey is taken from the period's raw counts. */
  figures(start: number, end: number, raw: RawCounts): WorkOrderFigures {
    const range = { center: this.centerCode, start, end };
    const rows = (groups: Group[]): OnTimeRow[] => groups.map((g) => onTimeRow(g.key, g.resolved, Math.round(g.onTime)));
    const byCategory = rows(this.byCategory.all(range));
    const resolved = byCategory.reduce((a, r) => a + r.resolved, 0);
    const onTime = byCategory.reduce((a, r) => a + r.onTime, 0);
    const followUps = this.followUps.get(range)!;
    return {
      onTime: { total: onTimeRow(null, resolved, onTime), byCategory, byDepartment: rows(this.byDepartment.all(range)) },
      inboundSurvey: surveyFigures(raw.surveyResponses, raw.surveySatisfied),
      followUpSurvey: surveyFigures(followUps.responses, Math.round(followUps.satisfied)),
    };
  }
}
