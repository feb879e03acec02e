// 260 INVITEs to 12329 from one sender that never ACKs, against the server process started with
// 256 file descriptors (prlimit): before, this stopped HTTP and SIP alike until a restart. Now
// the sender is refused past a few dozen unconfirmed calls (503 + Retry-After), the server keeps
// answering everyone else, and every answered call ends with a BYE and a closed record.
import { createSocket } from 'node:dgram';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../server-process-test-kit.js';
import { SIPP_MISSING, runSipp } from '../sip/sipp-test-kit.js';
import { waitFor } from '../media/media-test-kit.js';

const PRLIMIT = '/usr/bin/prlimit';
const SKIP = SIPP_MISSING ?? (existsSync(PRLIMIT) ? undefined : `prlimit (util-linux) is not installed at ${PRLIMIT}`);

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

describe.skipIf(SKIP !== undefined)(`un-ACKed INVITE flood under a 256-descriptor limit${SKIP ? ` [skipped: ${SKIP}]` : ''}`, () => {
  it('refuses the flooder past its share, keeps answering HTTP and SIP, and closes every call after Timer H', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'flood-test-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const server: ServerProcess = await startServerProcess(dataDir, { args: ['--service-hours', 'always'], wrap: [PRLIMIT, '--nofile=256:256', '--'] });
    cleanups.push(() => server.child.kill('SIGKILL'));

    const socket = createSocket('udp4');
    await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
    cleanups.push(() => socket.close());
    const statuses = new Map<string, number>();
    socket.on('message', (data) => {
      const text = data.toString();
      const status = /^SIP\/2\.0 (\d{3})/.exec(text)?.[1];
      const callId = /^Call-ID:\s*(\S+)/im.exec(text)?.[1];
      if (status && callId && Number(status) >= 200) statuses.set(callId, Number(status));
    });
    const local = socket.address().port;
    for (let n = 0; n < 260; n++) {
      const sdp = `v=0\r\no=x 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio ${20000 + n * 2} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n`;
      socket.send(
        `INVITE sip:12329@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:${local};branch=z9hG4bK-flood-${n}\r\nMax-Forwards: 70\r\nFrom: <sip:139${String(n).padStart(8, '0')}@127.0.0.1>;tag=f${n}\r\nTo: <sip:12329@127.0.0.1>\r\nCall-ID: flood-${n}\r\nCSeq: 1 INVITE\r\nContact: <sip:x@127.0.0.1:${local}>\r\nContent-Type: application/sdp\r\nContent-Length: ${Buffer.byteLength(sdp)}\r\n\r\n${sdp}`,
        server.sipUdpPort,
        '127.0.0.1',
      );
      if (n % 20 === 19) await new Promise((r) => setTimeout(r, 20));
    }
    await waitFor(() => statuses.size === 260, 15_000, 'a final answer to every INVITE');
    const answered = [...statuses.values()].filter((s) => s === 200).length;
    const refused = [...statuses.values()].filter((s) => s === 503).length;
    expect(answered + refused).toBe(260);
    expect(refused).toBeGreaterThan(200);

    // Meanwhile everyone else is served: HTTP, and a caller from another address (SIPp).
    expect((await fetch(new URL('/healthz', server.url))).status).toBe(200);
    const caller = await runSipp('uac-call.xml', server.sipUdpPort, ['-i', '127.0.0.2'], 30_000);
    expect(caller.code, caller.stdout + caller.errors).toBe(0);

    // After Timer H (32 s) every answered call of the flood has ended, with its record closed.
    const db = new Database(join(dataDir, 'agent-desk.sqlite'), { readonly: true });
    cleanups.push(() => db.close());
    await waitFor(
      () => (db.prepare("SELECT COUNT(*) FROM calls WHERE end_reason = 'no_ack'").pluck().get() as number) === answered,
      45_000,
      'every un-ACKed call closed',
    );
    expect(db.prepare('SELECT COUNT(*) FROM calls WHERE ended_at IS NULL').pluck().get()).toBe(0);
    expect((await fetch(new URL('/healthz', server.url))).status).toBe(200);
  }, 90_000);
});
