// A department's extension as a transfer target: the admin gives the department a phone (checked
// against the dial plan), the agent hands a SIPp caller to it, and the server rings it through the
// center's trunk (a SIPp UAS). Refusals come before anything changes; a busy department returns
// the caller to the agent with the reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { waitFor } from '../media/media-test-kit.js';
import { SERVER_MODULES } from '../modules.js';
import type { ServerEvent } from '../../../shared/api/events/index.js';
import { SIPP_MISSING, freeUdpPort, runSipp, sippSuite, startSippUas } from '../sip/sipp-test-kit.js';
import { DeskPhone } from './desk-phone-test-kit.js';

type Row = Record<string, number | string | null>;

describe.skipIf(SIPP_MISSING !== undefined)(sippSuite("transfer to a department's extension through the trunk"), () => {
  let server: TestServer;
  let phone: DeskPhone;
  let trunkPort: number;
  let loanId: number;
  const tokens: Record<string, string> = {};
  const published: ServerEvent[] = [];
  const closers: Array<() => void> = [];
  const call = (method: string, path: string, who: string, body?: unknown) => server.call(method, path, tokens[who], body);
  const callerRun = (ms: number) => runSipp('caller-to-agent.xml', server.sipUdpPort, ['-d', String(ms), '-rtp_echo', '-timeout', '60s'], 70_000);
  const agentState = async () =>
    ((await call('GET', '/api/v1/acd/agents', '2001')).body.agents as Array<{ workNumber: string; state: string }>).find((a) => a.workNumber === '1001')!.state;
  const closed = (id: string) =>
    waitFor(() => (server.db.prepare('SELECT ended_at FROM calls WHERE id = ?').pluck().get(id) as number | null) !== null, 15_000, `call ${id} to close`);

  beforeAll(async () => {
    trunkPort = await freeUdpPort();
    process.env.AGENT_DESK_ADMIN_PASSWORD = 'admin-secret-1';
    try {
      server = await startTestServer(SERVER_MODULES, {
        config: { serviceHours: 'always', trunk: `sip:127.0.0.1:${trunkPort}`, ringTimeoutSeconds: 5, acwLimitSeconds: 5 },
      });
    } finally {
      delete process.env.AGENT_DESK_ADMIN_PASSWORD;
    }
    server.ctx.events.subscribe((e) => published.push(e));
    for (const n of ['1001', '2001']) tokens[n] = await server.login(n);
    tokens.admin = await server.login('9001', 'admin-secret-1');
    phone = await DeskPhone.register(server, '1001');
    closers.push(() => phone.close());
    const departments = (await call('GET', '/api/v1/departments', 'admin')).body.departments as Array<{ id: number; name: string; phone: string | null }>;
    loanId = departments.find((d) => d.name === '贷款科')!.id;
  }, 60_000);

  afterAll(async () => {
    for (const close of closers.splice(0)) close();
    await server?.stop();
  });

  it('the admin sets an extension the dial plan allows; others are refused with the reason', async () => {
    const refused = await call('PATCH', `/api/v1/departments/${loanId}`, 'admin', { phone: '01088001234' }); // another city: not in mobile,local
    expect([refused.status, refused.body.code]).toEqual([400, 'phone_not_in_dial_plan']);
    expect((await call('PATCH', `/api/v1/departments/${loanId}`, 'admin', { phone: '12-34' })).status).toBe(400);
    expect((await call('GET', '/api/v1/departments', '1001')).body.departments.find((d: { id: number }) => d.id === loanId).phone).toBeNull();
  });

  it('refused before anything changes without an extension; blind to the department: the agent leaves, talk ends with them, the caller hangs up', async () => {
    expect((await call('POST', '/api/v1/acd/agents/me/state', '1001', { state: 'ready' })).status).toBe(200);
    const run = callerRun(11_000);
    const a = await phone.answer(await phone.ringing(), 300);
    const none = await call('POST', `/api/v1/calls/${a.callId}/transfer`, '1001', { target: 'department', departmentId: loanId, mode: 'blind' });
    expect([none.status, none.body.code]).toEqual([409, 'department_no_phone']);
    expect((await call('POST', `/api/v1/calls/${a.callId}/transfer`, '1001', { target: 'department', departmentId: 9999, mode: 'blind' })).status).toBe(404);
    expect(await agentState()).toBe('talking');

    expect((await call('PATCH', `/api/v1/departments/${loanId}`, 'admin', { phone: '13900000000' })).body.phone).toBe('13900000000');
    const trunk = startSippUas('trunk-answer.xml', trunkPort, ['-rtp_echo']);
    closers.push(() => trunk.kill());
    const t = await call('POST', `/api/v1/calls/${a.callId}/transfer`, '1001', { target: 'department', departmentId: loanId, mode: 'blind' });
    expect([t.status, t.body]).toEqual([200, { stage: 'ringing' }]);
    await a.ended; // released as the department answers
    await waitFor(
      () => published.some((e) => e.type === 'call.transfer' && e.callId === a.callId && e.stage === 'completed' && e.department?.departmentId === loanId),
      5000,
      'the completed transfer',
    );
    expect(await agentState()).toBe('after_call_work');
    const sipp = await run;
    expect(sipp.code, sipp.stdout + sipp.errors).toBe(0);
    const uas = await trunk.done;
    expect(uas.code, uas.stdout + uas.errors).toBe(0); // the department got the BYE when the caller hung up
    await closed(a.callId);

    const row = server.db.prepare('SELECT * FROM calls WHERE id = ?').get(a.callId) as Row;
    expect(row).toMatchObject({
      hangup_side: 'caller',
      end_reason: 'caller_hangup',
      agent_id: server.db.prepare("SELECT id FROM users WHERE work_number = '1001'").pluck().get() as number,
    });
    const turns = server.db.prepare('SELECT kind, end_reason, ended_at FROM call_agent_turns WHERE call_id = ?').all(a.callId) as Row[];
    expect(turns.map((x) => [x.kind, x.end_reason])).toEqual([['answer', 'transferred']]);
    // Talk is the agents': it ended as the agent left, not when the caller hung up on the department.
    expect(Math.abs((row.talk_ended_at as number) - (turns[0]!.ended_at as number))).toBeLessThan(100);
    expect(row.hung_up_at as number).toBeGreaterThan((row.talk_ended_at as number) + 3000);
    expect(server.db.prepare("SELECT kind FROM call_events WHERE call_id = ? AND kind LIKE 'department%' ORDER BY id").pluck().all(a.callId)).toEqual([
      'department_ring',
      'department_joined',
      'department_left',
    ]);
    expect(server.db.prepare('SELECT COUNT(*) FROM call_ring_attempts WHERE call_id = ?').pluck().get(a.callId)).toBe(1); // the agent's ring only
  }, 60_000);

  it('a busy department returns the caller to the agent with the reason', async () => {
    await waitFor(() => published.some((e) => e.type === 'acd.agent_state' && e.workNumber === '1001' && e.state === 'ready'), 15_000, 'the agent out of ACW');
    const run = callerRun(8000);
    const a = await phone.answer(await phone.ringing(), 300);
    const trunk = startSippUas('trunk-busy.xml', trunkPort);
    closers.push(() => trunk.kill());
    expect((await call('POST', `/api/v1/calls/${a.callId}/transfer`, '1001', { target: 'department', departmentId: loanId, mode: 'consult' })).status).toBe(
      200,
    );
    await waitFor(
      () => published.some((e) => e.type === 'call.transfer' && e.callId === a.callId && e.stage === 'failed' && e.reason === 'rejected'),
      8000,
      'the failed transfer',
    );
    expect(await agentState()).toBe('talking');
    expect((await trunk.done).code).toBe(0);
    const sipp = await run;
    expect(sipp.code, sipp.stdout + sipp.errors).toBe(0);
    await a.ended;
    await closed(a.callId);
    expect(server.db.prepare('SELECT hangup_side, end_reason FROM calls WHERE id = ?').get(a.callId)).toEqual({
      hangup_side: 'caller',
      end_reason: 'caller_hangup',
    });
  }, 60_000);
});
