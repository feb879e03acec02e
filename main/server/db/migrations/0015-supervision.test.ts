import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 15: supervision', () => {
  it('marks a lost call called back once, by a known user, and indexes rings by agent', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 14);
    db.prepare(
      "INSERT INTO users (id, work_number, display_name, role, center_code, password_hash, created_at) VALUES (5, '2001', '班长', 'team_lead', '330100', 'x', 0)",
    ).run();
    db.prepare(
      "INSERT INTO calls (id, center_code, direction, caller, callee, transport, arrived_at, abandoned_at, abandon_stage) VALUES ('c1', '330100', 'inbound', '13912349000', '12329', 'udp', 0, 5, 'queue')",
    ).run();
    migrate(db, MIGRATIONS, 15);
    const mark = db.prepare('INSERT INTO lost_call_callbacks (call_id, by_user_id, at) VALUES (?, ?, ?)');
    mark.run('c1', 5, 100);
    expect(() => mark.run('c1', 5, 200)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => mark.run('nope', 5, 200)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO lost_call_callbacks (call_id, by_user_id, at) VALUES ('c1', 5, 'later')").run()).toThrow(/cannot store TEXT|datatype/);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT COUNT(*) FROM call_ring_attempts WHERE agent_id = 5 AND started_at >= 0 AND outcome = 'missed'")
      .all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toContain('ring_attempts_by_agent');
  });
});
