import type { Migration } from '../migrate.js';

// Owner: gateway module: the embedded adapter's people, accounts, loans, employers, outlets, policies, appointments, SMS subscriptions.
// Amounts are integer fen; dates YYYY-MM-DD and months YYYY-MM in the center's time zone.
export const m0005ProvidentFund: Migration = {
  version: 5,
  name: 'provident-fund',
  up(db) {
    db.exec(`
      CREATE TABLE pf_employers (
        id INTEGER PRIMARY KEY,
        employer_account TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        headcount INTEGER NOT NULL CHECK (headcount >= 0),
        status TEXT NOT NULL CHECK (status IN ('正常', '封存', '注销')),
        arrears_months INTEGER NOT NULL DEFAULT 0 CHECK (arrears_months >= 0),
        arrears_fen INTEGER NOT NULL DEFAULT 0 CHECK (arrears_fen >= 0)
      ) STRICT;

      CREATE TABLE pf_people (
        id INTEGER PRIMARY KEY,
        fund_account TEXT NOT NULL UNIQUE,
        id_card_no TEXT NOT NULL UNIQUE CHECK (length(id_card_no) = 18),
        cobrand_card_no TEXT UNIQUE,
        name TEXT NOT NULL,
        mobile TEXT,
        status TEXT NOT NULL CHECK (status IN ('正常', '封存', '销户')),
        balance_fen INTEGER NOT NULL CHECK (balance_fen >= 0),
        monthly_deposit_fen INTEGER NOT NULL CHECK (monthly_deposit_fen >= 0),
        employer_id INTEGER REFERENCES pf_employers(id),
        last_deposit_month TEXT
      ) STRICT;
      CREATE INDEX pf_people_by_employer ON pf_people (employer_id);

      CREATE TABLE pf_loans (
        id INTEGER PRIMARY KEY,
        contract_no TEXT NOT NULL UNIQUE,
        person_id INTEGER NOT NULL REFERENCES pf_people(id),
        principal_fen INTEGER NOT NULL CHECK (principal_fen > 0),
        balance_fen INTEGER NOT NULL CHECK (balance_fen >= 0),
        term_months INTEGER NOT NULL CHECK (term_months > 0),
        monthly_repayment_fen INTEGER NOT NULL CHECK (monthly_repayment_fen >= 0),
        next_due_date TEXT,
        progress TEXT NOT NULL CHECK (progress IN ('受理', '审批', '放款', '已结清')),
        applied_on TEXT NOT NULL
      ) STRICT;
      CREATE INDEX pf_loans_by_person ON pf_loans (person_id);

      CREATE TABLE pf_outlets (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        district TEXT NOT NULL,
        address TEXT NOT NULL,
        hours TEXT NOT NULL,
        phone TEXT NOT NULL,
        -- Bookings each time slot of each working day takes, per appointment type.
        slot_capacity INTEGER NOT NULL CHECK (slot_capacity >= 0)
      ) STRICT;

      CREATE TABLE pf_appointments (
        id INTEGER PRIMARY KEY,
        confirmation_no TEXT NOT NULL UNIQUE,
        person_id INTEGER NOT NULL REFERENCES pf_people(id),
        outlet_id INTEGER NOT NULL REFERENCES pf_outlets(id),
        type TEXT NOT NULL CHECK (type IN ('loan_application', 'loan_repayment', 'withdrawal')),
        date TEXT NOT NULL,
        slot TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('booked', 'cancelled')),
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX pf_appointments_by_slot ON pf_appointments (outlet_id, type, date, slot, status);
      CREATE INDEX pf_appointments_by_person ON pf_appointments (person_id);

      CREATE TABLE pf_sms_subscriptions (
        person_id INTEGER PRIMARY KEY REFERENCES pf_people(id),
        enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE pf_policies (
        id INTEGER PRIMARY KEY,
        category TEXT NOT NULL CHECK (category IN ('缴存', '提取', '贷款', '其他')),
        title TEXT NOT NULL,
        summary TEXT NOT NULL,
        body TEXT NOT NULL,
        effective_from TEXT NOT NULL
      ) STRICT;

      -- Seeds and their parameters (demo data), so that a restart never seeds twice.
      CREATE TABLE pf_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
