import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 5: provident-fund', () => {
  it('upgrades a version-4 database with STRICT, constrained gateway tables', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 4);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name LIKE 'pf_%'").pluck().get()).toBe(0);
    migrate(db, MIGRATIONS, 5);
    for (const table of ['pf_people', 'pf_employers', 'pf_loans', 'pf_outlets', 'pf_appointments', 'pf_sms_subscriptions', 'pf_policies']) {
      expect(db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(table)).toMatch(/STRICT/);
    }
    db.prepare("INSERT INTO pf_employers (employer_account, name, headcount, status) VALUES ('880001', '某公司', 10, '正常')").run();
    const person = db.prepare(
      "INSERT INTO pf_people (fund_account, id_card_no, name, status, balance_fen, monthly_deposit_fen, employer_id) VALUES (?, ?, '张三', ?, 100, 10, ?)",
    );
    person.run('1001', '11010519491231002X', '正常', 1);
    expect(() => person.run('1002', '110105194912310029', '冻结', 1)).toThrow(/CHECK/);
    expect(() => person.run('1003', '110105194912310037', '正常', 42)).toThrow(/FOREIGN KEY/);
    expect(() => person.run('1004', '1101051949', '正常', 1)).toThrow(/CHECK/);
    expect(() => person.run('1001', '110105194912310045', '正常', 1)).toThrow(/UNIQUE/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO pf_loans (contract_no, person_id, principal_fen, balance_fen, term_months, monthly_repayment_fen, progress, applied_on) VALUES ('L1', 1, 100, 100, 0, 1, '受理', '2024-01-01')",
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO pf_outlets (code, name, district, address, hours, phone, slot_capacity) VALUES ('W1', 'n', 'd', 'a', 'h', 'p', '3')").run(),
    ).not.toThrow();
    expect(() =>
      db.prepare("INSERT INTO pf_outlets (code, name, district, address, hours, phone, slot_capacity) VALUES ('W2', 'n', 'd', 'a', 'h', 'p', 'many')").run(),
    ).toThrow(/cannot store TEXT/);
  });
});
