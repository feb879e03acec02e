import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { authModule } from '../auth/auth-module.js';
import { acdModule } from '../acd/acd-module.js';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { SERVICES } from '../services.js';
import { ManualClock } from '../clock.js';
import { supervisionModule } from './supervision-module.js';
import { openEvents } from './supervision-test-kit.js';
import { supervisionSnapshotEventSchema } from '../../../shared/api/events/supervision.js';
import { lostCallersResponseSchema } from '../../../shared/api/supervision.js';

const MODULES = [authModule, acdModule, supervisionModule];
// 10:00 in Hangzhou: the whole test is inside one center day.
const T0 = Date.parse('2026-03-02T10:00:00+08:00');

let server: TestServer | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await server?.stop();
  server = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const userId = (s: TestServer, workNumber: string) => s.ctx.services.get(SERVICES.auth)!.users.findByWorkNumber(workNumber)!.id;

describe('supervision: the team lead board over the events socket', () => {
  it('sends the board only to team leads and admins: an agent socket gets nothing of it, nor may an agent act', async () => {
    server = await startTestServer(MODULES);
    const lead = await openEvents(server.url, await server.login('2001'));
    const agentToken = await server.login('1001');
    const agent = await openEvents(server.url, agentToken);
    const anonymous = await openEvents(server.url);
    await expect.poll(() => lead.of('supervision.snapshot').length).toBe(1);
    const snapshot = supervisionSnapshotEventSchema.parse(lead.of('supervision.snapshot')[0]);
    expect(snapshot.agents.map((a) => a.workNumber)).toEqual(expect.arrayContaining(['1001', '1010']));
    expect(snapshot.queue).toMatchObject({ calls: [], ringing: 0 });

    expect(
      (
        await server.call('POST', '/api/v1/acd/agents/me/state', agentToken, {
          state: 'ready',
        })
      ).status,
    ).toBe(200);
    await expect
      .poll(() => lead.of('supervision.agent').map((e) => e.agent as { workNumber: string; state: string }))
      .toContainEqual(expect.objectContaining({ workNumber: '1001', state: 'ready' }));
    // The agent's own socket saw its own state change, and no supervision event at all.
    await expect.poll(() => agent.of('acd.agent_state').length).toBe(1);
    expect(agent.messages.filter((m) => m.type.startsWith('supervision.'))).toEqual([]);
    expect(anonymous.messages.map((m) => m.type)).toEqual(['hello']);

    const forced = await server.call('POST', `/api/v1/supervision/agents/${userId(server, '1002')}/force`, agentToken, { state: 'signed_out', note: 'x' });
    expect(forced.status).toBe(403);
    expect((await server.call('POST', '/api/v1/supervision/queue/any/assign', agentToken, { agentId: 1 })).status).toBe(403);
    for (const s of [lead, agent, anonymous]) s.close();
  });

  it('forces 示忙 and sign-out with a reason: audited, and the agent desk is told who and why', async () => {
    server = await startTestServer(MODULES);
    const leadToken = await server.login('2001');
    const agentToken = await server.login('1003');
    const agent = await openEvents(server.url, agentToken);
    await server.call('POST', '/api/v1/acd/agents/me/state', agentToken, {
      state: 'ready',
    });
    const id = userId(server, '1003');

    const bad = await server.call('POST', `/api/v1/supervision/agents/${id}/force`, leadToken, { state: 'not_ready', reason: '会议', note: '  ' });
    expect(bad).toMatchObject({
      status: 400,
      body: { code: 'invalid_request' },
    });
    const forced = await server.call('POST', `/api/v1/supervision/agents/${id}/force`, leadToken, { state: 'not_ready', reason: '会议', note: '十点质检例会' });
    expect(forced).toMatchObject({ status: 200, body: { applied: 'now' } });
    await expect
      .poll(() => agent.of('acd.agent_state').at(-1))
      .toMatchObject({
        state: 'not_ready',
        reason: '会议',
        forcedBy: { workNumber: '2001', note: '十点质检例会' },
      });

    const out = await server.call('POST', `/api/v1/supervision/agents/${id}/force`, leadToken, { state: 'signed_out', note: '下班' });
    expect(out.body).toEqual({ applied: 'now' });
    const again = await server.call('POST', `/api/v1/supervision/agents/${id}/force`, leadToken, { state: 'signed_out', note: '下班' });
    expect(again).toMatchObject({ status: 409, body: { code: 'signed_out' } });

    const trail = server.ctx.services.get(SERVICES.audit)!.query({ entityType: 'agent', entityId: String(id), limit: 10 });
    expect(trail.map((e) => [e.action, e.actorUserId, e.detail?.note])).toEqual(
      expect.arrayContaining([
        ['supervision.force_state', userId(server, '2001'), '十点质检例会'],
        ['supervision.force_state', userId(server, '2001'), '下班'],
      ]),
    );
    expect(trail).toHaveLength(2);
    agent.close();
  });

  it('gives a lead the day right after a restart: answered, talk, ACW, 示忙, hang-ups, missed rings, queue service and lost callers', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'supervision-restart-'));
    dirs.push(dataDir);
    const clock = new ManualClock(T0);
    server = await startTestServer(MODULES, { clock, dataDir });
    const agentToken = await server.login('1001');
    const a = userId(server, '1001');
    const records = server.ctx.services.get(SERVICES.callRecords)!;
    await server.call('POST', '/api/v1/acd/agents/me/state', agentToken, {
      state: 'not_ready',
      reason: '小休',
    });
    clock.advance(120_000);

    // An answered call after 15 s: 60 s of talk, the agent hangs up first, 10 s of ACW.
    const answered = records.arrive({
      id: 'answered-1',
      caller: '13912349000',
      callee: '12329',
      transport: 'udp',
    });
    answered.offered();
    clock.advance(5_000);
    answered.ringStarted(a);
    clock.advance(10_000);
    answered.ringEnded(a, 'answered');
    answered.answered(a);
    clock.advance(60_000);
    answered.agentLeft(a, 'hangup');
    answered.talkEnded();
    answered.hungUp('agent');
    answered.acwStarted(a);
    clock.advance(10_000);
    answered.acwEnded(a);
    answered.ended('completed');
    // A caller who gave up after a missed ring.
    const lost = records.arrive({
      id: 'lost-1',
      caller: '13800001111',
      callee: '12329',
      transport: 'udp',
    });
    lost.offered();
    lost.ringStarted(a);
    clock.advance(20_000);
    lost.ringEnded(a, 'missed');
    clock.advance(5_000);
    lost.abandoned('queue');
    lost.hungUp('caller');
    lost.ended('abandoned');
    await server.stop();

    clock.advance(30_000);
    server = await startTestServer(MODULES, { clock, dataDir });
    const lead = await openEvents(server.url, await server.login('2001'));
    await expect.poll(() => lead.of('supervision.snapshot').length).toBe(1);
    const snapshot = supervisionSnapshotEventSchema.parse(lead.of('supervision.snapshot')[0]);
    const row = snapshot.agents.find((x) => x.workNumber === '1001')!;
    // Signed out by the restart until the desk re-registers; the day's figures come from the records.
    // 示忙 lasts, as the state log has it, until the restart signs the agent out (the 30 s down included).
    expect(row.state).toBe('signed_out');
    expect(row.today).toEqual({
      answered: 1,
      talkMsSum: 60_000,
      talkCount: 1,
      acwMsSum: 10_000,
      acwCount: 1,
      notReadyMs: 120_000 + 110_000 + 30_000,
      missedRings: 1,
      agentHangups: 1,
    });
    expect(snapshot.queue.today).toEqual({
      offered: 2,
      answered: 1,
      within20: 1,
      within40: 1,
      abandoned: 1,
    });

    const list = lostCallersResponseSchema.parse((await server.call('GET', '/api/v1/supervision/lost-callers', await server.login('1002'))).body);
    expect(list.callers).toEqual([
      expect.objectContaining({
        callId: 'lost-1',
        number: '138****1111',
        stage: 'queue',
        waitSec: 25,
        calledBack: null,
      }),
    ]);
    lead.close();
  });

  it('marks a lost caller called back once, with who and when, and tells the desks', async () => {
    const clock = new ManualClock(T0);
    server = await startTestServer(MODULES, { clock });
    const records = server.ctx.services.get(SERVICES.callRecords)!;
    const lost = records.arrive({
      id: 'lost-2',
      caller: '13912349000',
      callee: '12329',
      transport: 'udp',
    });
    lost.offered();
    clock.advance(30_000);
    lost.abandoned('ringing');
    lost.ended('abandoned');
    const agentToken = await server.login('1002');
    const agent = await openEvents(server.url, agentToken);

    clock.advance(60_000);
    const back = await server.call('POST', '/api/v1/supervision/lost-callers/lost-2/callback', agentToken);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({
      number: '13912349000',
      caller: {
        number: '139****9000',
        stage: 'ringing',
        waitSec: 30,
        calledBack: {
          workNumber: '1002',
          at: new Date(T0 + 90_000).toISOString(),
        },
      },
    });
    await expect
      .poll(() => agent.of('supervision.lost-caller'))
      .toEqual([
        {
          type: 'supervision.lost-caller',
          callId: 'lost-2',
          change: 'called_back',
        },
      ]);

    const lead = await server.login('2001');
    expect(await server.call('POST', '/api/v1/supervision/lost-callers/lost-2/callback', lead)).toMatchObject({
      status: 409,
      body: { code: 'already_called_back' },
    });
    expect(await server.call('POST', '/api/v1/supervision/lost-callers/nope/callback', lead)).toMatchObject({ status: 404, body: { code: 'not_lost' } });
    expect((await server.call('GET', '/api/v1/supervision/lost-callers?open=1', lead)).body.callers).toEqual([]);
    expect((await server.call('GET', '/api/v1/supervision/lost-callers?date=2026-03-02', lead)).body.callers).toHaveLength(1);
    expect((await server.call('GET', '/api/v1/supervision/lost-callers?date=2026-03-01', lead)).body.callers).toHaveLength(0);
    expect((await server.call('GET', '/api/v1/supervision/lost-callers?date=2026-02-30', lead)).status).toBe(400);
    const audit = server.ctx.services.get(SERVICES.audit)!.query({ entityType: 'call', entityId: 'lost-2', limit: 5 });
    expect(audit.map((e) => [e.action, e.actorUserId])).toEqual([['supervision.lost_caller_callback', userId(server, '1002')]]);
    agent.close();
  });
});
