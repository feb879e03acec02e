import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { SERVER_MODULES } from '../modules.js';
import { SIPP_MISSING, sippSuite } from '../sip/sipp-test-kit.js';
import { runDtmfCaller } from './sipp-dtmf-test-kit.js';
import { SERVICES } from '../services.js';

/** The account the scenarios key (e2e/sipp/self-service-*.xml); given to a demo borrower below. */
const ACCOUNT = '100012329001';
/** Sunday 2026-03-01 20:00 in Shanghai, and moving: 人工 is closed, bookings start Monday 03-02. */
const SUNDAY_EVENING = Date.parse('2026-03-01T20:00:00+08:00');

interface CallRow {
  id: string;
  arrived_at: number;
  ivr_exit_at: number | null;
  hung_up_at: number | null;
  ended_at: number | null;
  hangup_side: string | null;
  end_reason: string | null;
  ivr_path: string;
  offered_to_agent: number;
}

describe.skipIf(SIPP_MISSING !== undefined)(sippSuite('self-service over the phone: SIPp callers with RFC 2833 keys'), () => {
  let server: TestServer;
  const offset = SUNDAY_EVENING - Date.now();
  const one = <T>(sql: string, ...p: unknown[]) => server.ctx.db.prepare(sql).get(...p) as T;
  const all = <T>(sql: string, ...p: unknown[]) => server.ctx.db.prepare(sql).all(...p) as T[];
  const lastCall = () => one<CallRow>('SELECT * FROM calls ORDER BY arrived_at DESC, rowid DESC LIMIT 1');
  const events = (callId: string) => all<{ kind: string; data: string | null }>('SELECT kind, data FROM call_events WHERE call_id = ? ORDER BY id', callId);
  const call = async (scenario: string) => {
    const before = one<{ n: number }>('SELECT count(*) AS n FROM calls').n;
    const run = await runDtmfCaller(scenario, server.sipUdpPort);
    expect(run.code, run.output + run.errors).toBe(0);
    // The server writes the end of the call just after the BYE; wait for it.
    await expect.poll(() => one<{ n: number }>('SELECT count(*) AS n FROM calls WHERE ended_at IS NOT NULL').n, { timeout: 5_000 }).toBe(before + 1);
  };
  /** A complete record of a self-service call the caller ended. */
  const expectComplete = (row: CallRow, side: 'caller' | 'system') => {
    expect(row).toMatchObject({ hangup_side: side, offered_to_agent: 0 });
    expect(row.hung_up_at).toBeGreaterThanOrEqual(row.arrived_at);
    expect(row.ended_at).toBeGreaterThanOrEqual(row.hung_up_at!);
  };

  beforeAll(async () => {
    server = await startTestServer(SERVER_MODULES, { clock: { now: () => Date.now() + offset } });
    const borrower = one<{ id: number }>(
      "SELECT p.id FROM pf_people p JOIN pf_loans l ON l.person_id = p.id WHERE p.status = '正常' AND l.progress = '放款' ORDER BY p.id LIMIT 1",
    );
    server.ctx.db.prepare('UPDATE pf_people SET fund_account = ? WHERE id = ?').run(ACCOUNT, borrower.id);
    server.ctx.db.prepare('DELETE FROM pf_sms_subscriptions WHERE person_id = ?').run(borrower.id);
  }, 60_000);
  afterAll(() => server?.stop());

  it('个人贷款: verified by account and PIN, the loan is read; hanging up mid-readout leaves a complete record', async () => {
    await call('self-service-query-loan.xml');
    const row = lastCall();
    expectComplete(row, 'caller');
    expect(JSON.parse(row.ivr_path)).toEqual(['业务查询', '个人贷款']);
    const ivr = events(row.id)
      .filter((e) => e.kind === 'ivr')
      .map((e) => JSON.parse(e.data!) as { nodeId: string; event: string; digit?: string });
    // verify finished; query-loan was still reading when the caller hung up (no outcome recorded).
    expect(ivr.filter((e) => e.event === 'action').map((e) => e.nodeId)).toEqual(['verify']);
    expect(ivr.at(-1)).toMatchObject({ nodeId: 'query-loan', event: 'enter' });
    expect(JSON.stringify(events(row.id))).not.toContain('123456');
    expect(
      one<{ n: number }>("SELECT count(*) AS n FROM caller_verification_attempts WHERE call_id = ? AND result = 'verified' AND channel = 'ivr'", row.id).n,
    ).toBe(1);
  }, 60_000);

  it('政策法规查询 贷款: the recorded summaries play, * goes back to the categories', async () => {
    await call('self-service-policy.xml');
    const row = lastCall();
    expectComplete(row, 'caller');
    expect(JSON.parse(row.ivr_path)).toEqual(['业务指南', '政策法规查询', '贷款']);
    expect(events(row.id).some((e) => e.kind === 'ivr' && JSON.parse(e.data!).nodeId === 'policy')).toBe(true);
  }, 60_000);

  it('贷款办理预约: one appointment stored on the next working day, the call record keeps its number', async () => {
    await call('self-service-book.xml');
    const row = lastCall();
    expectComplete(row, 'caller');
    expect(JSON.parse(row.ivr_path)).toEqual(['业务受理', '贷款办理预约']);
    const booked = all<{ confirmation_no: string; date: string; slot: string; type: string; code: string }>(
      'SELECT a.confirmation_no, a.date, a.slot, a.type, o.code FROM pf_appointments a JOIN pf_outlets o ON o.id = a.outlet_id JOIN pf_people p ON p.id = a.person_id WHERE p.fund_account = ?',
      ACCOUNT,
    );
    expect(booked).toEqual([
      { confirmation_no: expect.stringMatching(/^\d+$/), date: '2026-03-02', slot: '09:00-10:00', type: 'loan_application', code: 'WD11' },
    ]);
    const stored = events(row.id).find((e) => e.kind === 'self-service');
    expect(JSON.parse(stored!.data!)).toMatchObject({ action: 'book-appointment', confirmationNo: booked[0]!.confirmation_no });
    // Agents see it where the center's core system keeps appointments: the gateway.
    const gateway = server.ctx.services.require(SERVICES.gateway, 'test');
    expect((await gateway.listAppointments(ACCOUNT)).map((a) => a.confirmationNo)).toEqual([booked[0]!.confirmation_no]);
    await gateway.cancelAppointment(booked[0]!.confirmation_no);
  }, 60_000);

  it('20 callers at once book the same window: exactly its capacity is booked, every call is recorded', async () => {
    const calls = one<{ n: number }>('SELECT count(*) AS n FROM calls').n;
    const run = await runDtmfCaller('self-service-book.xml', server.sipUdpPort, ['-m', '20', '-l', '20', '-r', '20']);
    expect(run.code, run.output + run.errors).toBe(0);
    await expect.poll(() => one<{ n: number }>('SELECT count(*) AS n FROM calls WHERE ended_at IS NOT NULL').n, { timeout: 10_000 }).toBe(calls + 20);
    const capacity = one<{ c: number }>("SELECT slot_capacity AS c FROM pf_outlets WHERE code = 'WD11'").c;
    const booked = one<{ n: number }>(
      "SELECT count(*) AS n FROM pf_appointments a JOIN pf_outlets o ON o.id = a.outlet_id WHERE o.code = 'WD11' AND a.date = '2026-03-02' AND a.slot = '09:00-10:00' AND a.type = 'loan_application' AND a.status = 'booked'",
    ).n;
    expect(capacity).toBe(2);
    expect(booked).toBe(capacity);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM call_events WHERE kind = 'self-service' AND data LIKE '%book-appointment%'").n).toBe(1 + capacity);
  }, 120_000);

  it('短信订阅: 1 turns it on in the gateway', async () => {
    await call('self-service-sms.xml');
    const row = lastCall();
    expectComplete(row, 'caller');
    expect(JSON.parse(row.ivr_path)).toEqual(['业务受理', '短信订阅']);
    const gateway = server.ctx.services.require(SERVICES.gateway, 'test');
    expect(await gateway.getSmsSubscription(ACCOUNT)).toEqual({ fundAccount: ACCOUNT, enabled: true });
  }, 60_000);

  it('after hours: 0 → closed, 1 → a callback number becomes an inquiry work order; the IVR hangs up', async () => {
    await call('self-service-callback.xml');
    const row = lastCall();
    expectComplete(row, 'system');
    expect(row.end_reason).toBe('ivr_hangup');
    expect(JSON.parse(row.ivr_path)).toEqual(['非工作时间', '留言回电']);
    const order = one<{ category: string; callback_number: string; caller_number: string; call_id: string }>(
      'SELECT category, callback_number, caller_number, call_id FROM work_orders ORDER BY id DESC LIMIT 1',
    );
    expect(order).toEqual({ category: 'inquiry', callback_number: '13900001111', caller_number: '13800138000', call_id: row.id });
  }, 60_000);

  it('every self-service call counts in callTotal', () => {
    const n = one<{ n: number }>("SELECT count(*) AS n FROM calls WHERE direction = 'inbound'").n;
    expect(n).toBe(25);
  });
});
