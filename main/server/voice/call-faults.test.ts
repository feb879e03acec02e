// Faults a call must survive with an honest record: a 200 the caller never ACKs (one, then a
// flood), and a server stopped with callers in the queue and on the line.
import { createSocket, type Socket } from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { SERVER_MODULES } from '../modules.js';
import { sipModule, sipServerModule } from '../sip/sip-module.js';
import { SIPP_MISSING, runSipp, sippSuite } from '../sip/sipp-test-kit.js';
import { waitFor } from '../media/media-test-kit.js';
import { parseSipMessage } from '../sip/parser.js';
import { SERVICES } from '../services.js';
import { DeskPhone } from './desk-phone-test-kit.js';

/** Timer H (64×T1) in 1.6 s instead of 32 s. */
const FAST_SIP = SERVER_MODULES.map((m) => (m === sipServerModule ? sipModule({ timers: { T1: 25 } }) : m));

let server: TestServer | undefined;
const closers: Array<() => void> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) close();
  await server?.stop();
  server = undefined;
});

/** A caller that sends INVITEs and never ACKs: what it receives, by SIP Call-ID. */
async function unAckingCaller(port: number): Promise<{ socket: Socket; invite(n: number): void; got: Map<string, string[]> }> {
  const socket = createSocket('udp4');
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
  closers.push(() => socket.close());
  const got = new Map<string, string[]>();
  socket.on('message', (data, from) => {
    const parsed = parseSipMessage(data);
    if (!parsed.ok) return;
    const m = parsed.message;
    const what = m.kind === 'request' ? m.method : String(m.status);
    got.set(m.callId, [...(got.get(m.callId) ?? []), what]);
    // The server's BYE gets its 200, as a phone would answer.
    if (m.kind === 'request' && m.method === 'BYE') {
      const h = (name: string) =>
        m.headers
          .getAll(name)
          .map((v) => `${name}: ${v}\r\n`)
          .join('');
      socket.send(`SIP/2.0 200 OK\r\n${h('Via')}${h('From')}${h('To')}${h('Call-ID')}${h('CSeq')}Content-Length: 0\r\n\r\n`, from.port, from.address);
    }
  });
  const local = socket.address().port;
  const sdp = `v=0\r\no=x 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio ${local + 2} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n`;
  return {
    socket,
    got,
    invite(n) {
      const text = `INVITE sip:12329@127.0.0.1:${port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:${local};branch=z9hG4bK-noack-${n}\r\nMax-Forwards: 70\r\nFrom: <sip:1390000${String(n).padStart(4, '0')}@127.0.0.1>;tag=f${n}\r\nTo: <sip:12329@127.0.0.1>\r\nCall-ID: noack-${n}@127.0.0.1\r\nCSeq: 1 INVITE\r\nContact: <sip:caller@127.0.0.1:${local}>\r\nContent-Type: application/sdp\r\nContent-Length: ${Buffer.byteLength(sdp)}\r\n\r\n${sdp}`;
      socket.send(text, port, '127.0.0.1');
    },
  };
}

describe('un-ACKed INVITEs (RFC 3261 §13.3.1.4)', () => {
  it('a 200 never ACKed ends with a BYE after Timer H and a closed record; a flood leaves no record, call object or SIP dialog open', async () => {
    server = await startTestServer(FAST_SIP, { config: { serviceHours: 'always' } });
    const s = server;
    const caller = await unAckingCaller(s.sipUdpPort);
    caller.invite(0);
    await waitFor(() => caller.got.get('noack-0@127.0.0.1')?.includes('BYE') ?? false, 10_000, 'the BYE after Timer H');
    expect(caller.got.get('noack-0@127.0.0.1')!.filter((x) => x === '200').length, 'the 200 was retransmitted').toBeGreaterThan(1);
    await waitFor(
      () => (s.db.prepare("SELECT COUNT(*) FROM calls WHERE sip_call_id = 'noack-0@127.0.0.1' AND ended_at IS NOT NULL").pluck().get() as number) === 1,
      5000,
      'the record to close',
    );
    expect(s.db.prepare("SELECT end_reason, hangup_side FROM calls WHERE sip_call_id = 'noack-0@127.0.0.1'").get()).toEqual({
      end_reason: 'no_ack',
      hangup_side: 'system',
    });

    // A flood of 120 from one sender: past 32 unconfirmed calls it is refused (503); every call
    // it was answered ends, nothing stays open, nothing leaks.
    for (let i = 1; i <= 120; i++) caller.invite(i);
    const finalOf = (i: number) => caller.got.get(`noack-${i}@127.0.0.1`)?.find((x) => x === '200' || x === '503');
    await waitFor(() => Array.from({ length: 120 }, (_, i) => finalOf(i + 1)).every(Boolean), 10_000, 'an answer to every INVITE');
    const answered = Array.from({ length: 120 }, (_, i) => finalOf(i + 1)).filter((x) => x === '200').length;
    expect(answered).toBeLessThanOrEqual(32);
    await waitFor(
      () => (s.db.prepare("SELECT COUNT(*) FROM calls WHERE end_reason = 'no_ack'").pluck().get() as number) === answered + 1,
      30_000,
      'every answered call closed as no_ack',
    );
    expect(s.db.prepare('SELECT COUNT(*) FROM calls WHERE ended_at IS NULL').pluck().get()).toBe(0);
    await waitFor(() => s.ctx.services.require(SERVICES.calls, 'test').inProgress().inbound === 0, 5000, 'no call object left');
    expect(s.ctx.services.require(SERVICES.sip, 'test').core.activeCalls).toBe(0);
  }, 60_000);
});

describe.skipIf(SIPP_MISSING !== undefined)(sippSuite('shutdown with live calls'), () => {
  it('every caller hears 系统维护 and gets a BYE; queued calls count as abandoned, talking ones keep their talk; side system, reason shutdown', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'shutdown-test-'));
    closers.push(() => rmSync(dataDir, { recursive: true, force: true }));
    server = await startTestServer(SERVER_MODULES, { config: { serviceHours: 'always' }, dataDir });
    const s = server;
    const token = await s.login('1001');
    const phone = await DeskPhone.register(s, '1001');
    closers.push(() => phone.close());
    expect((await s.call('POST', '/api/v1/acd/agents/me/state', token, { state: 'ready' })).status).toBe(200);
    // One caller talks with the agent, one waits in the queue behind.
    const talking = runSipp('caller-waits-for-bye.xml', s.sipUdpPort, ['-rtp_echo', '-timeout', '60s'], 70_000);
    const call = await phone.answer(await phone.ringing(), 300);
    const queued = runSipp('caller-waits-for-bye.xml', s.sipUdpPort, ['-rtp_echo', '-timeout', '60s'], 70_000);
    await waitFor(
      () => (s.db.prepare('SELECT COUNT(*) FROM calls WHERE offered_to_agent = 1').pluck().get() as number) === 2,
      10_000,
      'the second caller queued',
    );
    await s.stop();
    server = undefined;
    const db = new Database(join(dataDir, 'agent-desk.sqlite'), { readonly: true });
    closers.push(() => db.close());
    for (const run of [await talking, await queued]) expect(run.code, run.stdout + run.errors).toBe(0); // each got its BYE
    await call.ended; // the agent's phone was hung up too
    const rows = db.prepare('SELECT answered_at, talk_ended_at, abandon_stage, hangup_side, end_reason FROM calls ORDER BY arrived_at').all() as Array<
      Record<string, unknown>
    >;
    expect(rows.map((r) => [r.hangup_side, r.end_reason])).toEqual([
      ['system', 'shutdown'],
      ['system', 'shutdown'],
    ]);
    expect(rows[0]!.answered_at).toEqual(expect.any(Number));
    expect(rows[0]!.talk_ended_at as number).toBeGreaterThan(rows[0]!.answered_at as number);
    expect(rows[1]).toMatchObject({ answered_at: null, abandon_stage: 'queue' });
    // The agent's after-call work was closed by the shutdown, counted once.
    expect(db.prepare('SELECT acw_count FROM calls ORDER BY arrived_at').pluck().all()).toEqual([1, 0]);
  }, 90_000);
});
