import type { Migration } from '../migrate.js';
// Owner: metrics (issue 17). The follow-up survey of a period read the indicators' covering index
// (every call of the period, inbound too) to find the few outbound calls: 100 ms for a year of
// 730,000 calls. Only outbound calls are in this index, with the column the survey reads.
export const m0028FollowUpSurveyIndex: Migration = {
  version: 28,
  name: 'follow-up-survey-index',
  up(db) {
    db.exec(`CREATE INDEX calls_outbound_survey ON calls (center_code, arrived_at, survey_result) WHERE direction = 'outbound';`);
  },
};
