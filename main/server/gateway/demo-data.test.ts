import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, closeDatabase, type Db } from '../db/database.js';
import { checkIdCardNumber } from '../../../shared/id-card/gb11643.js';
import { gatewayTablesEmpty, hasDemoData, seedDemoData } from './demo-data.js';

function freshDb(): Db {
  return openDatabase(join(mkdtempSync(join(tmpdir(), 'demo-')), 'db.sqlite'));
}

describe('demo data', () => {
  it('seeds several thousand people with valid ID numbers, loans, employers and outlets', () => {
    const db = freshDb();
    expect(gatewayTablesEmpty(db)).toBe(true);
    const summary = seedDemoData(db, { today: '2025-06-11' });
    expect(summary.people).toBe(5000);
    expect(gatewayTablesEmpty(db)).toBe(false);
    expect(hasDemoData(db)).toBe(true);
    const people = db.prepare('SELECT id_card_no, name, status FROM pf_people').all() as Array<{ id_card_no: string; name: string; status: string }>;
    expect(people).toHaveLength(5000);
    for (const p of people) {
      const check = checkIdCardNumber(p.id_card_no, '2025-06-11');
      expect(check.valid, p.id_card_no).toBe(true);
      expect(p.name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
    }
    const loanShare = (db.prepare('SELECT count(DISTINCT person_id) FROM pf_loans').pluck().get() as number) / 5000;
    expect(loanShare).toBeGreaterThan(0.2);
    expect(loanShare).toBeLessThan(0.4);
    expect(summary.loans).toBe(db.prepare('SELECT count(*) FROM pf_loans').pluck().get());
    expect(db.prepare('SELECT count(DISTINCT status) FROM pf_people').pluck().get()).toBe(3);
    // Headcount counts the employer's active depositors.
    const mismatch = db
      .prepare("SELECT count(*) FROM pf_employers e WHERE headcount != (SELECT count(*) FROM pf_people WHERE employer_id = e.id AND status = '正常')")
      .pluck()
      .get();
    expect(mismatch).toBe(0);
    closeDatabase(db);
  });

  it('is deterministic: the same seed gives the same center', () => {
    const a = freshDb();
    const b = freshDb();
    seedDemoData(a, { today: '2025-06-11', people: 300, employers: 20 });
    seedDemoData(b, { today: '2025-06-11', people: 300, employers: 20 });
    const dump = (db: Db) => db.prepare('SELECT fund_account, id_card_no, name, balance_fen FROM pf_people ORDER BY id').all();
    expect(dump(a)).toEqual(dump(b));
    const c = freshDb();
    seedDemoData(c, { today: '2025-06-11', people: 300, employers: 20, seed: 7 });
    expect(dump(c)).not.toEqual(dump(a));
  });
});
