// Every shape of call the eight indicators must be right for, placed for real: SIPp callers over
// UDP with RTP, agents on desk phones (SIP over UDP, RTP), the whole server. Then the indicators
// of the day are recomputed here from the raw rows, with this file's own formulas, and compared
// with GET /api/v1/metrics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { SERVER_MODULES } from '../modules.js';
import { SIPP_MISSING, runSipp, sippSuite, type SippRun } from '../sip/sipp-test-kit.js';
import { waitFor } from '../media/media-test-kit.js';
import type { ServerEvent } from '../../../shared/api/events/index.js';
import { DeskPhone } from './desk-phone-test-kit.js';

type Row = Record<string, number | string | null>;

describe.skipIf(SIPP_MISSING !== undefined)(sippSuite('call shapes: every kind of call, and the indicators recomputed from the raw rows'), () => {
  let server: TestServer;
  let p1: DeskPhone;
  let p2: DeskPhone;
  const tokens: Record<string, string> = {};
  const published: ServerEvent[] = [];
  const shapes: Record<string, string> = {};

  const call = (method: string, path: string, workNumber: string, body?: unknown) => server.call(method, path, tokens[workNumber], body);
  const setState = async (workNumber: string, state: 'ready' | 'not_ready') => {
    const r = await call('POST', '/api/v1/acd/agents/me/state', workNumber, state === 'ready' ? { state } : { state, reason: '会议' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };
  const agentState = async (workNumber: string) =>
    ((await call('GET', '/api/v1/acd/agents', '2001')).body.agents as Array<{ workNumber: string; state: string }>).find((a) => a.workNumber === workNumber)!
      .state;
  /** After-call work ends by itself (5 s); then the agent is put where the next shape wants them. */
  const settle = async (want: Record<string, 'ready' | 'not_ready'>) => {
    for (const [workNumber, state] of Object.entries(want)) {
      await waitFor2(async () => ['ready', 'not_ready', 'signed_out'].includes(await agentState(workNumber)), 15_000, `${workNumber} out of after-call work`);
      if ((await agentState(workNumber)) !== state) await setState(workNumber, state);
    }
  };
  const caller = (scenario: string, durationMs?: number): Promise<SippRun> =>
    runSipp(scenario, server.sipUdpPort, [...(durationMs ? ['-d', String(durationMs)] : []), '-rtp_echo', '-timeout', '90s'], 100_000);
  const newestCall = () => server.db.prepare("SELECT * FROM calls WHERE direction = 'inbound' ORDER BY rowid DESC LIMIT 1").get() as Row;
  const expectSipp = (run: SippRun) => expect(run.code, run.stdout + run.errors).toBe(0);
  const closed = (id: string) =>
    waitFor(() => (server.db.prepare('SELECT ended_at FROM calls WHERE id = ?').pluck().get(id) as number | null) !== null, 20_000, `call ${id} to close`);

  beforeAll(async () => {
    server = await startTestServer(SERVER_MODULES, { config: { serviceHours: 'always', ringTimeoutSeconds: 5, acwLimitSeconds: 5, deskProbeSeconds: 1 } });
    server.ctx.events.subscribe((e) => published.push(e));
    for (const n of ['1001', '1002', '2001']) tokens[n] = await server.login(n);
    p1 = await DeskPhone.register(server, '1001');
    p2 = await DeskPhone.register(server, '1002');
    await waitFor2(
      async () => (await call('GET', '/api/v1/acd/agents', '2001')).body.agents.filter((a: { registered: boolean }) => a.registered).length >= 2,
      5000,
      'both phones registered',
    );
  }, 60_000);

  afterAll(async () => {
    p1?.close();
    p2?.close();
    await server?.stop();
  });

  it('plain: answered, the caller hangs up', async () => {
    await settle({ '1002': 'not_ready', '1001': 'ready' });
    const run = caller('caller-to-agent.xml', 7000);
    const invite = await p1.ringing();
    const answered = await p1.answer(invite, 500);
    expectSipp(await run);
    await answered.ended;
    shapes.plain = answered.callId;
    await closed(answered.callId);
    expect(newestCall()).toMatchObject({ id: answered.callId, hangup_side: 'caller', end_reason: 'caller_hangup', abandon_stage: null });
  }, 30_000);

  it('the agent hangs up first (§2.4-9)', async () => {
    await settle({ '1001': 'ready' });
    const run = caller('caller-waits-for-bye.xml');
    const a = await p1.answer(await p1.ringing(), 300);
    await new Promise((r) => setTimeout(r, 2000));
    await a.bye();
    expectSipp(await run);
    shapes.agentFirst = a.callId;
    await closed(a.callId);
    expect(newestCall()).toMatchObject({ hangup_side: 'agent', end_reason: 'agent_hangup' });
  }, 30_000);

  it('blind transfer to a ready colleague: two turns, two ACW periods, talk to the end', async () => {
    await settle({ '1001': 'ready' });
    const run = caller('caller-to-agent.xml', 11_000);
    const a = await p1.answer(await p1.ringing(), 300);
    if ((await agentState('1002')) !== 'ready') await setState('1002', 'ready');
    await new Promise((r) => setTimeout(r, 1000));
    const t = await call('POST', `/api/v1/calls/${a.callId}/transfer`, '1001', { target: 'agent', workNumber: '1002', mode: 'blind' });
    expect(t.status, JSON.stringify(t.body)).toBe(200);
    expect(t.body).toEqual({ stage: 'ringing' });
    const b = await p2.answer(await p2.ringing(), 1000);
    await a.ended; // the first agent is released as the colleague answers
    expectSipp(await run);
    await b.ended;
    shapes.blind = a.callId;
    await closed(a.callId);
    const row = newestCall();
    expect(row).toMatchObject({ hangup_side: 'caller', end_reason: 'caller_hangup' });
    const turns = server.db.prepare('SELECT kind, end_reason FROM call_agent_turns WHERE call_id = ? ORDER BY id').all(a.callId);
    expect(turns).toEqual([
      { kind: 'answer', end_reason: 'transferred' },
      { kind: 'transfer', end_reason: 'call_ended_caller_hangup' },
    ]);
  }, 40_000);

  it('consult transfer: the agent talks to the colleague while the caller holds, then hands over', async () => {
    await settle({ '1002': 'not_ready', '1001': 'ready' });
    const run = caller('caller-to-agent.xml', 12_000);
    const a = await p1.answer(await p1.ringing(), 300);
    if ((await agentState('1002')) !== 'ready') await setState('1002', 'ready');
    expect((await call('POST', `/api/v1/calls/${a.callId}/transfer`, '1001', { target: 'agent', workNumber: '1002', mode: 'consult' })).status).toBe(200);
    await p2.answer(await p2.ringing(), 500);
    await waitFor(() => published.some((e) => e.type === 'call.transfer' && e.callId === a.callId && e.stage === 'consulting'), 5000, 'the consult to connect');
    const before = p1.rtp.received.length;
    await p2.rtp.sendTone('PCMU', 0, 1000, 800);
    expect(p1.rtp.received.length - before, 'the agent hears the colleague while consulting').toBeGreaterThan(20);
    expect((await call('POST', `/api/v1/calls/${a.callId}/consult`, '1001', { action: 'complete' })).body).toEqual({ phase: 'talking' });
    await a.ended;
    expectSipp(await run);
    shapes.consult = a.callId;
    await closed(a.callId);
    expect(server.db.prepare('SELECT kind FROM call_agent_turns WHERE call_id = ? ORDER BY id').pluck().all(a.callId)).toEqual(['answer', 'consult']);
    expect(newestCall()).toMatchObject({
      hangup_side: 'caller',
      agent_id: server.db.prepare("SELECT id FROM users WHERE work_number = '1002'").pluck().get() as number,
    });
  }, 40_000);

  it('three-way conference: all three talk through the mixer; the first agent leaves, the colleague stays', async () => {
    await settle({ '1002': 'not_ready', '1001': 'ready' });
    const run = caller('caller-to-agent.xml', 13_000);
    const a = await p1.answer(await p1.ringing(), 300);
    if ((await agentState('1002')) !== 'ready') await setState('1002', 'ready');
    expect((await call('POST', `/api/v1/calls/${a.callId}/transfer`, '1001', { target: 'agent', workNumber: '1002', mode: 'consult' })).status).toBe(200);
    const b = await p2.answer(await p2.ringing(), 300);
    await waitFor(() => published.some((e) => e.type === 'call.transfer' && e.callId === a.callId && e.stage === 'consulting'), 5000, 'the consult to connect');
    expect((await call('POST', `/api/v1/calls/${a.callId}/consult`, '1001', { action: 'conference' })).body).toEqual({ phase: 'conference' });
    // The colleague's tone reaches the first agent through the mixer (SIPp echoes it too).
    const tone = p2.rtp.sendTone('PCMU', 0, 1500, 800);
    const before = p1.rtp.received.length;
    await tone;
    expect(p1.rtp.received.length - before, 'the first agent hears the conference').toBeGreaterThan(40);
    await a.bye(); // the first agent leaves: the colleague has the caller
    expectSipp(await run);
    await b.ended;
    shapes.conference = a.callId;
    await closed(a.callId);
    expect(server.db.prepare('SELECT kind, end_reason FROM call_agent_turns WHERE call_id = ? ORDER BY id').all(a.callId)).toEqual([
      { kind: 'answer', end_reason: 'agent_hangup' },
      { kind: 'consult', end_reason: 'call_ended_caller_hangup' },
    ]);
    expect(server.db.prepare("SELECT COUNT(*) FROM call_events WHERE call_id = ? AND kind = 'conference'").pluck().get(a.callId)).toBe(1);
  }, 40_000);

  it('an honest refusal: a colleague who is not ready is refused before anything changes; one who declines returns the caller; then the survey', async () => {
    await settle({ '1002': 'not_ready', '1001': 'ready' });
    const run = caller('caller-survey.xml', 12_000);
    const a = await p1.answer(await p1.ringing(), 300);
    const refused = await call('POST', `/api/v1/calls/${a.callId}/transfer`, '1001', { target: 'agent', workNumber: '1002', mode: 'blind' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('colleague_not_ready');
    expect(await agentState('1001')).toBe('talking');
    if ((await agentState('1002')) !== 'ready') await setState('1002', 'ready');
    expect((await call('POST', `/api/v1/calls/${a.callId}/transfer`, '1001', { target: 'agent', workNumber: '1002', mode: 'consult' })).status).toBe(200);
    p2.decline(await p2.ringing());
    await waitFor(
      () => published.some((e) => e.type === 'call.transfer' && e.callId === a.callId && e.stage === 'failed' && e.reason === 'rejected'),
      5000,
      'the failed transfer',
    );
    expect(await agentState('1002')).toBe('ready');
    await new Promise((r) => setTimeout(r, 1500));
    expect((await call('POST', `/api/v1/calls/${a.callId}/survey`, '1001')).status).toBe(200);
    await a.ended;
    expectSipp(await run);
    shapes.survey = a.callId;
    await closed(a.callId);
    expect(newestCall()).toMatchObject({ survey_result: 1, end_reason: 'survey_done', hangup_side: 'system' });
  }, 60_000);

  it('abandons: in the IVR, during the 请稍候 announcement, in the queue, while ringing', async () => {
    await settle({ '1001': 'not_ready', '1002': 'not_ready' });
    expectSipp(await caller('uac-call.xml'));
    shapes.ivr = newestCall().id as string;
    expectSipp(await caller('caller-to-agent.xml', 400));
    shapes.announcement = newestCall().id as string;
    expectSipp(await caller('caller-to-agent.xml', 4000));
    shapes.queue = newestCall().id as string;
    await setState('1001', 'ready');
    const run = caller('caller-to-agent.xml', 2500);
    await p1.ringing();
    expectSipp(await run);
    shapes.ringing = newestCall().id as string;
    await waitFor(() => p1.cancelled.length > 0, 5000, 'the ring to be cancelled');
    const stages = server.db
      .prepare(`SELECT id, abandon_stage, offered_to_agent FROM calls WHERE id IN (?, ?, ?, ?)`)
      .all(shapes.ivr, shapes.announcement, shapes.queue, shapes.ringing) as Row[];
    const byId = Object.fromEntries(stages.map((r) => [r.id, [r.abandon_stage, r.offered_to_agent]]));
    expect([byId[shapes.ivr], byId[shapes.announcement], byId[shapes.queue], byId[shapes.ringing]]).toEqual([
      ['ivr', 0],
      ['queue', 1],
      ['queue', 1],
      ['ringing', 1],
    ]);
  }, 60_000);

  it('a missed ring goes to the next agent; the wait counts from the offer', async () => {
    await settle({ '1001': 'ready', '1002': 'ready' });
    const run = caller('caller-to-agent.xml', 13_000);
    // Whoever rings first lets it ring out (5 s); the other answers.
    const rings = [p1.ringing().then((invite) => ({ phone: p1, invite })), p2.ringing().then((invite) => ({ phone: p2, invite }))];
    const first = await Promise.race(rings);
    const second = await rings[first.phone === p1 ? 1 : 0]!;
    const b = await second.phone.answer(second.invite, 300);
    expectSipp(await run);
    await b.ended;
    shapes.missed = b.callId;
    await closed(b.callId);
    expect(server.db.prepare('SELECT outcome FROM call_ring_attempts WHERE call_id = ? ORDER BY id').pluck().all(b.callId)).toEqual(['missed', 'answered']);
  }, 40_000);

  it("desk lost: the agent's desk phone goes silent mid-call; the caller waits first in line and the next agent takes them", async () => {
    await settle({ '1002': 'not_ready', '1001': 'ready' });
    const run = caller('caller-to-agent.xml', 12_000);
    const a = await p1.answer(await p1.ringing(), 300);
    await setState('1002', 'ready');
    await new Promise((r) => setTimeout(r, 1000));
    p1.unplug(); // no BYE: the phone's sockets are simply gone
    // The probe finds it (≤ 2 s); the caller is queued again at once and the colleague rings.
    const b = await p2.answer(await p2.ringing(10_000), 300);
    expect(b.callId).toBe(a.callId);
    const lost = (await call('GET', '/api/v1/acd/agents', '2001')).body.agents.find((x: { workNumber: string }) => x.workNumber === '1001');
    expect(lost).toMatchObject({ registered: false, state: 'after_call_work' });
    expectSipp(await run);
    await b.ended;
    shapes.deskLost = a.callId;
    await closed(a.callId);
    const row = server.db.prepare('SELECT * FROM calls WHERE id = ?').get(a.callId) as Row;
    expect(row).toMatchObject({
      hangup_side: 'caller',
      end_reason: 'caller_hangup',
      abandon_stage: null,
      agent_id: server.db.prepare("SELECT id FROM users WHERE work_number = '1002'").pluck().get() as number,
    });
    expect(server.db.prepare('SELECT kind, end_reason FROM call_agent_turns WHERE call_id = ? ORDER BY id').all(a.callId)).toEqual([
      { kind: 'answer', end_reason: 'agent_connection_lost' },
      { kind: 'answer', end_reason: 'call_ended_caller_hangup' },
    ]);
    expect(server.db.prepare("SELECT COUNT(*) FROM call_events WHERE call_id = ? AND kind IN ('desk_lost', 'abandoned')").pluck().get(a.callId)).toBe(1);
    // The lost agent's ACW ends by itself; they are never rung until their phone registers again.
    p1 = await DeskPhone.register(server, '1001');
    await waitFor2(
      async () => (await call('GET', '/api/v1/acd/agents', '2001')).body.agents.find((x: { workNumber: string }) => x.workNumber === '1001').registered,
      5000,
      '1001 registered again',
    );
  }, 60_000);

  it('the eight indicators of the day equal an independent computation from the raw rows', async () => {
    // One complaint submitted today (a draft would count nowhere).
    const order = await call('POST', '/api/v1/work-orders', '1001', {
      category: 'complaint',
      title: '投诉',
      description: '办理慢',
      callbackNumber: '13800138000',
      submit: true,
    });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    await settle({ '1001': 'not_ready', '1002': 'not_ready' }); // every ACW over
    const { body } = await call('GET', '/api/v1/metrics?period=day', '2001');
    const expected = recompute(server);
    expect(body.raw.callTotal).toBe(Object.keys(shapes).length);
    expect(body.indicators).toEqual(expected);
  }, 30_000);
});

/** Polls an async condition. */
async function waitFor2(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * DESIGN.md's formulas, from the rows the calls left, read here without the server's SQL: offered
 * and wait from the call's events, talk from the agents' turns (first answer → last agent out),
 * ACW from each turn, abandons from the abandon events, complaints from the audit trail.
 */
function recompute(server: TestServer): Record<string, number | null> {
  const db = server.db;
  const calls = db.prepare("SELECT id, survey_result FROM calls WHERE direction = 'inbound'").all() as Array<{ id: string; survey_result: number | null }>;
  const events = (id: string) =>
    db.prepare('SELECT kind, at, data FROM call_events WHERE call_id = ? ORDER BY id').all(id) as Array<{ kind: string; at: number; data: string | null }>;
  let offered = 0,
    answered = 0,
    abandoned = 0,
    talk = 0,
    wait = 0,
    acw = 0,
    acwCount = 0,
    responses = 0,
    satisfied = 0;
  for (const c of calls) {
    const ev = events(c.id);
    const offer = ev.find((e) => e.kind === 'offered');
    const answer = ev.find((e) => e.kind === 'answered');
    if (offer) offered++;
    if (answer) {
      answered++;
      wait += answer.at - offer!.at;
      const turns = db.prepare('SELECT started_at, ended_at, acw_started_at, acw_ended_at FROM call_agent_turns WHERE call_id = ?').all(c.id) as Array<
        Record<string, number | null>
      >;
      talk += Math.max(...turns.map((t) => t.ended_at!)) - Math.min(...turns.map((t) => t.started_at!));
      for (const t of turns) {
        if (t.acw_started_at != null && t.acw_ended_at != null) {
          acw += t.acw_ended_at - t.acw_started_at;
          acwCount++;
        }
      }
    }
    const gaveUp = ev.find((e) => e.kind === 'abandoned');
    if (gaveUp && ['queue', 'ringing'].includes((JSON.parse(gaveUp.data!) as { stage: string }).stage)) abandoned++;
    if (c.survey_result !== null) {
      responses++;
      if (c.survey_result <= 2) satisfied++;
    }
  }
  // Complaints submitted (left 草稿) and not voided, from the orders' step history.
  const complaints = db
    .prepare(
      "SELECT COUNT(DISTINCT t.work_order_id) FROM work_order_transitions t JOIN work_orders w ON w.id = t.work_order_id WHERE t.action = 'submit' AND w.category = 'complaint' AND w.state <> 'voided'",
    )
    .pluck()
    .get() as number;
  const percent = (n: number, d: number) => (d === 0 ? null : Math.round((n * 10_000) / d) / 100);
  const minutes = (ms: number, d: number) => (d === 0 ? null : Math.round((ms * 100) / (d * 60_000)) / 100);
  return {
    callTotal: calls.length,
    callavg: minutes(talk, answered),
    callconnect: percent(answered, offered),
    ABNcalls: percent(abandoned, answered),
    waittimeavg: minutes(wait, answered),
    acwavg: minutes(acw, acwCount),
    complntrate: percent(complaints, answered),
    satisrate: percent(satisfied, responses),
  };
}
