import { randomBytes, scryptSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, openDatabase, type Db } from '../../db/database.js';
import { ManualClock } from '../../clock.js';
import { seedDemoData } from '../demo-data.js';
import { SqliteGateway } from '../sqlite-gateway.js';

/** Wednesday 2025-06-11, 10:00 in Shanghai. */
export const FIXTURE_NOW = Date.parse('2025-06-11T02:00:00Z');
export const FIXTURE_TODAY = '2025-06-11';
export const TIME_ZONE = 'Asia/Shanghai';
const KNOWN_PIN = '470215';

/** Demo records the contract suite looks up, read straight from the seeded tables. */
export interface KnownRecords {
  fundAccount: string;
  idCardNo: string;
  cobrandCardNo: string;
  name: string;
  borrowerFundAccount: string;
  loanCount: number;
  employerAccount: string;
  employerName: string;
  outletCode: string;
  outletCapacity: number;
  /** The telephone PIN of fundAccount (the borrower has none). */
  pin: string;
}

export interface EmbeddedFixture {
  db: Db;
  clock: ManualClock;
  gateway: SqliteGateway;
  known: KnownRecords;
  close(): void;
}

export function openEmbeddedFixture(people = 2000): EmbeddedFixture {
  const dir = mkdtempSync(join(tmpdir(), 'gateway-'));
  const db = openDatabase(join(dir, 'gateway.sqlite'));
  const clock = new ManualClock(FIXTURE_NOW);
  seedDemoData(db, { today: FIXTURE_TODAY, people, employers: 150 });
  const person = db
    .prepare("SELECT fund_account, id_card_no, cobrand_card_no, name FROM pf_people WHERE cobrand_card_no IS NOT NULL AND status = '正常' ORDER BY id LIMIT 1")
    .get() as { fund_account: string; id_card_no: string; cobrand_card_no: string; name: string };
  const borrower = db
    .prepare('SELECT p.fund_account, count(*) AS n FROM pf_loans l JOIN pf_people p ON p.id = l.person_id GROUP BY p.id ORDER BY p.id LIMIT 1')
    .get() as { fund_account: string; n: number };
  const employer = db.prepare('SELECT employer_account, name FROM pf_employers ORDER BY id LIMIT 1').get() as { employer_account: string; name: string };
  const outlet = db.prepare('SELECT code, slot_capacity FROM pf_outlets ORDER BY slot_capacity DESC LIMIT 1').get() as { code: string; slot_capacity: number };
  const gateway = new SqliteGateway(db, clock, TIME_ZONE);
  // As a center's old system would hand its hashes over: scrypt$N$r$p$salt$hash.
  const salt = randomBytes(16);
  const hash = ['scrypt', 16384, 8, 1, salt.toString('base64url'), scryptSync(KNOWN_PIN, salt, 32, { N: 16384, r: 8, p: 1 }).toString('base64url')].join('$');
  gateway.pins.importHashes([{ subject: { kind: 'person', id: person.fund_account }, hash }]);
  return {
    db,
    clock,
    gateway,
    known: {
      fundAccount: person.fund_account,
      idCardNo: person.id_card_no,
      cobrandCardNo: person.cobrand_card_no,
      name: person.name,
      borrowerFundAccount: borrower.fund_account,
      loanCount: borrower.n,
      pin: KNOWN_PIN,
      employerAccount: employer.employer_account,
      employerName: employer.name,
      outletCode: outlet.code,
      outletCapacity: outlet.slot_capacity,
    },
    close() {
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
