import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { authModule } from '../auth/auth-module.js';
import { acdModule } from '../acd/acd-module.js';
import { callHistoryModule } from '../calls/call-history-module.js';
import { ManualClock } from '../clock.js';
import { wrapUpModule } from './wrap-up-module.js';

const ADMIN_PASSWORD = 'wrap-up-admin-secret';
let server: TestServer | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  server = dataDir = undefined;
});

/** A call the agent answered at `at`, as the voice module records it (calls + call_agent_turns). */
function recordCall(dir: string, callId: string, workNumber: string, caller: string, at: number, endReason = 'caller_hangup') {
  const db = new Database(join(dir, 'agent-desk.sqlite'));
  const agentId = db.prepare('SELECT id FROM users WHERE work_number = ?').pluck().get(workNumber) as number;
  db.prepare(
    "INSERT INTO calls (id, center_code, direction, caller, callee, transport, arrived_at, answered_at, agent_id) VALUES (?, '330100', 'inbound', ?, '12329', 'udp', ?, ?, ?)",
  ).run(callId, caller, at - 20_000, at, agentId);
  db.prepare("INSERT INTO call_agent_turns (call_id, agent_id, kind, started_at, ended_at, end_reason) VALUES (?, ?, 'answer', ?, ?, ?)").run(
    callId,
    agentId,
    at,
    at + 95_000,
    endReason,
  );
  db.close();
}

async function start(clock: ManualClock) {
  dataDir = mkdtempSync(join(tmpdir(), 'agent-desk-wrap-up-'));
  server = await startTestServer([authModule, acdModule, wrapUpModule, callHistoryModule], { clock, dataDir, config: { adminPassword: ADMIN_PASSWORD } });
  return {
    admin: await server.login('9001', ADMIN_PASSWORD),
    agent: await server.login('1001'),
    other: await server.login('1002'),
    lead: await server.login('2001'),
  };
}

describe('wrap-up codes and today’s calls', () => {
  it('lets the center admin keep the codes and the rule; agents code their own calls; leads read per agent and per code', async () => {
    const clock = new ManualClock(Date.parse('2026-11-30T10:00:00+08:00'));
    const { admin, agent, other, lead } = await start(clock);
    const s = server!;
    const answered = await s.call('POST', '/api/v1/wrap-up-codes', admin, { code: 'ANSWERED', label: '已当场解答', sortOrder: 1 });
    expect(answered.status).toBe(201);
    const order = await s.call('POST', '/api/v1/wrap-up-codes', admin, { code: 'ORDER', label: '转工单', sortOrder: 2 });
    expect((await s.call('POST', '/api/v1/wrap-up-codes', admin, { code: 'ORDER', label: '重复' })).body.code).toBe('wrap_up_code_taken');
    expect((await s.call('POST', '/api/v1/wrap-up-codes', agent, { code: 'X', label: '坐席不能建' })).status).toBe(403);
    expect((await s.call('POST', '/api/v1/wrap-up-codes', admin, { code: 'bad code!', label: 'x' })).status).toBe(400);
    const retired = await s.call('POST', '/api/v1/wrap-up-codes', admin, { code: 'OLD', label: '旧代码' });
    await s.call('PATCH', `/api/v1/wrap-up-codes/${retired.body.id}`, admin, { active: false });
    expect((await s.call('PUT', '/api/v1/wrap-up-codes/settings', admin, { required: true })).body.required).toBe(true);
    // Every change of the list and the rule is in the audit log (issue 15), newest first.
    const trail = await s.call('GET', '/api/v1/audit?action=wrap_up', admin);
    expect(trail.body.entries.map((e: { action: string; detail: unknown }) => [e.action, e.detail])).toEqual([
      ['wrap_up.settings', { required: true }],
      ['wrap_up.update', { code: 'OLD', changes: { active: false } }],
      ['wrap_up.create', { code: 'OLD', label: '旧代码', sortOrder: 0 }],
      ['wrap_up.create', { code: 'ORDER', label: '转工单', sortOrder: 2 }],
      ['wrap_up.create', { code: 'ANSWERED', label: '已当场解答', sortOrder: 1 }],
    ]);
    expect((await s.call('GET', '/api/v1/wrap-up-codes/report?from=2026-11-30&to=2026-11-01', admin)).body.details[0]).toMatchObject({ path: 'to' });

    // Agents see the active codes, in the center's order, and the rule.
    const listed = await s.call('GET', '/api/v1/wrap-up-codes', agent);
    expect(listed.body).toMatchObject({ required: true, codes: [{ code: 'ANSWERED' }, { code: 'ORDER' }] });
    expect(listed.body.codes).toHaveLength(2);

    recordCall(dataDir!, 'call-1', '1001', '13800138000', clock.now() - 600_000);
    recordCall(dataDir!, 'call-2', '1001', '13900139000', clock.now() - 300_000, 'survey_handoff');
    expect((await s.call('POST', '/api/v1/calls/call-1/wrap-up', agent, { codeId: answered.body.id })).status).toBe(200);
    expect((await s.call('POST', '/api/v1/calls/call-2/wrap-up', agent, { codeId: order.body.id })).status).toBe(200);
    // Not their call, a retired code: refused, nothing stored.
    expect((await s.call('POST', '/api/v1/calls/call-1/wrap-up', other, { codeId: answered.body.id })).status).toBe(404);
    expect((await s.call('POST', '/api/v1/calls/call-1/wrap-up', agent, { codeId: retired.body.id })).status).toBe(400);

    const report = await s.call('GET', '/api/v1/wrap-up-codes/report', lead);
    expect(report.body.from).toBe('2026-11-30');
    expect(report.body.rows).toEqual([
      expect.objectContaining({ workNumber: '1001', code: 'ANSWERED', calls: 1 }),
      expect.objectContaining({ workNumber: '1001', code: 'ORDER', calls: 1 }),
    ]);
    expect(report.body.byCode.map((r: { code: string; calls: number }) => [r.code, r.calls])).toEqual([
      ['ANSWERED', 1],
      ['ORDER', 1],
    ]);
    expect((await s.call('GET', '/api/v1/wrap-up-codes/report', agent)).status).toBe(403);

    // Today's calls: the agent's own with the number; a team lead's look at them masked.
    const mine = await s.call('GET', '/api/v1/call-history', agent);
    expect(mine.body.day).toBe('2026-11-30');
    expect(mine.body.entries).toEqual([
      expect.objectContaining({
        callId: 'call-2',
        number: '13900139000',
        durationSeconds: 95,
        outcome: 'survey_handoff',
        wrapUp: expect.objectContaining({ code: 'ORDER' }),
      }),
      expect.objectContaining({
        callId: 'call-1',
        number: '13800138000',
        wrapUp: expect.objectContaining({ label: '已当场解答' }),
        note: null,
        workOrderId: null,
      }),
    ]);
    const asLead = await s.call('GET', '/api/v1/call-history?agent=1001', lead);
    expect(asLead.body.entries.map((e: { number: string }) => e.number)).toEqual(['139****9000', '138****8000']);
    expect((await s.call('GET', '/api/v1/call-history?agent=1001', other)).status).toBe(403);
    // Yesterday's calls are not today's.
    clock.advance(24 * 3600_000);
    expect((await s.call('GET', '/api/v1/call-history', await s.login('1001'))).body.entries).toEqual([]);
  });
});
