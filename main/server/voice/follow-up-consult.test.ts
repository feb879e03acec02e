// A follow-up call (回访) is consulted, conferenced and handed over exactly like an inbound call,
// through the same routes: the agent's desk over WebSocket, the citizen a SIPp trunk that echoes
// audio, the colleague a desk phone over UDP. Real SIP and RTP everywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { RtpFarEnd, waitFor } from '../media/media-test-kit.js';
import { SERVER_MODULES } from '../modules.js';
import type { ServerEvent } from '../../../shared/api/events/index.js';
import { SIPP_MISSING, freeUdpPort, sippSuite, startSippUas } from '../sip/sipp-test-kit.js';
import { DeskPhone } from './desk-phone-test-kit.js';
import { AgentPhone, CALLEE, rtpOffer } from './follow-up-test-kit.js';

type Row = Record<string, number | string | null>;

describe.skipIf(SIPP_MISSING !== undefined)(sippSuite('follow-up calls: consult, conference and transfer to a colleague (SIPp trunk, desk phones)'), () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const published: ServerEvent[] = [];
  const closers: Array<() => void> = [];
  let colleague: DeskPhone;

  const call = (method: string, path: string, workNumber: string, body?: unknown) => server.call(method, path, tokens[workNumber], body);
  const state = async (workNumber: string) =>
    ((await call('GET', '/api/v1/acd/agents', '2001')).body.agents as Array<{ workNumber: string; state: string; reason: string | null }>).find(
      (a) => a.workNumber === workNumber,
    )!;
  const userId = (workNumber: string) => server.db.prepare('SELECT id FROM users WHERE work_number = ?').pluck().get(workNumber) as number;
  const transferStage = (callId: string, stage: string) =>
    waitFor(() => published.some((e) => e.type === 'call.transfer' && e.callId === callId && e.stage === stage), 8000, `the transfer to reach ${stage}`);

  let trunkPort: number;
  beforeAll(async () => {
    trunkPort = await freeUdpPort();
    server = await startTestServer(SERVER_MODULES, {
      config: { serviceHours: 'always', trunk: `sip:127.0.0.1:${trunkPort}`, ringTimeoutSeconds: 5, acwLimitSeconds: 5 },
    });
    server.ctx.events.subscribe((e) => published.push(e));
    for (const n of ['1001', '1002', '2001']) tokens[n] = await server.login(n);
    colleague = await DeskPhone.register(server, '1002');
    closers.push(() => colleague.close());
  }, 60_000);

  afterAll(async () => {
    for (const close of closers.splice(0)) close();
    await server?.stop();
  });

  /** The agent places a follow-up call that the SIPp trunk answers; returns the call record's id. */
  async function placeCall(scenario: string): Promise<{ callId: string; phone: AgentPhone; media: RtpFarEnd; trunk: ReturnType<typeof startSippUas> }> {
    const trunk = startSippUas(scenario, trunkPort, ['-rtp_echo']);
    closers.push(() => trunk.kill());
    const phone = await AgentPhone.open(server);
    const media = await RtpFarEnd.open();
    closers.push(
      () => phone.peer.close(),
      () => media.close(),
    );
    const ok = await phone.invite(CALLEE, rtpOffer(media.port));
    expect(ok.status).toBe(200);
    media.sendTo(ok.body);
    return { callId: ok.headers.get('X-12329-Call-Id')!, phone, media, trunk };
  }

  it('consult → conference → the agent leaves → the colleague finishes: one record, two turns, two ACW periods', async () => {
    expect((await call('POST', '/api/v1/acd/agents/me/state', '1001', { state: 'not_ready', reason: '会议' })).status).toBe(200);
    expect((await call('POST', '/api/v1/acd/agents/me/state', '1002', { state: 'ready' })).status).toBe(200);
    const { callId, phone, media, trunk } = await placeCall('trunk-answer.xml');
    await media.sendTone('PCMU', 0, 500);

    // The same route as for inbound calls: the citizen holds (music) while the colleague rings.
    const t = await call('POST', `/api/v1/calls/${callId}/transfer`, '1001', { target: 'agent', workNumber: '1002', mode: 'consult' });
    expect(t.status, JSON.stringify(t.body)).toBe(200);
    expect(t.body).toEqual({ stage: 'ringing' });
    const ring = await colleague.ringing();
    expect(ring.headers.get('X-12329-Call-Id')).toBe(callId);
    expect(decodeURIComponent(ring.headers.get('X-12329-Ivr-Path') ?? '')).toBe('回访');
    const b = await colleague.answer(ring, 300);
    await transferStage(callId, 'consulting');
    let before = media.received.length;
    await colleague.rtp.sendTone('PCMU', 0, 800);
    expect(media.received.length - before, 'the agent hears the colleague while the citizen holds').toBeGreaterThan(20);

    expect((await call('POST', `/api/v1/calls/${callId}/consult`, '1001', { action: 'conference' })).body).toEqual({ phase: 'conference' });
    await transferStage(callId, 'conference');
    before = media.received.length;
    await colleague.rtp.sendTone('PCMU', 0, 1200);
    expect(media.received.length - before, 'the agent hears the conference through the mixer').toBeGreaterThan(30);
    const heardBefore = colleague.rtp.received.length;
    await media.sendTone('PCMU', 0, 800);
    expect(colleague.rtp.received.length - heardBefore, 'the colleague hears the conference').toBeGreaterThan(20);

    // The agent who placed the call leaves: the colleague stays with the citizen, then hangs up.
    expect((await phone.bye()).status).toBe(200);
    await until(async () => (await state('1001')).state === 'after_call_work', 5000, 'the first agent in ACW');
    expect((await state('1002')).state).toBe('talking');
    await new Promise((r) => setTimeout(r, 1000));
    await b.bye();
    const sipp = await trunk.done;
    expect(sipp.code, sipp.stdout + sipp.errors).toBe(0); // the trunk got its BYE
    await waitFor(
      () => (server.db.prepare('SELECT ended_at FROM calls WHERE id = ?').pluck().get(callId) as number | null) !== null,
      5000,
      'the record to close',
    );

    const row = server.db.prepare('SELECT * FROM calls WHERE id = ?').get(callId) as Row;
    expect(row).toMatchObject({
      direction: 'outbound',
      caller: '1001',
      callee: CALLEE,
      hangup_side: 'agent',
      end_reason: 'agent_hangup',
      agent_id: userId('1002'),
    });
    const turns = server.db
      .prepare('SELECT agent_id, kind, end_reason, ended_at, acw_started_at FROM call_agent_turns WHERE call_id = ? ORDER BY id')
      .all(callId) as Row[];
    expect(turns.map((x) => [x.agent_id, x.kind, x.end_reason])).toEqual([
      [userId('1001'), 'outbound', 'agent_hangup'],
      [userId('1002'), 'consult', 'agent_hangup'],
    ]);
    // Talk ends with the last agent's talk; each agent's after-call work is one period.
    expect(Math.abs((row.talk_ended_at as number) - Math.max(...turns.map((x) => x.ended_at as number)))).toBeLessThan(100);
    expect(turns.every((x) => x.acw_started_at !== null)).toBe(true);
    expect(server.db.prepare("SELECT COUNT(*) FROM call_events WHERE call_id = ? AND kind IN ('conference', 'recording_segment')").pluck().get(callId)).toBe(3);
    await waitFor(() => (server.db.prepare('SELECT acw_count FROM calls WHERE id = ?').pluck().get(callId) as number) === 2, 10_000, 'both ACW periods to end');
    // Each agent is back where they were: the caller in the 示忙 they dialled from, the colleague 就绪.
    await until(async () => (await state('1001')).state === 'not_ready' && (await state('1002')).state === 'ready', 10_000, 'both agents out of ACW');
    expect((await state('1001')).reason).toBe('会议');
    // Outbound calls stay out of the inbound indicators.
    expect((await call('GET', '/api/v1/metrics?period=day', '2001')).body.raw.callTotal).toBe(0);
  }, 60_000);

  it('a colleague who declines returns the citizen to the agent; a blind transfer then hands the call over', async () => {
    expect((await call('POST', '/api/v1/acd/agents/me/state', '1001', { state: 'ready' })).status).toBe(200);
    const { callId, phone, trunk } = await placeCall('trunk-answer.xml');
    expect((await call('POST', `/api/v1/calls/${callId}/transfer`, '1001', { target: 'ivr' })).body.code).toBe('not_inbound');
    expect((await call('POST', '/api/v1/acd/agents/me/state', '1002', { state: 'not_ready', reason: '会议' })).status).toBe(200);
    const refused = await call('POST', `/api/v1/calls/${callId}/transfer`, '1001', { target: 'agent', workNumber: '1002', mode: 'blind' });
    expect([refused.status, refused.body.code]).toEqual([409, 'colleague_not_ready']);
    expect((await call('POST', '/api/v1/acd/agents/me/state', '1002', { state: 'ready' })).status).toBe(200);

    expect((await call('POST', `/api/v1/calls/${callId}/transfer`, '1001', { target: 'agent', workNumber: '1002', mode: 'consult' })).status).toBe(200);
    colleague.decline(await colleague.ringing());
    await waitFor(
      () => published.some((e) => e.type === 'call.transfer' && e.callId === callId && e.stage === 'failed' && e.reason === 'rejected'),
      5000,
      'the failed transfer',
    );
    expect((await state('1001')).state).toBe('talking');

    expect((await call('POST', `/api/v1/calls/${callId}/transfer`, '1001', { target: 'agent', workNumber: '1002', mode: 'blind' })).status).toBe(200);
    const b = await colleague.answer(await colleague.ringing(), 300);
    phone.ok(await phone.peer.request('BYE', 5000)); // the agent is released as the colleague answers
    await transferStage(callId, 'completed');
    // Only the agent who has the call now may act on it.
    expect((await call('POST', `/api/v1/calls/${callId}/survey`, '1001')).body.code).toBe('not_your_call');
    await b.bye();
    expect((await trunk.done).code).toBe(0);
    await waitFor(
      () => (server.db.prepare('SELECT ended_at FROM calls WHERE id = ?').pluck().get(callId) as number | null) !== null,
      5000,
      'the record to close',
    );
    expect(server.db.prepare('SELECT kind, end_reason FROM call_agent_turns WHERE call_id = ? ORDER BY id').all(callId)).toEqual([
      { kind: 'outbound', end_reason: 'transferred' },
      { kind: 'transfer', end_reason: 'agent_hangup' },
    ]);
    expect(server.db.prepare('SELECT outcome FROM call_ring_attempts WHERE call_id = ? ORDER BY id').pluck().all(callId)).toEqual(['rejected', 'answered']);
  }, 60_000);
});

/** Polls an async condition (waitFor takes sync ones). */
async function until(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
