// Listen, whisper and barge proven by audio: a caller (400 Hz), the agent's desk phone (1000 Hz)
// and the team lead's desk phone (2200 Hz) are real SIP + RTP peers on loopback against the whole
// server; what each one receives is measured per tone (Goertzel), so "hears X" and "never hears Y"
// are both checked on the real packets. Then: every start, switch and stop is in the audit trail,
// and the call's record is the one it would have been without a lead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { SERVER_MODULES } from '../modules.js';
import { toneLevels, waitFor, type RtpFarEnd } from '../media/media-test-kit.js';
import type { ServerEvent } from '../../../shared/api/events/index.js';
import type { Principal } from '../auth/principal.js';
import { DeskPhone, type DeskPhoneCall } from './desk-phone-test-kit.js';
import { CallerPhone } from './caller-phone-test-kit.js';

const CALLER = 400;
const AGENT = 1000;
const LEAD = 2200;
const TONES = [CALLER, AGENT, LEAD];
const AMPLITUDE = 8000;

type Row = Record<string, number | string | null>;

describe('team lead monitoring: listen, whisper, barge', () => {
  let server: TestServer;
  let agentPhone: DeskPhone;
  let leadPhone: DeskPhone;
  const tokens: Record<string, string> = {};
  const events: ServerEvent[] = [];
  const closers: Array<() => void> = [];

  const call = (method: string, path: string, workNumber: string, body?: unknown) => server.call(method, path, tokens[workNumber], body);
  const userId = (workNumber: string) => server.db.prepare('SELECT id FROM users WHERE work_number = ?').pluck().get(workNumber) as number;
  const monitorEvents = (callId: string) =>
    events.filter((e): e is Extract<ServerEvent, { type: 'call.monitor' }> => e.type === 'call.monitor' && e.callId === callId);

  /** Nothing heard for `ms`: the greeting is over (a bridge or mixer sends nothing while nobody speaks). */
  async function quiet(far: RtpFarEnd, ms = 400): Promise<void> {
    let count = far.received.length;
    let since = Date.now();
    await waitFor(
      () => {
        if (far.received.length !== count) {
          count = far.received.length;
          since = Date.now();
        }
        return Date.now() - since >= ms;
      },
      15_000,
      'silence on the line',
    );
  }

  /** All three speak their tone at once; what each heard meanwhile, per tone. */
  async function talk(caller: RtpFarEnd, agent: RtpFarEnd, lead: RtpFarEnd | undefined, ms = 800): Promise<Record<number, number>[]> {
    const peers = [caller, agent, ...(lead ? [lead] : [])];
    const tones = [CALLER, AGENT, LEAD];
    const marks = peers.map((p) => p.received.length);
    await Promise.all(peers.map((p, i) => p.sendTone('PCMU', 0, ms, tones[i], AMPLITUDE)));
    await new Promise((r) => setTimeout(r, 150));
    return peers.map((p, i) => toneLevels(p.decoded('PCMU', 0, marks[i]), TONES));
  }

  /** Hears the tones listed (at least a third of their amplitude), and none of the others (below 2 %). */
  function expectHears(who: string, levels: Record<number, number> | undefined, heard: readonly number[]): void {
    for (const tone of TONES) {
      const what = `${who} at ${tone} Hz: ${JSON.stringify(levels)}`;
      if (heard.includes(tone)) expect(levels![tone], what).toBeGreaterThan(AMPLITUDE / 3);
      else expect(levels![tone], what).toBeLessThan(AMPLITUDE / 50);
    }
  }

  /** A caller put through to agent 1001; returns once the greeting is over. */
  async function connectedCall(): Promise<{ caller: CallerPhone; agent: DeskPhoneCall; answeredAt: number }> {
    const caller = await CallerPhone.dial(server);
    closers.push(() => caller.close());
    await new Promise((r) => setTimeout(r, 1500)); // the welcome starts; 0 = 人工
    await caller.press('0');
    const agent = await agentPhone.answer(await agentPhone.ringing(), 200);
    const answeredAt = Date.now();
    await quiet(caller.rtp);
    return { caller, agent, answeredAt };
  }

  /** The lead asks to monitor; their phone rings with X-12329-Monitor and they pick up. */
  async function startMonitor(callId: string, mode: 'listen' | 'whisper' | 'barge'): Promise<DeskPhoneCall> {
    const startedBefore = monitorEvents(callId).filter((e) => e.stage === 'started').length;
    const r = await call('POST', `/api/v1/calls/${callId}/monitor`, '2001', { mode });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({ callId, mode, stage: 'ringing' });
    const invite = await leadPhone.ringing();
    expect(invite.headers.get('X-12329-Monitor')).toBe(mode);
    expect(invite.headers.get('X-12329-Call-Id')).toBe(callId);
    const leg = await leadPhone.answer(invite);
    await waitFor(() => monitorEvents(callId).filter((e) => e.stage === 'started').length > startedBefore, 5000, 'the monitor to start');
    return leg;
  }

  beforeAll(async () => {
    server = await startTestServer(SERVER_MODULES, { config: { serviceHours: 'always', ringTimeoutSeconds: 10, acwLimitSeconds: 5, monitorIndicator: true } });
    server.ctx.events.subscribe((e) => events.push(e));
    for (const n of ['1001', '1002', '2001']) tokens[n] = await server.login(n);
    agentPhone = await DeskPhone.register(server, '1001');
    leadPhone = await DeskPhone.register(server, '2001');
    expect((await call('POST', '/api/v1/acd/agents/me/state', '1001', { state: 'ready' })).status).toBe(200);
  }, 30_000);

  afterAll(async () => {
    for (const close of closers.splice(0)) close();
    agentPhone?.close();
    leadPhone?.close();
    await server?.stop();
  });

  it('listen → whisper → barge → listen on one leg, stop; again until the lead hangs up, and until the caller does: heard as the mode says, audited, figures untouched', async () => {
    const { caller, agent, answeredAt } = await connectedCall();
    const callId = agent.callId;
    const base = `/api/v1/calls/${callId}/monitor`;

    // Only team leads and admins; an agent gets 403, a stranger's call 404, switching before starting 404.
    expect((await call('POST', base, '1002', { mode: 'listen' })).status).toBe(403);
    expect((await call('POST', '/api/v1/calls/no-such-call/monitor', '2001', { mode: 'listen' })).status).toBe(404);
    expect((await call('PATCH', base, '2001', { mode: 'barge' })).status).toBe(404);
    expect((await call('POST', base, '2001', { mode: 'shout' })).status).toBe(400);

    // Before any lead: caller and agent hear each other.
    let [heardByCaller, heardByAgent] = await talk(caller.rtp, agentPhone.rtp, undefined);
    expectHears('caller, no lead', heardByCaller, [AGENT]);
    expectHears('agent, no lead', heardByAgent, [CALLER]);

    const lead = await startMonitor(callId, 'listen');
    expect((await call('POST', base, '2001', { mode: 'listen' })).status, 'one lead leg per call').toBe(409);
    let heardByLead: Record<number, number> | undefined;
    [heardByCaller, heardByAgent, heardByLead] = await talk(caller.rtp, agentPhone.rtp, leadPhone.rtp);
    expectHears('caller, listen', heardByCaller, [AGENT]);
    expectHears('agent, listen', heardByAgent, [CALLER]);
    expectHears('lead, listen', heardByLead, [CALLER, AGENT]);

    const invitesBefore = leadPhone.peer.received.filter((m) => m.kind === 'request' && m.method === 'INVITE').length;
    const whisper = await call('PATCH', base, '2001', { mode: 'whisper' });
    expect(whisper.body).toEqual({ callId, mode: 'whisper', stage: 'active' });
    [heardByCaller, heardByAgent, heardByLead] = await talk(caller.rtp, agentPhone.rtp, leadPhone.rtp);
    expectHears('caller, whisper', heardByCaller, [AGENT]);
    expectHears('agent, whisper', heardByAgent, [CALLER, LEAD]);
    expectHears('lead, whisper', heardByLead, [CALLER, AGENT]);

    expect((await call('PATCH', base, '2001', { mode: 'barge' })).status).toBe(200);
    [heardByCaller, heardByAgent, heardByLead] = await talk(caller.rtp, agentPhone.rtp, leadPhone.rtp);
    expectHears('caller, barge', heardByCaller, [AGENT, LEAD]);
    expectHears('agent, barge', heardByAgent, [CALLER, LEAD]);
    expectHears('lead, barge', heardByLead, [CALLER, AGENT]);

    expect((await call('PATCH', base, '2001', { mode: 'listen' })).status).toBe(200);
    [heardByCaller, heardByAgent, heardByLead] = await talk(caller.rtp, agentPhone.rtp, leadPhone.rtp);
    expectHears('caller, back to listen', heardByCaller, [AGENT]);
    expectHears('agent, back to listen', heardByAgent, [CALLER]);
    expectHears('lead, back to listen', heardByLead, [CALLER, AGENT]);
    // Switching never redialled the lead.
    expect(leadPhone.peer.received.filter((m) => m.kind === 'request' && m.method === 'INVITE').length).toBe(invitesBefore);

    // The lead stops: their phone is hung up, the call goes on between caller and agent.
    expect((await call('DELETE', base, '2001')).body).toEqual({ stopped: true });
    await lead.ended;
    [heardByCaller, heardByAgent] = await talk(caller.rtp, agentPhone.rtp, undefined);
    expectHears('caller, after the lead left', heardByCaller, [AGENT]);
    expectHears('agent, after the lead left', heardByAgent, [CALLER]);

    // Again in barge; the lead hangs up their own phone.
    const second = await startMonitor(callId, 'barge');
    [heardByCaller] = await talk(caller.rtp, agentPhone.rtp, leadPhone.rtp);
    expectHears('caller, second barge', heardByCaller, [AGENT, LEAD]);
    await second.bye();
    await waitFor(() => monitorEvents(callId).some((e) => e.stage === 'ended' && e.reason === 'lead_hangup'), 5000, 'the lead hang-up to end the monitoring');
    [heardByCaller, heardByAgent] = await talk(caller.rtp, agentPhone.rtp, undefined);
    expectHears('caller, after the lead hung up', heardByCaller, [AGENT]);
    expectHears('agent, after the lead hung up', heardByAgent, [CALLER]);

    // A third time in whisper; the caller hangs up: the lead's phone gets its BYE with the call.
    const third = await startMonitor(callId, 'whisper');
    await caller.hangUp();
    const hungUpAt = Date.now();
    await third.ended;
    await agent.ended;
    await waitFor(
      () => (server.db.prepare('SELECT ended_at FROM calls WHERE id = ?').pluck().get(callId) as number | null) !== null,
      10_000,
      'the record to close',
    );

    // Audited: every start, switch and stop, by the lead, with the agent and why it stopped.
    const audit = server.db
      .prepare("SELECT actor_user_id, action, entity_id, call_id, detail FROM audit_log WHERE action LIKE 'call.monitor%' ORDER BY id")
      .all() as Row[];
    expect(audit.every((a) => a.actor_user_id === userId('2001') && a.call_id === callId && a.entity_id === callId)).toBe(true);
    expect(
      audit.map((a) => [a.action, JSON.parse(a.detail as string).mode, JSON.parse(a.detail as string).reason ?? JSON.parse(a.detail as string).from ?? null]),
    ).toEqual([
      ['call.monitor_start', 'listen', null],
      ['call.monitor_switch', 'whisper', 'listen'],
      ['call.monitor_switch', 'barge', 'whisper'],
      ['call.monitor_switch', 'listen', 'barge'],
      ['call.monitor_stop', 'listen', 'stopped'],
      ['call.monitor_start', 'barge', null],
      ['call.monitor_stop', 'barge', 'lead_hangup'],
      ['call.monitor_start', 'whisper', null],
      ['call.monitor_stop', 'whisper', 'call_ended'],
    ]);
    expect(audit.every((a) => JSON.parse(a.detail as string).agentId === userId('1001'))).toBe(true);

    // The call's figures are the agent's and the caller's alone.
    const row = server.db.prepare('SELECT * FROM calls WHERE id = ?').get(callId) as Row;
    expect(row).toMatchObject({ agent_id: userId('1001'), hangup_side: 'caller', end_reason: 'caller_hangup', abandon_stage: null });
    const talkMs = (row.talk_ended_at as number) - (row.answered_at as number);
    expect(Math.abs(talkMs - (hungUpAt - answeredAt)), `talk ${talkMs} ms`).toBeLessThan(1500);
    expect(server.db.prepare('SELECT COUNT(*) FROM calls').pluck().get(), 'the lead legs made no call record').toBe(1);
    expect(server.db.prepare('SELECT agent_id, kind, end_reason FROM call_agent_turns WHERE call_id = ?').all(callId)).toEqual([
      { agent_id: userId('1001'), kind: 'answer', end_reason: 'call_ended_caller_hangup' },
    ]);
    expect(server.db.prepare('SELECT DISTINCT agent_id FROM call_ring_attempts WHERE call_id = ?').pluck().all(callId)).toEqual([userId('1001')]);
    // The recording goes on: the call's file is the first one; the bridge became a mixer once (one more segment), later leads reused it.
    expect(row.recording_file as string).toMatch(new RegExp(`${callId}\\.wav$`));
    const segments = server.db.prepare("SELECT data FROM call_events WHERE call_id = ? AND kind = 'recording_segment'").pluck().all(callId) as string[];
    expect(segments.map((d) => JSON.parse(d).segment)).toEqual([2]);

    // With monitorIndicator on, the agent's desk is told (班长监听中); another agent is not.
    const principal = (workNumber: string, role: Principal['role']): Principal => ({
      userId: userId(workNumber),
      workNumber,
      displayName: '',
      role,
      centerCode: '330100',
      department: null,
      expiresAt: Date.now() + 60_000,
    });
    const started = monitorEvents(callId).find((e) => e.stage === 'started')!;
    expect(started).toMatchObject({ agentId: userId('1001'), lead: { userId: userId('2001'), workNumber: '2001' }, agentNotified: true });
    expect(server.ctx.events.visibleTo(principal('1001', 'agent'), started)).toBe(true);
    expect(server.ctx.events.visibleTo(principal('1002', 'agent'), started)).toBe(false);
    expect(server.ctx.events.visibleTo(principal('2001', 'team_lead'), started)).toBe(true);
    expect(server.ctx.events.visibleTo(principal('1001', 'agent'), { ...started, agentNotified: false }), 'off: the agent is not told').toBe(false);
  }, 90_000);

  it('a lead in the queue (就绪) is refused; a transfer ends the monitoring and hangs the lead up', async () => {
    await waitFor2(
      async () =>
        ((await call('GET', '/api/v1/acd/agents', '2001')).body.agents as Array<{ workNumber: string; state: string }>).find((a) => a.workNumber === '1001')
          ?.state === 'ready',
      15_000,
      'the agent back from after-call work',
    );
    const { agent } = await connectedCall();
    const callId = agent.callId;
    const base = `/api/v1/calls/${callId}/monitor`;
    // A lead who is 就绪 could be rung by the queue while monitoring: refused until 示忙.
    expect((await call('POST', '/api/v1/acd/agents/me/state', '2001', { state: 'ready' })).status).toBe(200);
    const busy = await call('POST', base, '2001', { mode: 'listen' });
    expect(busy.status).toBe(409);
    expect(JSON.stringify(busy.body)).toContain('monitor_lead_busy');
    expect((await call('POST', '/api/v1/acd/agents/me/state', '2001', { state: 'not_ready', reason: '会议' })).status).toBe(200);

    const lead = await startMonitor(callId, 'barge');
    // …and while monitoring the lead cannot go 就绪 either.
    const ready = await call('POST', '/api/v1/acd/agents/me/state', '2001', { state: 'ready' });
    expect(ready.status).toBe(409);
    expect(JSON.stringify(ready.body)).toContain('monitoring');
    expect((await call('POST', `/api/v1/calls/${callId}/transfer`, '1001', { target: 'ivr' })).status).toBe(200);
    await lead.ended;
    await agent.ended;
    expect(monitorEvents(callId).at(-1)).toMatchObject({ stage: 'ended', reason: 'transferred' });
    const stop = server.db.prepare("SELECT detail FROM audit_log WHERE action = 'call.monitor_stop' AND call_id = ?").pluck().get(callId) as string;
    expect(JSON.parse(stop)).toMatchObject({ reason: 'transferred', mode: 'barge', agentId: userId('1001') });
    expect((await call('DELETE', base, '2001')).status, 'nothing left to stop').toBe(404);
  }, 60_000);
});

async function waitFor2(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
