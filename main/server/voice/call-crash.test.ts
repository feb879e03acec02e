// The server as a process, with live calls: kill -9 then a restart on the same data folder, and a
// real SIGTERM. Each record ends closed and honest; nothing stays open; the restarted server works.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../server-process-test-kit.js';
import { SIPP_MISSING, runSipp, sippSuite } from '../sip/sipp-test-kit.js';
import { waitFor } from '../media/media-test-kit.js';
import { DeskPhone } from './desk-phone-test-kit.js';

const children: ChildProcess[] = [];
const closers: Array<() => void> = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

async function startServer(dataDir: string): Promise<ServerProcess> {
  const server = await startServerProcess(dataDir, { args: ['--demo', '--service-hours', 'always'] });
  children.push(server.child);
  return server;
}

async function api(url: string, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(new URL(path, url), {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, unknown> };
}

/** One caller talking with agent 1001 on a desk phone, one waiting in the queue behind. */
async function twoLiveCalls(server: ServerProcess): Promise<{ phone: DeskPhone; callers: Array<ReturnType<typeof runSipp>> }> {
  const token = String((await api(server.url, 'POST', '/api/v1/auth/login', undefined, { workNumber: '1001', password: 'demo1001' })).body.token);
  const phone = await DeskPhone.register(server, '1001');
  closers.push(() => phone.close());
  expect((await api(server.url, 'POST', '/api/v1/acd/agents/me/state', token, { state: 'ready' })).status).toBe(200);
  const talking = runSipp('caller-waits-for-bye.xml', server.sipUdpPort, ['-rtp_echo', '-timeout', '60s'], 70_000);
  await phone.answer(await phone.ringing(), 200);
  const queued = runSipp('caller-waits-for-bye.xml', server.sipUdpPort, ['-rtp_echo', '-timeout', '60s'], 70_000);
  await new Promise((r) => setTimeout(r, 3000)); // the second caller keys 0 at 1.5 s and queues
  return { phone, callers: [talking, queued] };
}

const rowsOf = (dataDir: string) => {
  const db = new Database(join(dataDir, 'agent-desk.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT answered_at, talk_ended_at, abandon_stage, hangup_side, end_reason, ended_at FROM calls ORDER BY arrived_at').all() as Array<
      Record<string, number | string | null>
    >;
  } finally {
    db.close();
  }
};

describe.skipIf(SIPP_MISSING !== undefined)(sippSuite('the server process with live calls: kill -9 and restart, SIGTERM'), () => {
  it('kill -9: the restart closes both calls at the cut, the talking one with its talk, the queued one abandoned; the server then takes calls', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'crash-test-'));
    closers.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = await startServer(dataDir);
    await twoLiveCalls(first); // its callers wait in vain for a BYE and time out by themselves
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    const second = await startServer(dataDir);
    const rows = rowsOf(dataDir);
    expect(rows.map((r) => [r.hangup_side, r.end_reason])).toEqual([
      ['system', 'server_restart'],
      ['system', 'server_restart'],
    ]);
    expect(rows[0]!.talk_ended_at as number).toBeGreaterThan(rows[0]!.answered_at as number);
    expect(rows[1]).toMatchObject({ answered_at: null, abandon_stage: 'queue' });
    // The restarted server answers and takes a new call (the old callers are gone with their sockets).
    expect((await api(second.url, 'GET', '/healthz')).status).toBe(200);
    const run = await runSipp('uac-call.xml', second.sipUdpPort, [], 30_000);
    expect(run.code, run.stdout + run.errors).toBe(0);
    second.child.kill('SIGTERM');
  }, 120_000);

  it('SIGTERM: every caller gets 系统维护 and a BYE, every record is closed as shutdown, the process exits 0', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sigterm-test-'));
    closers.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const server = await startServer(dataDir);
    const { callers } = await twoLiveCalls(server);
    server.child.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => server.child.once('exit', r));
    expect(code).toBe(0);
    for (const run of await Promise.all(callers)) expect(run.code, run.stdout + run.errors).toBe(0);
    await waitFor(() => rowsOf(dataDir).every((r) => r.ended_at !== null), 2000, 'closed records');
    expect(rowsOf(dataDir).map((r) => [r.hangup_side, r.end_reason, r.abandon_stage])).toEqual([
      ['system', 'shutdown', null],
      ['system', 'shutdown', 'queue'],
    ]);
  }, 120_000);
});
