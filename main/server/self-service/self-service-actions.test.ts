import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAmount, readDate, readDigits } from '../../../shared/number-reading/number-reading.js';
import type { PersonalLoan } from '../../../shared/api/gateway.js';
import { POLICY_PROMPTS } from './recorded-prompts.js';
import { employerPrompts, loanPrompts, yuan } from './account-actions.js';
import { BEFORE_MAY_DAY, startKit, type Kit } from './self-service-test-kit.js';
import { SERVICES } from '../services.js';

const PIN = '123456';
const MONDAY_20 = Date.parse('2026-03-02T20:00:00+08:00');
let kit: Kit;
let person: { fund_account: string; balance_fen: number; monthly_deposit_fen: number };
let borrower: string;
let employer: string;
const gateway = () => kit.server.ctx.services.require(SERVICES.gateway, 'test');

/** Main menu 2 (业务查询), login type, account + #, PIN. */
const login = (type: string, account: string, pin = PIN) => ['2', type, `${account}#`, pin];
/** Contains the run of prompts in this order, back to back. */
const hasRun = (played: string[], run: string[]) => played.join(' ').includes(run.join(' '));

beforeAll(async () => {
  kit = await startKit();
  person = kit.one("SELECT fund_account, balance_fen, monthly_deposit_fen FROM pf_people WHERE status = '正常' AND balance_fen % 100 <> 0 ORDER BY id LIMIT 1");
  borrower = kit.one<{ f: string }>(
    "SELECT p.fund_account AS f FROM pf_loans l JOIN pf_people p ON p.id = l.person_id WHERE l.progress = '放款' AND l.term_months % 12 = 0 ORDER BY l.id LIMIT 1",
  ).f;
  employer = kit.one<{ e: string }>('SELECT employer_account AS e FROM pf_employers WHERE arrears_months > 0 ORDER BY id LIMIT 1').e;
});
afterAll(() => kit.server.stop());

describe('verify-caller', () => {
  it('a wrong PIN fails and asks again; the right one verifies; no digits are logged or stored', async () => {
    const { channel, steps, callId } = await kit.call([...login('1', person.fund_account, '654321'), `${person.fund_account}#`, PIN, 'hangup']);
    expect(channel.prompts).toEqual([
      'welcome',
      'menu-main',
      'verify-login-type',
      'verify-account',
      'verify-pin',
      'verify-failed',
      'verify-account',
      'verify-pin',
      'verify-ok',
      'menu-query',
    ]);
    expect(steps.filter((s) => s.event === 'action').map((s) => s.detail)).toEqual(['failed', 'verified']);
    // The verification service keeps the subject it verified (its design); the PIN goes nowhere.
    const attempts = JSON.stringify(kit.all('SELECT * FROM caller_verification_attempts'));
    expect(attempts).toContain('"result":"failed"');
    expect(attempts).not.toContain('654321');
    const callTrace = JSON.stringify([kit.all('SELECT * FROM call_events WHERE call_id = ?', callId), kit.server.logs, steps]);
    expect(callTrace).not.toContain('654321');
    expect(callTrace).not.toContain(person.fund_account);
  });

  it('three wrong PINs on one call: too many errors, back to the main menu', async () => {
    const other = kit.one<{ f: string }>("SELECT fund_account AS f FROM pf_people WHERE status = '正常' ORDER BY id DESC LIMIT 1").f;
    const { channel } = await kit.call([...login('1', other, '000000'), `${other}#`, '000001', `${other}#`, '000002', 'hangup']);
    expect(channel.prompts.slice(-3)).toEqual(['verify-pin', 'too-many-errors', 'menu-main']);
  });

  it('a login locked for the day (5 failures) hears the lock message', async () => {
    const locked = kit.one<{ f: string }>("SELECT fund_account AS f FROM pf_people WHERE status = '正常' ORDER BY id DESC LIMIT 1 OFFSET 1").f;
    const verification = kit.server.ctx.services.require(SERVICES.verification, 'test');
    for (let i = 0; i < 5; i++)
      await verification.verifyCaller({ loginType: 'fund_account', account: locked, pin: '999999', channel: 'agent', callId: 'setup' });
    const { channel, steps } = await kit.call([...login('1', locked), 'hangup']);
    expect(channel.prompts.slice(-3)).toEqual(['verify-pin', 'verify-locked', 'menu-main']);
    expect(steps.find((s) => s.event === 'action')?.detail).toBe('locked');
  });
});

describe('queries', () => {
  it('个人账户: 您的账户余额为 … 元 … 角 … 分, 月缴存额; # replays it, * goes back', async () => {
    const { channel } = await kit.call([...login('1', person.fund_account), '1', '#', '*', 'hangup']);
    const info = ['balance-is', ...readAmount(yuan(person.balance_fen)), 'monthly-deposit-is', ...readAmount(yuan(person.monthly_deposit_fen))];
    expect(info).toContain('unit-fen');
    expect(channel.prompts.join(' ').split(info.join(' ')).length - 1).toBe(2);
    expect(channel.prompts.slice(-2)).toEqual(['menu-after-query', 'menu-query']);
  });

  it('个人贷款 by ID-card login: balance, term in years, repayment, next due date, progress; 0 → 人工', async () => {
    const idCard = kit.one<{ i: string }>('SELECT id_card_no AS i FROM pf_people WHERE fund_account = ?', borrower).i;
    const { channel, result } = await kit.call([...login('2', idCard.replace('X', '*'), PIN), '2', '0']);
    const loan = (await gateway().listLoans(borrower))[0] as PersonalLoan;
    expect(hasRun(channel.prompts, loanPrompts(loan))).toBe(true);
    expect(loanPrompts(loan)).toEqual(
      expect.arrayContaining(['loan-term-is', 'unit-year', 'next-due-is', 'progress-disbursed', ...readDate(loan.nextDueDate!)]),
    );
    expect(result).toMatchObject({ exit: 'queue', path: ['业务查询', '个人贷款', '人工'] });
  });

  it('单位账户 with the employer login; a person login is told to use it', async () => {
    const { channel } = await kit.call([...login('4', employer), '3', '*', '1', 'hangup']);
    const found = await gateway().findEmployer(employer);
    expect(hasRun(channel.prompts, employerPrompts(found!))).toBe(true);
    expect(employerPrompts(found!)).toContain('employer-arrears-is');
    expect(channel.prompts.slice(-2)).toEqual(['need-person-login', 'menu-query']);
  });
});

describe('业务指南', () => {
  it('贷款 policies read from their recorded summaries', async () => {
    const { channel } = await kit.call(['1', '1', '3', '*', 'hangup']);
    const expected = (await gateway().listPolicies('贷款')).map((p) => POLICY_PROMPTS[p.title]!);
    expect([...expected].sort()).toEqual(['policy-loan-conditions', 'policy-loan-prepay', 'policy-loan-rate']);
    expect(hasRun(channel.prompts, ['menu-policy-category', ...expected, 'menu-after-query', 'menu-policy-category'])).toBe(true);
  });

  it('outlets by district: 萧山区 → address, hours and the phone digit by digit', async () => {
    const { channel } = await kit.call(['1', '2', '5#', '*', 'hangup']);
    expect(channel.prompts).toContain('district-jiande');
    expect(
      hasRun(channel.prompts, [
        'outlet-address-wd05',
        'outlet-hours',
        'outlet-phone-is',
        ...readDigits('057187000105', { phoneStyle: true }),
        'menu-after-query',
      ]),
    ).toBe(true);
  });
});

describe('业务受理', () => {
  it('a booking verifies first, offers working days only (no 劳动节, the 调休 Saturday), books and reads the number', async () => {
    const { channel, callId, result } = await kit.call(['3', '1', '1', `${person.fund_account}#`, PIN, '9#', '4', '1', '*', 'hangup']);
    const rows = kit.all<{ confirmation_no: string; date: string; slot: string; type: string }>(
      'SELECT a.confirmation_no, a.date, a.slot, a.type FROM pf_appointments a JOIN pf_people p ON p.id = a.person_id WHERE p.fund_account = ?',
      person.fund_account,
    );
    expect(rows).toEqual([{ confirmation_no: expect.any(String), date: '2026-05-09', slot: '09:00-10:00', type: 'loan_application' }]);
    const dates = ['2026-05-06', '2026-05-07', '2026-05-08', '2026-05-09', '2026-05-11'];
    expect(hasRun(channel.prompts, ['choose-date', ...dates.flatMap((d, i) => [...readDate(d), 'press', ...readDigits(String(i + 1))])])).toBe(true);
    expect(hasRun(channel.prompts, ['booking-ok', ...readDate('2026-05-09'), 'slot-0900', 'booking-number-is', ...readDigits(rows[0]!.confirmation_no)])).toBe(
      true,
    );
    expect(result.path).toEqual(['业务受理', '贷款办理预约']);
    const event = kit.one<{ data: string }>("SELECT data FROM call_events WHERE call_id = ? AND kind = 'self-service'", callId);
    expect(JSON.parse(event.data)).toMatchObject({ action: 'book-appointment', confirmationNo: rows[0]!.confirmation_no, outletCode: 'WD09' });
    expect(kit.sms.sent.at(-1)).toMatchObject({ template: 'appointment-booked', fundAccount: person.fund_account });
  });

  it('a full window is read as 已约满 and refused; the caller chooses again', async () => {
    const fundAccounts = kit.all<{ f: string }>("SELECT fund_account AS f FROM pf_people WHERE status = '正常' ORDER BY id LIMIT 3 OFFSET 5");
    for (const { f } of fundAccounts)
      await gateway().bookAppointment({ fundAccount: f, outletCode: 'WD09', type: 'withdrawal', date: '2026-05-06', slot: '09:00-10:00' });
    kit.clock.set(BEFORE_MAY_DAY);
    const { channel } = await kit.call(['3', '3', '1', `${person.fund_account}#`, PIN, '9#', '1', '1', '2', 'hangup']);
    expect(hasRun(channel.prompts, ['choose-slot', 'slot-0900', 'slot-full-mark', 'press', 'num-1', 'slot-1000', 'press'])).toBe(true);
    expect(channel.prompts).toContain('slot-full');
    const n = kit.one<{ n: number }>(
      "SELECT count(*) AS n FROM pf_appointments a JOIN pf_outlets o ON o.id = a.outlet_id WHERE o.code = 'WD09' AND a.type = 'withdrawal' AND a.date = '2026-05-06' AND a.slot = '09:00-10:00'",
    ).n;
    expect(n).toBe(3);
  });

  it('短信订阅: the state is read, 1 or 2 changes it and a text is sent', async () => {
    const before = (await gateway().getSmsSubscription(person.fund_account))?.enabled ?? false;
    const sent = kit.sms.sent.length;
    const { channel } = await kit.call(['3', '4', '1', `${person.fund_account}#`, PIN, before ? '2' : '1', 'hangup']);
    expect(channel.prompts).toContain(before ? 'sms-status-on' : 'sms-status-off');
    expect(channel.prompts).toContain(before ? 'sms-unsubscribed' : 'sms-subscribed');
    expect((await gateway().getSmsSubscription(person.fund_account))?.enabled).toBe(!before);
    expect(kit.sms.sent.length).toBe(sent + 1);
  });
});

describe('after hours and the survey', () => {
  it('0 after hours: closed message, 1 leaves a callback number, which becomes an inquiry work order', async () => {
    const { channel, result, callId } = await kit.call(['0', '1', '13900001111#'], { at: MONDAY_20 });
    expect(channel.prompts).toEqual(['welcome', 'menu-main', 'agent-closed', 'callback-offer', 'callback-number', 'callback-ok', 'goodbye']);
    expect(result.exit).toBe('hangup');
    const order = kit.one<{ category: string; callback_number: string; call_id: string; state: string; created_by: number }>(
      'SELECT * FROM work_orders ORDER BY id DESC LIMIT 1',
    );
    expect(order).toMatchObject({ category: 'inquiry', callback_number: '13900001111', call_id: callId, state: 'pending_approval' });
    const creator = kit.one<{ work_number: string; active: number }>('SELECT work_number, active FROM users WHERE id = ?', order.created_by);
    expect(creator).toEqual({ work_number: 'ivr', active: 0 });
  });

  it('the survey entry stores the answer on the call record', async () => {
    const { callId } = await kit.call(['2'], { entry: 'survey' });
    expect(kit.one<{ survey_result: number }>('SELECT survey_result FROM calls WHERE id = ?', callId).survey_result).toBe(2);
  });
});
