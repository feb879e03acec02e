import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

const H = 3_600_000;

describe('migration 16: metrics-day-rollups', () => {
  it('keeps day rows that any write to their calls or complaints deletes, and indexes ring attempts by agent', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 15);
    db.prepare(
      "INSERT INTO calls (id, center_code, direction, caller, callee, transport, arrived_at) VALUES ('old', '330100', 'inbound', '1', '12329', 'udp', ?)",
    ).run(30 * H);
    migrate(db, MIGRATIONS, 16);
    const day = db.prepare(`INSERT INTO metrics_days (center_code, day_start, day_end, time_zone, call_total, offered, answered, abandoned, abandoned_ivr,
      talk_ms_sum, wait_ms_sum, acw_ms_sum, acw_count, complaints, survey_responses, survey_satisfied, computed_at)
      VALUES ('330100', ?, ?, 'Asia/Shanghai', 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)`);
    const days = () => db.prepare('SELECT day_start / 86400000 FROM metrics_days ORDER BY day_start').pluck().all();
    for (const d of [0, 1, 2, 3]) day.run(d * 24 * H, (d + 1) * 24 * H);
    expect(() => day.run(9 * 24 * H, 9 * 24 * H)).toThrow(/CHECK/);
    expect(() => day.run(0, 24 * H)).toThrow(/UNIQUE|PRIMARY/);

    // A step that changes no figure (the hang-up side) keeps the day; a survey answer deletes it.
    db.prepare("UPDATE calls SET hangup_side = 'caller' WHERE id = 'old'").run();
    expect(days()).toEqual([0, 1, 2, 3]);
    db.prepare("UPDATE calls SET survey_result = 1 WHERE id = 'old'").run();
    expect(days()).toEqual([0, 2, 3]);
    // A new call of day 2 (any center's rows are separate: another center's call deletes nothing).
    db.prepare(
      "INSERT INTO calls (id, center_code, direction, caller, callee, transport, arrived_at) VALUES ('x', '330200', 'inbound', '1', '12329', 'udp', ?)",
    ).run(50 * H);
    expect(days()).toEqual([0, 2, 3]);
    db.prepare(
      "INSERT INTO calls (id, center_code, direction, caller, callee, transport, arrived_at) VALUES ('late', '330100', 'inbound', '1', '12329', 'udp', ?)",
    ).run(50 * H);
    expect(days()).toEqual([0, 3]);
    // A complaint submitted on day 3, then a call moved out of day 0 (both its old and new days go).
    db.prepare("INSERT INTO work_orders (center_code, category, created_at, state, submitted_at) VALUES ('330100', 'complaint', 0, 'pending_approval', ?)").run(
      73 * H,
    );
    expect(days()).toEqual([0]);
    day.run(3 * 24 * H, 4 * 24 * H);
    db.prepare("UPDATE calls SET arrived_at = ? WHERE id = 'late'").run(2 * H);
    expect(days()).toEqual([3]);
    db.prepare('DELETE FROM work_orders').run();
    expect(days()).toEqual([]);

    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT COUNT(*) FROM call_ring_attempts WHERE agent_id = 1 AND started_at >= 0').all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/ring_attempts_by_agent/);
  });
});
