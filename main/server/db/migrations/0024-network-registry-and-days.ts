import type { Migration } from '../migrate.js';
// Owner: network (issue 16, docs/network.md). The parent's side: the children it registered
// (centers at a province, provinces at a ministry) with the hash of each one's token, the day
// rows it received (raw counts only, never rates), and per-month sums of them kept in the same
// transaction as each day row, per center and per province, so that a ministry's year over 340
// centers reads 12 × 34 rows, not 124 100.
export const m0024NetworkRegistryAndDays: Migration = {
  version: 24,
  name: 'network-registry-and-days',
  up(db) {
    const counts = (nullable: boolean) =>
      [
        'call_total',
        'offered',
        'answered',
        'abandoned',
        'abandoned_ivr',
        'talk_ms_sum',
        'wait_ms_sum',
        'acw_ms_sum',
        'acw_count',
        'complaints',
        'survey_responses',
        'survey_satisfied',
      ]
        .map((c) => `${c} INTEGER NOT NULL CHECK (${c} >= 0)`)
        .concat(
          [
            'scheduled_shifts',
            'attended_shifts',
            'on_time_shifts',
            'late_shifts',
            'absent_shifts',
            'early_sign_outs',
            'signed_in_ms',
            'break_ms',
            'break_count',
          ].map((c) => `${c} INTEGER${nullable ? '' : ' NOT NULL'} CHECK (${c} >= 0)`),
        )
        .join(',\n        ');
    db.exec(`
      CREATE TABLE network_children (
        code TEXT PRIMARY KEY CHECK (length(code) = 6),
        name TEXT NOT NULL CHECK (name <> ''),
        level TEXT NOT NULL CHECK (level IN ('center', 'province')),
        -- sha256 of the token, hex; NULL when none was issued or it was revoked.
        token_hash TEXT CHECK (token_hash IS NULL OR length(token_hash) = 64),
        token_issued_at INTEGER,
        registered_at INTEGER NOT NULL,
        last_report_at INTEGER
      ) STRICT;
      CREATE UNIQUE INDEX network_children_token ON network_children (token_hash) WHERE token_hash IS NOT NULL;

      -- Keyed by date first: a period's rows over every center are one contiguous range.
      CREATE TABLE network_days (
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        code TEXT NOT NULL CHECK (length(code) = 6),
        province_code TEXT NOT NULL CHECK (length(province_code) = 6),
        revision INTEGER NOT NULL CHECK (revision >= 1),
        has_attendance INTEGER NOT NULL CHECK (has_attendance IN (0, 1)),
        ${counts(true)},
        received_at INTEGER NOT NULL,
        PRIMARY KEY (date, code)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX network_days_by_code ON network_days (code, date);

      -- Sums of network_days per (code, month), rewritten from the month's day rows on each upload.
      CREATE TABLE network_months (
        code TEXT NOT NULL,
        month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
        province_code TEXT NOT NULL,
        days INTEGER NOT NULL CHECK (days >= 1),
        ${counts(false)},
        PRIMARY KEY (code, month)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX network_months_by_province ON network_months (province_code, month);

      -- The same per (province, month), rewritten from its centers' month rows: a ministry's year is 12 rows a province.
      CREATE TABLE network_province_months (
        province_code TEXT NOT NULL,
        month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
        days INTEGER NOT NULL CHECK (days >= 1),
        ${counts(false)},
        PRIMARY KEY (province_code, month)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
