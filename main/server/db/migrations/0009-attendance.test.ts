import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 9: attendance', () => {
  it('upgrades a version-8 database, checks shift rules and covers the metrics query', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 8);
    db.prepare(
      "INSERT INTO users (work_number, display_name, role, center_code, password_hash, created_at) VALUES ('1001', '张三', 'agent', '330100', 'x', 0)",
    ).run();
    migrate(db, MIGRATIONS, 9);
    const insert = db.prepare(
      'INSERT INTO shifts (center_code, agent_id, team, weekday, date, start_time, end_time, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0)',
    );
    insert.run('330100', 1, null, 1, null, '09:00', '17:30');
    insert.run('330100', null, 'A', null, '2026-01-05', '08:30', '12:00');
    expect(() => insert.run('330100', 1, 'A', 1, null, '09:00', '17:00')).toThrow(/CHECK/); // agent and team
    expect(() => insert.run('330100', 1, null, null, null, '09:00', '17:00')).toThrow(/CHECK/); // no day
    expect(() => insert.run('330100', 1, null, 8, null, '09:00', '17:00')).toThrow(/CHECK/); // weekday 8
    expect(() => insert.run('330100', 1, null, 1, null, '17:00', '09:00')).toThrow(/CHECK/); // crosses midnight
    expect(() => insert.run('330100', 1, null, 1, null, '9:00', '17:00')).toThrow(/CHECK/); // not HH:MM
    expect(() => insert.run('330100', 99, null, 1, null, '09:00', '17:00')).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO agent_teams (agent_id, team) VALUES (1, 'A')").run();
    expect(() => db.prepare("INSERT INTO agent_teams (agent_id, team) VALUES (1, 'B')").run()).toThrow(/UNIQUE|PRIMARY/);

    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT COUNT(*), SUM(offered_to_agent), COUNT(answered_at), SUM(hung_up_at - answered_at), SUM(answered_at - queued_at), SUM(abandon_stage IN ('queue','ringing')), SUM(acw_ended_at - acw_started_at), COUNT(survey_result) FROM calls WHERE center_code = ? AND direction = 'inbound' AND arrived_at >= ? AND arrived_at < ?",
      )
      .all('330100', 0, 1) as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING COVERING INDEX calls_metrics/);
    const complaints = db
      .prepare("EXPLAIN QUERY PLAN SELECT COUNT(*) FROM work_orders WHERE center_code = ? AND category = 'complaint' AND created_at >= ? AND created_at < ?")
      .all('330100', 0, 1) as Array<{ detail: string }>;
    expect(complaints.map((p) => p.detail).join('\n')).toMatch(/USING COVERING INDEX work_orders_by_category_created/);
  });
});
