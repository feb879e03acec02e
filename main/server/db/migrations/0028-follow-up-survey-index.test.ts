import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 28: follow-up-survey-index', () => {
  it("answers a period's follow-up survey from outbound calls only, not the indicators' index of every call", () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 28);
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT COUNT(survey_result), TOTAL(survey_result IN (1, 2)) FROM calls
         WHERE center_code = ? AND direction = 'outbound' AND arrived_at >= ? AND arrived_at < ?`,
      )
      .all('330100', 0, 1) as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/COVERING INDEX calls_outbound_survey/);
  });
});
