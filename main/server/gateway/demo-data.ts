import { createSeededRandom } from '../../../shared/random/seeded-random.js';
import type { Db } from '../db/database.js';
import { makeIdCardNumber } from '../../../shared/id-card/gb11643.js';
import { addDays } from '../../../shared/time/local-date.js';
import { EMPLOYER_KINDS, EMPLOYER_WORDS, GIVEN_CHARS, LOCAL_REGIONS, OTHER_REGIONS, SURNAMES } from './demo-names.js';
import { DEMO_OUTLETS, DEMO_POLICIES } from './demo-catalog.js';

/**
 * Every demo person and demo employer has this telephone PIN (documented in docs/gateway-http.md
 * and the README of the demo). Real PINs are only ever stored as scrypt hashes by verification.
 */
export const DEMO_PIN = '123456';

export interface DemoDataOptions {
  seed?: number;
  people?: number;
  employers?: number;
  /** YYYY-MM-DD the data is relative to (last deposit month, loan due dates). */
  today: string;
}

export interface DemoDataSummary {
  people: number;
  employers: number;
  loans: number;
  outlets: number;
  policies: number;
}

/** The same seed gives the same center (shared/random). */
export const createRandom = createSeededRandom;

/** Fills the empty gateway tables in one transaction; a few thousand people take well under a second. */
export function seedDemoData(db: Db, options: DemoDataOptions): DemoDataSummary {
  const rnd = createRandom(options.seed ?? 12329);
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => int(0, 9)).join('');
  const peopleCount = options.people ?? 5000;
  const employerCount = options.employers ?? 300;
  const thisMonth = options.today.slice(0, 7);
  const lastMonth = addDays(`${thisMonth}-01`, -1).slice(0, 7);
  const seen = new Set<string>();
  const unique = (make: () => string): string => {
    for (;;) {
      const value = make();
      if (!seen.has(value)) {
        seen.add(value);
        return value;
      }
    }
  };

  const insertEmployer = db.prepare(
    'INSERT INTO pf_employers (employer_account, name, headcount, status, arrears_months, arrears_fen) VALUES (?, ?, 0, ?, ?, 0)',
  );
  const insertPerson = db.prepare(
    'INSERT INTO pf_people (fund_account, id_card_no, cobrand_card_no, name, mobile, status, balance_fen, monthly_deposit_fen, employer_id, last_deposit_month) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertLoan = db.prepare(
    'INSERT INTO pf_loans (contract_no, person_id, principal_fen, balance_fen, term_months, monthly_repayment_fen, next_due_date, progress, applied_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertSms = db.prepare('INSERT INTO pf_sms_subscriptions (person_id, enabled, updated_at) VALUES (?, ?, 0)');
  const insertOutlet = db.prepare('INSERT INTO pf_outlets (code, name, district, address, hours, phone, slot_capacity) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertPolicy = db.prepare('INSERT INTO pf_policies (category, title, summary, body, effective_from) VALUES (?, ?, ?, ?, ?)');

  let loans = 0;
  db.transaction(() => {
    for (const o of DEMO_OUTLETS) insertOutlet.run(o.code, o.name, o.district, o.address, o.hours, o.phone, o.slotCapacity);
    for (const p of DEMO_POLICIES) insertPolicy.run(p.category, p.title, p.summary, p.body, p.effectiveFrom);

    const employerStatus: string[] = [];
    for (let e = 0; e < employerCount; e++) {
      const account = unique(() => `3301${digits(5)}`);
      const name = unique(() => `杭州${pick(EMPLOYER_WORDS)}${pick(EMPLOYER_WORDS)}${pick(EMPLOYER_KINDS)}`);
      const status = rnd() < 0.92 ? '正常' : '封存';
      employerStatus.push(status);
      insertEmployer.run(account, name, status, status === '正常' && rnd() < 0.08 ? int(1, 6) : 0);
    }

    for (let i = 0; i < peopleCount; i++) {
      const birth = `${int(1962, 2003)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
      const region = rnd() < 0.7 ? pick(LOCAL_REGIONS) : pick(OTHER_REGIONS);
      const idCard = unique(() => makeIdCardNumber(region, birth, int(1, 999)));
      const name = pick(SURNAMES) + pick(GIVEN_CHARS) + (rnd() < 0.75 ? pick(GIVEN_CHARS) : '');
      const roll = rnd();
      const status = roll < 0.85 ? '正常' : roll < 0.97 ? '封存' : '销户';
      const employerId = status === '销户' ? null : int(1, employerCount);
      const wage = int(2500, 40000) * 100; // fen
      const rate = int(5, 12) / 100;
      const monthly = status === '正常' ? Math.round(wage * rate) * 2 : 0;
      const months = int(6, 240);
      const balance = status === '销户' ? 0 : Math.round(Math.round(wage * rate) * 2 * months * (0.3 + rnd() * 0.7));
      const lastDeposit =
        status === '正常' ? (rnd() < 0.9 ? lastMonth : thisMonth) : status === '封存' ? addDays(`${thisMonth}-01`, -int(40, 900)).slice(0, 7) : null;
      const personId = insertPerson.run(
        unique(() => `1${digits(11)}`),
        idCard,
        rnd() < 0.6 ? unique(() => `621700${digits(13)}`) : null,
        name,
        `1${pick(['3', '5', '7', '8', '9'])}${digits(9)}`,
        status,
        balance,
        monthly,
        employerId,
        lastDeposit,
      ).lastInsertRowid as number;

      if (status !== '销户' && rnd() < 0.3) {
        loans++;
        const principal = int(20, 120) * 10000 * 100;
        const term = int(5, 30) * 12;
        const monthlyRate = 0.026 / 12;
        const repayment = Math.round((principal * monthlyRate) / (1 - (1 + monthlyRate) ** -term));
        const p = rnd();
        const progress = p < 0.08 ? '受理' : p < 0.14 ? '审批' : p < 0.9 ? '放款' : '已结清';
        const paidMonths = progress === '放款' ? int(1, term - 1) : 0;
        const remaining = progress === '放款' ? Math.round(principal * (1 - paidMonths / term)) : 0;
        const dueDay = String(int(1, 28)).padStart(2, '0');
        insertLoan.run(
          unique(() => `DK${int(2010, 2025)}${digits(8)}`),
          personId,
          principal,
          remaining,
          term,
          progress === '已结清' ? 0 : repayment,
          progress === '放款' ? `${addDays(`${thisMonth}-28`, 7).slice(0, 7)}-${dueDay}` : null,
          progress,
          addDays(options.today, -(progress === '受理' ? int(1, 10) : progress === '审批' ? int(10, 30) : paidMonths * 30 + int(30, 60))),
        );
      }
      if (rnd() < 0.5) insertSms.run(personId, rnd() < 0.8 ? 1 : 0);
    }

    // Headcount and arrears follow from the people just placed.
    db.prepare("UPDATE pf_employers SET headcount = (SELECT count(*) FROM pf_people WHERE employer_id = pf_employers.id AND status = '正常')").run();
    db.prepare(
      "UPDATE pf_employers SET arrears_fen = arrears_months * (SELECT coalesce(sum(monthly_deposit_fen), 0) FROM pf_people WHERE employer_id = pf_employers.id AND status = '正常') WHERE arrears_months > 0",
    ).run();
    db.prepare("INSERT INTO pf_meta (key, value) VALUES ('demo_seed', ?)").run(
      JSON.stringify({ seed: options.seed ?? 12329, people: peopleCount, employers: employerCount, today: options.today }),
    );
  })();

  return { people: peopleCount, employers: employerCount, loans, outlets: DEMO_OUTLETS.length, policies: DEMO_POLICIES.length };
}

/** True when the gateway tables hold the demo center (its PINs are DEMO_PIN). */
export function hasDemoData(db: Db): boolean {
  return db.prepare("SELECT 1 FROM pf_meta WHERE key = 'demo_seed'").get() !== undefined;
}

export function gatewayTablesEmpty(db: Db): boolean {
  return db.prepare('SELECT (SELECT count(*) FROM pf_people) + (SELECT count(*) FROM pf_employers) + (SELECT count(*) FROM pf_outlets)').pluck().get() === 0;
}
