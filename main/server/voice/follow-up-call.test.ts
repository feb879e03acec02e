import { readFileSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { RtpFarEnd, waitFor } from '../media/media-test-kit.js';
import { SERVER_MODULES } from '../modules.js';
import type { ServerEvent } from '../../../shared/api/events/index.js';
import { SIPP_MISSING, freeUdpPort, sippSuite, startSippUas } from '../sip/sipp-test-kit.js';
import { AgentPhone, CALLEE, rtpOffer } from './follow-up-test-kit.js';

describe.skipIf(SIPP_MISSING !== undefined)(sippSuite('follow-up calls (回访): an agent calls a citizen through the trunk (SIPp UAS)'), () => {
  let server: TestServer | undefined;
  const closers: Array<() => void> = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) close();
    await server?.stop();
    server = undefined;
  });

  /** SIPp as the carrier's trunk on `port` (a fresh one unless given), killed after the test. */
  async function trunkOn(scenario: string, args: string[] = [], port?: number) {
    const trunkPort = port ?? (await freeUdpPort());
    const trunk = startSippUas(scenario, trunkPort, args);
    closers.push(() => trunk.kill());
    return { trunkPort, trunk };
  }

  async function start(trunkPort: number | undefined, extra: Record<string, string> = {}) {
    server = await startTestServer(SERVER_MODULES, {
      config: { serviceHours: 'always', outboundRingSeconds: 5, ...(trunkPort ? { trunk: `sip:127.0.0.1:${trunkPort}` } : {}), ...extra },
    });
    const token = await server.login('1001');
    const phone = await AgentPhone.open(server);
    const media = await RtpFarEnd.open();
    closers.push(
      () => phone.peer.close(),
      () => media.close(),
    );
    const agentState = async () =>
      ((await server!.call('GET', '/api/v1/acd/agents', token)).body.agents as Array<{ workNumber: string; state: string; reason: string | null }>).find(
        (a) => a.workNumber === '1001',
      )!;
    return {
      server,
      token,
      phone,
      media,
      agentState,
      signIn: (state = 'ready', reason?: string) => server!.call('POST', '/api/v1/acd/agents/me/state', token, { state, ...(reason ? { reason } : {}) }),
    };
  }

  /** The newest follow-up call. */
  const callRow = (s: TestServer) =>
    s.db.prepare("SELECT * FROM calls WHERE direction = 'outbound' ORDER BY rowid DESC LIMIT 1").get() as Record<string, unknown>;

  it('connects the agent to the citizen, carries audio both ways, records it as outbound on the work order', async () => {
    const { trunkPort, trunk } = await trunkOn('trunk-answer.xml', ['-rtp_echo']);
    const { server: s, token, phone, media, agentState, signIn } = await start(trunkPort);
    s.db
      .prepare(
        "INSERT INTO work_orders (id, center_code, category, created_at, title, description, state, callback_number, updated_at) VALUES (7, '330100', 'complaint', 0, '投诉', '…', 'resolved', ?, 0)",
      )
      .run(CALLEE);
    expect((await signIn()).status).toBe(200);

    const ok = await phone.invite(CALLEE, rtpOffer(media.port), ['X-12329-Work-Order-Id: 7']);
    expect(ok.status).toBe(200);
    expect((await agentState()).state).toBe('talking');
    media.sendTo(ok.body);
    // The trunk echoes what it hears: the agent's tone comes back through both legs and the bridge.
    await media.sendTone('PCMU', 0, 1500);
    await waitFor(() => media.received.filter((p) => p.payloadType === 0).length > 30, 5000, 'echoed audio from the trunk');

    expect((await phone.bye()).status).toBe(200);
    const sipp = await trunk.done;
    expect(sipp.code, sipp.stdout + sipp.errors).toBe(0);
    await waitFor(() => callRow(s).ended_at !== null, 5000, 'the call record to close');
    const row = callRow(s);
    expect(row).toMatchObject({
      caller: '1001',
      callee: CALLEE,
      transport: 'ws',
      work_order_id: 7,
      hangup_side: 'agent',
      end_reason: 'agent_hangup',
      offered_to_agent: 0,
    });
    expect(row.answered_at).toEqual(expect.any(Number));
    expect(s.db.prepare('SELECT kind, acw_started_at AS acw FROM call_agent_turns WHERE call_id = ?').get(row.id)).toEqual({
      kind: 'outbound',
      acw: expect.any(Number),
    });
    expect(statSync(row.recording_file as string).size).toBeGreaterThan(44 + 8000);
    expect((await agentState()).state).toBe('after_call_work');
    const audit = s.db.prepare("SELECT * FROM audit_log WHERE action = 'call.outbound'").get() as Record<string, unknown>;
    expect(JSON.parse(audit.detail as string)).toEqual({ number: CALLEE, workOrderId: 7 });
    const order = (await s.call('GET', '/api/v1/work-orders/7', token)).body;
    expect(order.followUps).toMatchObject({ count: 1, answered: 1 });
    expect(order.followUpCalls).toEqual([expect.objectContaining({ agentWorkNumber: '1001', number: CALLEE, answered: true, endReason: 'agent_hangup' })]);
    expect(order.followUpCalls[0].talkSeconds).toBeGreaterThanOrEqual(1);
    // Outbound calls never count in the inbound indicators.
    expect(s.db.prepare("SELECT COUNT(*) FROM calls WHERE direction = 'inbound'").pluck().get()).toBe(0);
  }, 60_000);

  it('hangs up the agent when the citizen hangs up first', async () => {
    const { trunkPort, trunk } = await trunkOn('trunk-answer-then-hangup.xml', ['-rtp_echo']);
    const { server: s, phone, media, signIn } = await start(trunkPort);
    await signIn();
    const ok = await phone.invite(CALLEE, rtpOffer(media.port));
    expect(ok.status).toBe(200);
    const bye = await phone.peer.request('BYE', 10_000);
    expect(bye.callId).toBe(phone.callId);
    phone.ok(bye);
    const sipp = await trunk.done;
    expect(sipp.code, sipp.stdout + sipp.errors).toBe(0);
    await waitFor(() => callRow(s).ended_at !== null, 5000, 'the call record to close');
    expect(callRow(s)).toMatchObject({ hangup_side: 'caller', end_reason: 'callee_hangup', work_order_id: null });
  }, 60_000);

  it("hangs up the citizen when the desk's connection drops mid-call, and the record says so", async () => {
    const { trunkPort, trunk } = await trunkOn('trunk-answer.xml', ['-rtp_echo']);
    const { server: s, phone, media, agentState, signIn } = await start(trunkPort);
    await signIn();
    expect((await phone.invite(CALLEE, rtpOffer(media.port))).status).toBe(200);
    phone.peer.close(); // a reload, a crash, a pulled cable
    const sipp = await trunk.done;
    expect(sipp.code, sipp.stdout + sipp.errors).toBe(0); // the trunk got its BYE
    await waitFor(() => callRow(s).ended_at !== null, 5000, 'the call record to close');
    expect(callRow(s)).toMatchObject({ hangup_side: 'agent', end_reason: 'agent_connection_lost' });
    expect((await agentState()).state).toBe('after_call_work');
  }, 60_000);

  it('cancels the trunk when the agent gives up while it rings, and gives up itself after --outbound-ring', async () => {
    const first = await trunkOn('trunk-ring-no-answer.xml');
    const trunkPort = first.trunkPort;
    let trunk = first.trunk;
    const { server: s, phone, media, agentState, signIn } = await start(trunkPort);
    await signIn();
    expect(await phone.startInvite(CALLEE, rtpOffer(media.port))).toBeUndefined();
    await phone.peer.response(180, 'INVITE', 10_000);
    phone.cancel(CALLEE);
    expect((await phone.finalResponse(CALLEE)).status).toBe(487);
    expect((await trunk.done).code).toBe(0); // SIPp saw the CANCEL
    await waitFor(() => callRow(s)?.ended_at != null, 5000, 'the call record to close');
    expect(callRow(s)).toMatchObject({ end_reason: 'agent_cancelled', hangup_side: 'agent', answered_at: null });
    expect((await agentState()).state).toBe('ready');

    // Nobody picks up: the server cancels after 5 s (outboundRingSeconds in this test) → 480.
    ({ trunk } = await trunkOn('trunk-ring-no-answer.xml', [], trunkPort));
    const again = await AgentPhone.open(s);
    closers.push(() => again.peer.close());
    const started = Date.now();
    expect((await again.invite(CALLEE, rtpOffer(media.port))).status).toBe(480);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4500);
    expect((await trunk.done).code).toBe(0);
    await waitFor(() => callRow(s)?.ended_at != null, 5000, 'the call record to close');
    expect(callRow(s)).toMatchObject({ end_reason: 'no_answer', hangup_side: 'system' });
  }, 60_000);

  it('answers a carrier that authenticates the center with the trunk account, and fails cleanly on a wrong one', async () => {
    const first = await trunkOn('trunk-auth.xml');
    const trunkPort = first.trunkPort;
    let trunk = first.trunk;
    const { server: s, phone, media, signIn } = await start(trunkPort, { trunkUser: 'center0571', trunkPassword: 'trunk-secret' });
    await signIn();
    expect((await phone.invite(CALLEE, rtpOffer(media.port))).status).toBe(200);
    expect((await phone.bye()).status).toBe(200);
    const sipp = await trunk.done;
    expect(sipp.code, sipp.stdout + sipp.errors).toBe(0);
    await waitFor(() => callRow(s).ended_at !== null, 5000, 'the call record to close');
    expect(callRow(s)).toMatchObject({ end_reason: 'agent_hangup' });
    await s.stop();

    ({ trunk } = await trunkOn('trunk-auth.xml', [], trunkPort));
    const wrong = await start(trunkPort, { trunkUser: 'center0571', trunkPassword: 'not-it' });
    await wrong.signIn();
    expect((await wrong.phone.invite(CALLEE, rtpOffer(wrong.media.port))).status).toBe(503);
    expect((await trunk.done).code).toBe(0);
    await waitFor(() => callRow(wrong.server).ended_at != null, 5000, 'the call record to close');
    expect(callRow(wrong.server)).toMatchObject({ end_reason: 'trunk_failed', answered_at: null });
  }, 60_000);

  it("passes the carrier's early media (183) to the agent before the answer, and records only from the answer", async () => {
    const { trunkPort, trunk } = await trunkOn('trunk-early-media.xml', ['-rtp_echo']);
    const { server: s, phone, media, signIn } = await start(trunkPort);
    await signIn();
    expect(await phone.startInvite(CALLEE, rtpOffer(media.port))).toBeUndefined();
    const early = await phone.peer.response(183, 'INVITE', 10_000);
    media.sendTo(early.body);
    await media.sendTone('PCMU', 0, 1000);
    // Heard before anyone answered: the trunk echoed it during the 3 s of early media.
    await waitFor(() => media.received.filter((p) => p.payloadType === 0).length > 20, 3000, 'early audio');
    expect(callRow(s).answered_at).toBeNull();
    const ok = await phone.finalResponse(CALLEE);
    expect(ok.status).toBe(200);
    expect(ok.body).toBe(early.body);
    await media.sendTone('PCMU', 0, 1000); // a second of conversation
    expect((await phone.bye()).status).toBe(200);
    expect((await trunk.done).code).toBe(0);
    await waitFor(() => callRow(s).ended_at !== null, 5000, 'the call record to close');
    const row = callRow(s);
    expect(row).toMatchObject({ end_reason: 'agent_hangup' });
    // The recording covers the conversation only, not the 3 s of carrier audio before it.
    const wav = readFileSync(row.recording_file as string);
    const seconds = (wav.length - 44) / (8000 * 2 * wav.readUInt16LE(22));
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThan(((row.hung_up_at as number) - (row.answered_at as number)) / 1000 + 0.5);
  }, 60_000);

  it('hands the citizen to the satisfaction question (回访调查): the answer lands on the call and the work order', async () => {
    const { trunkPort, trunk } = await trunkOn('trunk-answer-survey.xml');
    const { server: s, token, phone, media, agentState, signIn } = await start(trunkPort);
    const published: ServerEvent[] = [];
    s.ctx.events.subscribe((e) => published.push(e));
    s.db
      .prepare(
        "INSERT INTO work_orders (id, center_code, category, created_at, title, description, state, callback_number, updated_at) VALUES (9, '330100', 'complaint', 0, '投诉', '…', 'resolved', ?, 0)",
      )
      .run(CALLEE);
    await signIn();
    const ok = await phone.invite(CALLEE, rtpOffer(media.port), ['X-12329-Work-Order-Id: 9']);
    expect(ok.status).toBe(200);
    const callId = ok.headers.get('X-12329-Call-Id')!;
    expect(callRow(s).id).toBe(callId);
    expect((await s.call('POST', `/api/v1/calls/${callId}/survey`, token)).status).toBe(200);
    phone.ok(await phone.peer.request('BYE', 5000)); // the agent is released at once
    await waitFor(() => callRow(s).ended_at !== null, 20_000, 'the survey to end the call');
    const sipp = await trunk.done;
    expect(sipp.code, sipp.stdout + sipp.errors).toBe(0);
    expect(callRow(s)).toMatchObject({ survey_result: 1, end_reason: 'survey_done', hangup_side: 'system' });
    expect((await agentState()).state).toBe('after_call_work');
    await waitFor(() => published.some((e) => e.type === 'work-order.follow-up' && e.workOrderId === 9 && e.callId === callId), 5000, 'the follow-up event');
    const order = (await s.call('GET', '/api/v1/work-orders/9', token)).body;
    expect(order.followUpCalls[0]).toMatchObject({ callId, answered: true, surveyResult: 1 });
    expect(order.followUps).toMatchObject({ count: 1, answered: 1, lastSurvey: 1 });
    // An inbound call's survey route refuses a call that is not the agent's.
    // Once handed off, the survey route refuses the call: it is no longer connected to the agent.
    expect((await s.call('POST', `/api/v1/calls/${callId}/survey`, token)).status).toBe(409);
  }, 60_000);

  it('reaches a trunk given by name, and fails the call with 503 when the name does not resolve', async () => {
    const { trunkPort, trunk } = await trunkOn('trunk-busy.xml');
    const named = await start(undefined, { trunk: `sip:localhost:${trunkPort}` });
    await named.signIn();
    expect((await named.phone.invite(CALLEE, rtpOffer(named.media.port))).status).toBe(486); // SIPp answered: the name led there
    expect((await trunk.done).code).toBe(0);
    await named.server.stop();

    const nowhere = await start(undefined, { trunk: 'sip:no-such-trunk.invalid' });
    await nowhere.signIn();
    expect((await nowhere.phone.invite(CALLEE, rtpOffer(nowhere.media.port))).status).toBe(503);
    await waitFor(() => callRow(nowhere.server)?.ended_at != null, 5000, 'the call record to close');
    expect(callRow(nowhere.server)).toMatchObject({ end_reason: 'trunk_failed', answered_at: null });
  }, 60_000);

  it('tells the agent the number is busy and returns them to 示忙 with their reason, without ACW', async () => {
    const { trunkPort, trunk } = await trunkOn('trunk-busy.xml');
    const { server: s, phone, media, agentState, signIn } = await start(trunkPort);
    await signIn('not_ready', '会议');
    const busy = await phone.invite(CALLEE, rtpOffer(media.port));
    expect(busy.status).toBe(486);
    expect((await trunk.done).code).toBe(0);
    await waitFor(() => callRow(s)?.ended_at != null, 5000, 'the call record to close');
    expect(callRow(s)).toMatchObject({ end_reason: 'callee_busy', answered_at: null, acw_count: 0, hangup_side: 'system' });
    expect(s.db.prepare('SELECT COUNT(*) FROM call_agent_turns WHERE call_id = ?').pluck().get(callRow(s).id)).toBe(0);
    expect(await agentState()).toMatchObject({ state: 'not_ready', reason: '会议' });
  }, 60_000);

  it('refuses what must not go out: no digest, a wrong one, a signed-out agent, no trunk, a bad number, an unknown work order', async () => {
    const { server: s, phone, media, signIn } = await start(undefined);
    expect((await phone.invite(CALLEE, rtpOffer(media.port))).status).toBe(403); // signed out (签出)
    await signIn();
    expect((await phone.invite('12a45', rtpOffer(media.port))).status).toBe(484);
    expect((await phone.invite(CALLEE, rtpOffer(media.port), ['X-12329-Work-Order-Id: 999'])).status).toBe(404);
    expect((await phone.invite(CALLEE, rtpOffer(media.port))).status).toBe(503); // no trunk configured
    const wrong = await phone.invite(CALLEE, rtpOffer(media.port), [], 'not-the-password');
    expect(wrong.status).toBe(407);
    expect(s.db.prepare('SELECT COUNT(*) FROM calls').pluck().get()).toBe(0);
  }, 30_000);
});
