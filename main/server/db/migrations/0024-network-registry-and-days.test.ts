import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

const COUNTS =
  'call_total, offered, answered, abandoned, abandoned_ivr, talk_ms_sum, wait_ms_sum, acw_ms_sum, acw_count, complaints, survey_responses, survey_satisfied';

describe('migration 24: network-registry-and-days', () => {
  it('registers children with at most one holder per token hash', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 24);
    const child = db.prepare('INSERT INTO network_children (code, name, level, token_hash, registered_at) VALUES (?, ?, ?, ?, 0)');
    child.run('330100', '杭州市', 'center', 'a'.repeat(64));
    child.run('330200', '宁波市', 'center', null);
    child.run('330300', '温州市', 'center', null);
    expect(() => child.run('330400', '嘉兴市', 'center', 'a'.repeat(64))).toThrow(/UNIQUE/);
    expect(() => child.run('330500', '湖州市', 'ministry', null)).toThrow(/CHECK/);
    expect(() => child.run('330600', '绍兴市', 'center', 'short')).toThrow(/CHECK/);
  });

  it('keeps day rows of raw counts, refusing negative counts, and month sums', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 24);
    const day = db.prepare(
      `INSERT INTO network_days (code, date, province_code, revision, has_attendance, ${COUNTS}, received_at) VALUES (?, ?, '330000', 1, 0, ?, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)`,
    );
    day.run('330100', '2026-11-30', 3);
    expect(() => day.run('330100', '2026-11-30', 3)).toThrow(/PRIMARY|UNIQUE/);
    expect(() => day.run('330100', '2026-11-29', -1)).toThrow(/CHECK/);
    expect(() => day.run('330100', '2026-13', 1)).toThrow(/CHECK/);
    // Attendance may be absent on a day row, never on a month sum.
    expect(db.prepare(`SELECT scheduled_shifts FROM network_days WHERE code = '330100'`).pluck().get()).toBeNull();
    expect(() =>
      db
        .prepare(
          `INSERT INTO network_months (code, month, province_code, days, ${COUNTS}) VALUES ('330100', '2026-11', '330000', 1, 3, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0)`,
        )
        .run(),
    ).toThrow(/NOT NULL/);
  });
});
