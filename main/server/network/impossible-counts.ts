// Counts no real day can have: a child that sends them has a bug or a broken database, and the
// parent refuses the day (422 impossible_counts) rather than sum it into a province's figures.
import type { RawCounts } from '../../../shared/metrics/raw-counts.js';

/**
 * The broken rules, empty when the counts are possible. Not checked: acwCount ≤ answered (a call
 * transferred between agents has one ACW period per agent, migration 12) and surveys ≤ answered
 * (a survey is counted from the call row, whoever answered).
 */
export function impossibleCounts(c: RawCounts): string[] {
  const broken: string[] = [];
  const rule = (ok: boolean, text: string) => ok || broken.push(text);
  rule(c.offered <= c.callTotal, 'offered > callTotal');
  rule(c.answered <= c.offered, 'answered > offered');
  rule(c.abandoned <= c.offered, 'abandoned > offered');
  rule(c.abandonedIvr <= c.callTotal, 'abandonedIvr > callTotal');
  rule(c.surveySatisfied <= c.surveyResponses, 'surveySatisfied > surveyResponses');
  rule(c.answered > 0 || (c.talkMsSum === 0 && c.waitMsSum === 0), 'talk or wait time without an answered call');
  rule(c.acwCount > 0 || c.acwMsSum === 0, 'after-call work time without an after-call work period');
  return broken;
}
