// Figures reported beside the eight indicators, never inside them (issue 11): the on-time rate of
// work orders (办结及时率, §2.5) and the satisfaction of follow-up calls (回访满意度). The ministry's
// satisrate stays the inbound survey's alone (DESIGN.md); the follow-up answers sit next to it.
import { ratio2 } from './indicators.js';

export interface OnTimeRow {
  /** The category or department; null for the total (or orders without a department). */
  key: string | null;
  /** Orders resolved in the period. */
  resolved: number;
  /** …of them resolved by their due time (an extension granted moves the due time). */
  onTime: number;
  /** onTime ÷ resolved × 100, 2 decimals; null when nothing was resolved. */
  rate: number | null;
}

export interface SurveyFigures {
  /** Answers 1 满意, 2 基本满意, 3 不满意. */
  responses: number;
  /** Answers 1 or 2. */
  satisfied: number;
  /** satisfied ÷ responses × 100, 2 decimals; null without answers. */
  rate: number | null;
}

export interface WorkOrderFigures {
  onTime: { total: OnTimeRow; byCategory: OnTimeRow[]; byDepartment: OnTimeRow[] };
  /** The survey after inbound calls: the same counts as satisrate. */
  inboundSurvey: SurveyFigures;
  /** The survey on follow-up calls (回访) placed in the period. */
  followUpSurvey: SurveyFigures;
}

export const onTimeRate = (onTime: number, resolved: number): number | null => ratio2(onTime, resolved, 100);

export function onTimeRow(key: string | null, resolved: number, onTime: number): OnTimeRow {
  return { key, resolved, onTime, rate: onTimeRate(onTime, resolved) };
}

export function surveyFigures(responses: number, satisfied: number): SurveyFigures {
  return { responses, satisfied, rate: ratio2(satisfied, responses, 100) };
}
