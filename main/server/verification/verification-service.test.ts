import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { closeDatabase, openDatabase, type Db } from '../db/database.js';
import { ManualClock } from '../clock.js';
import { createLogger } from '../logger.js';
import { DEMO_PIN, seedDemoData } from '../gateway/demo-data.js';
import { SqliteGateway } from '../gateway/sqlite-gateway.js';
import { GRANT_TTL_MS, createVerificationService, type VerificationService } from './verification-service.js';

const WRONG_PIN = '907153';
// 23:30 on Wednesday 2025-06-11 in Shanghai; still 15:30 of the same day in UTC.
const LATE_EVENING = Date.parse('2025-06-11T15:30:00Z');

interface Setup {
  db: Db;
  clock: ManualClock;
  logs: string[];
  service: VerificationService;
  person: { fund_account: string; id_card_no: string; cobrand_card_no: string };
  employerAccount: string;
  gateway: SqliteGateway;
}

function setup(demoPins = true): Setup {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'verification-')), 'db.sqlite'));
  seedDemoData(db, { today: '2025-06-11', people: 200, employers: 20 });
  const clock = new ManualClock(LATE_EVENING);
  const gateway = new SqliteGateway(db, clock, 'Asia/Shanghai', undefined, { demoPins });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const service = createVerificationService({ db, clock, logger: createLogger('debug', sink), gateway, timeZone: 'Asia/Shanghai' });
  const person = db
    .prepare('SELECT fund_account, id_card_no, cobrand_card_no FROM pf_people WHERE cobrand_card_no IS NOT NULL ORDER BY id LIMIT 1')
    .get() as Setup['person'];
  const employerAccount = db.prepare('SELECT employer_account FROM pf_employers ORDER BY id LIMIT 1').pluck().get() as string;
  return { db, clock, logs, service, person, employerAccount, gateway };
}

const ivr = (callId = 'call-1') => ({ channel: 'ivr' as const, callId });

describe('verifyCaller', () => {
  let s: Setup;
  beforeEach(() => {
    s = setup();
  });
  afterEach(() => closeDatabase(s.db));

  it('verifies a person by fund account, ID-card number or co-branded card, and an employer', async () => {
    const subject = { kind: 'person', id: s.person.fund_account };
    expect(await s.service.verifyCaller({ loginType: 'fund_account', account: s.person.fund_account, pin: DEMO_PIN, ...ivr() })).toEqual({
      outcome: 'verified',
      subject,
    });
    expect(await s.service.verifyCaller({ loginType: 'id_card', account: s.person.id_card_no.toLowerCase(), pin: DEMO_PIN, ...ivr() })).toEqual({
      outcome: 'verified',
      subject,
    });
    expect(await s.service.verifyCaller({ loginType: 'cobrand_card', account: s.person.cobrand_card_no, pin: DEMO_PIN, ...ivr() })).toEqual({
      outcome: 'verified',
      subject,
    });
    expect(await s.service.verifyCaller({ loginType: 'employer_account', account: s.employerAccount, pin: DEMO_PIN, ...ivr() })).toEqual({
      outcome: 'verified',
      subject: { kind: 'employer', id: s.employerAccount },
    });
    // A fund account is not an employer account.
    expect((await s.service.verifyCaller({ loginType: 'employer_account', account: s.person.fund_account, pin: DEMO_PIN, ...ivr() })).outcome).toBe(
      'invalid_account',
    );
  });

  it('refuses an ID-card number with a wrong check digit as an invalid account', async () => {
    const id = s.person.id_card_no;
    const wrongCheck = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    expect(await s.service.verifyCaller({ loginType: 'id_card', account: wrongCheck, pin: DEMO_PIN, ...ivr() })).toEqual({ outcome: 'invalid_account' });
  });

  it('locks a person after 5 wrong PINs, across login types, until the next local day', async () => {
    const left: Array<number | undefined> = [];
    for (let i = 0; i < 5; i++) {
      const result = await s.service.verifyCaller({ loginType: 'fund_account', account: s.person.fund_account, pin: WRONG_PIN, ...ivr() });
      expect(result.outcome).toBe('failed');
      left.push(result.attemptsLeft);
    }
    expect(left).toEqual([4, 3, 2, 1, 0]);
    expect(await s.service.verifyCaller({ loginType: 'fund_account', account: s.person.fund_account, pin: DEMO_PIN, ...ivr() })).toEqual({
      outcome: 'locked',
      attemptsLeft: 0,
    });
    expect((await s.service.verifyCaller({ loginType: 'id_card', account: s.person.id_card_no, pin: DEMO_PIN, ...ivr() })).outcome).toBe('locked');

    s.clock.set(Date.parse('2025-06-11T15:59:59Z')); // 23:59:59 in Shanghai: still locked
    expect((await s.service.verifyCaller({ loginType: 'fund_account', account: s.person.fund_account, pin: DEMO_PIN, ...ivr() })).outcome).toBe('locked');
    s.clock.set(Date.parse('2025-06-11T16:00:01Z')); // 00:00:01 on the 12th in Shanghai, still the 11th in UTC
    expect((await s.service.verifyCaller({ loginType: 'fund_account', account: s.person.fund_account, pin: DEMO_PIN, ...ivr() })).outcome).toBe('verified');
  });

  it('starts counting again after a success', async () => {
    for (let i = 0; i < 4; i++) await s.service.verifyCaller({ loginType: 'fund_account', account: s.person.fund_account, pin: WRONG_PIN, ...ivr() });
    expect((await s.service.verifyCaller({ loginType: 'fund_account', account: s.person.fund_account, pin: DEMO_PIN, ...ivr() })).outcome).toBe('verified');
    expect(await s.service.verifyCaller({ loginType: 'fund_account', account: s.person.fund_account, pin: WRONG_PIN, ...ivr() })).toEqual({
      outcome: 'failed',
      attemptsLeft: 4,
    });
  });

  it('lets no more than 5 of many parallel wrong PINs through as failures', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        s.service.verifyCaller({ loginType: 'fund_account', account: s.person.fund_account, pin: WRONG_PIN, ...ivr(`call-${i}`) }),
      ),
    );
    expect(results.filter((r) => r.outcome === 'failed')).toHaveLength(5);
    expect(results.filter((r) => r.outcome === 'locked')).toHaveLength(3);
  });

  it('counts a PIN that is not six digits as a failure', async () => {
    expect(await s.service.verifyCaller({ loginType: 'fund_account', account: s.person.fund_account, pin: '12', ...ivr() })).toEqual({
      outcome: 'failed',
      attemptsLeft: 4,
    });
  });

  it('records every attempt with a masked account and never the PIN, and logs no digits of it', async () => {
    await s.service.verifyCaller({ loginType: 'id_card', account: s.person.id_card_no, pin: WRONG_PIN, channel: 'agent', callId: 'call-9' });
    await s.service.verifyCaller({ loginType: 'fund_account', account: s.person.fund_account, pin: DEMO_PIN, ...ivr() });
    await s.service.verifyCaller({ loginType: 'fund_account', account: '000000000000', pin: WRONG_PIN, ...ivr() });
    const rows = s.db.prepare('SELECT login_type, account_masked, result, channel, call_id FROM caller_verification_attempts ORDER BY id').all();
    expect(rows).toEqual([
      {
        login_type: 'id_card',
        account_masked: `${s.person.id_card_no.slice(0, 4)}**********${s.person.id_card_no.slice(-4)}`,
        result: 'failed',
        channel: 'agent',
        call_id: 'call-9',
      },
      {
        login_type: 'fund_account',
        account_masked: `${s.person.fund_account.slice(0, 4)}****${s.person.fund_account.slice(-4)}`,
        result: 'verified',
        channel: 'ivr',
        call_id: 'call-1',
      },
      { login_type: 'fund_account', account_masked: '0000****0000', result: 'invalid_account', channel: 'ivr', call_id: 'call-1' },
    ]);
    const everything =
      JSON.stringify(s.db.prepare('SELECT * FROM caller_verification_attempts').all()) + JSON.stringify(s.db.prepare('SELECT * FROM caller_pins').all());
    expect(everything).not.toContain(WRONG_PIN);
    expect(everything).not.toContain(DEMO_PIN);

    const output = s.logs.join('');
    expect(output).toContain('"event":"caller_verification"');
    expect(output).toContain('"outcome":"failed"');
    for (const secret of [WRONG_PIN, DEMO_PIN, s.person.id_card_no, s.person.fund_account]) expect(output).not.toContain(secret);
  });
});

describe('PINs outside the demo center', () => {
  it('answers no_pin (not a failure) until a PIN is set at an outlet, then checks it', async () => {
    const s = setup(false);
    const attempt = (pin: string) => s.service.verifyCaller({ loginType: 'fund_account', account: s.person.fund_account, pin, ...ivr() });
    expect(await attempt(DEMO_PIN)).toEqual({ outcome: 'no_pin' });
    expect(s.db.prepare('SELECT result FROM caller_verification_attempts').pluck().all()).toEqual(['no_pin']);
    await s.gateway.pins.set({ kind: 'person', id: s.person.fund_account }, '864209');
    expect((await attempt(DEMO_PIN)).outcome).toBe('failed');
    expect((await attempt('864209')).outcome).toBe('verified');
    expect(s.db.prepare('SELECT pin_hash FROM caller_pins').pluck().get()).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    closeDatabase(s.db);
  });
});

describe('grants', () => {
  it('binds a grant to a call where the subject was verified, and ends it at hang-up or after the TTL', async () => {
    const s = setup();
    const subject = { kind: 'person' as const, id: s.person.fund_account };
    expect(() => s.service.grantForCall('call-7', subject)).toThrow(/not verified/);
    await s.service.verifyCaller({ loginType: 'fund_account', account: s.person.fund_account, pin: DEMO_PIN, ...ivr('call-7') });
    expect(() => s.service.grantForCall('call-8', subject)).toThrow(/not verified/);
    const grant = s.service.grantForCall('call-7', subject);
    expect(grant.subjectRef).toMatch(/^cv_[\w-]{24}$/);
    expect(s.service.activeGrant(grant.subjectRef)).toEqual(grant);
    expect(s.service.revokeGrantsForCall('call-7')).toBe(1);
    expect(s.service.activeGrant(grant.subjectRef)).toBeUndefined();

    const second = s.service.grantForCall('call-7', subject);
    s.clock.advance(GRANT_TTL_MS);
    expect(s.service.activeGrant(second.subjectRef)).toBeUndefined();
    closeDatabase(s.db);
  });
});
