import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import type { IncomingMessage } from './message.js';
import { sipModule } from './sip-module.js';
import type { SipStack } from './sip-stack.js';
import type { IncomingCall } from './sip-service.js';
import { TestPeer } from './sip-peer-test-kit.js';
import { SERVICES } from '../services.js';

const SDP = 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40010 RTP/AVP 0\r\n';

function options(branch: string, extra = ''): string {
  return `OPTIONS sip:12329@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK-${branch}\r\nFrom: <sip:x@127.0.0.1>;tag=1\r\nTo: <sip:12329@127.0.0.1>\r\nCall-ID: m-${branch}\r\nCSeq: 1 OPTIONS\r\n${extra}Content-Length: 0\r\n\r\n`;
}

describe('malformed UDP datagrams while a call is up', () => {
  let server: TestServer;
  let sip: SipStack;
  let peer: TestPeer;
  const calls: IncomingCall[] = [];

  beforeAll(async () => {
    server = await startTestServer([sipModule({ credentials: () => undefined })]);
    sip = server.ctx.services.require(SERVICES.sip, 'test') as SipStack;
    sip.delegate = { onIncomingCall: (call) => (calls.push(call), call.answer(SDP)) };
    peer = await TestPeer.udp(server.sipUdpPort);
  });
  afterAll(async () => {
    peer.close();
    await server.stop();
  });

  it('answers what can be answered with 400/513 saying why, drops the rest, and the call goes on', async () => {
    const dialog = (method: string, cseq: number, toTag = '') =>
      `${method} sip:12329@127.0.0.1:${server.sipUdpPort} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:${peer.localPort};branch=z9hG4bK-${method}-${cseq}\r\nMax-Forwards: 70\r\nf: "Caller" <sip:13900000000@127.0.0.1>;tag=caller\r\nt: <sip:12329@127.0.0.1>${toTag}\r\ni: call-under-fire\r\nCSeq: ${cseq} ${method}\r\nm: <sip:13900000000@127.0.0.1:${peer.localPort}>\r\n`;
    peer.send(`${dialog('INVITE', 1)}c: application/sdp\r\nl: ${SDP.length}\r\n\r\n${SDP}`);
    const ok = await peer.response(200, 'INVITE');
    const toTag = `;tag=${ok.toTag}`;
    peer.send(`${dialog('ACK', 1, toTag).replace('CSeq: 1 ACK', 'CSeq: 1 ACK')}l: 0\r\n\r\n`);
    await expect.poll(() => calls[0]?.state).toBe('established');

    const replies: IncomingMessage[] = [];
    peer.onMessage = (m) => replies.push(m);
    const garbage = [
      Buffer.from([0xff, 0x00, 0x13, 0x37, 0x0d, 0x0a]),
      Buffer.from('INVITE sip:12329@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5999;bra'),
      Buffer.from(options('cl', '').replace('Content-Length: 0', 'Content-Length: 500')),
      Buffer.from(options('big', `X-Padding: ${'a'.repeat(20_000)}\r\n`)),
      Buffer.from(options('noid').replace(/Call-ID: .*\r\n/, '')),
      Buffer.from(options('cseq').replace('CSeq: 1 OPTIONS', 'CSeq: one OPTIONS')),
      Buffer.from(options('mf', 'Max-Forwards: seventy\r\n')),
      Buffer.from('hello\r\n\r\n'),
    ];
    for (const datagram of garbage) peer.send(datagram);
    peer.send(options('fine'));
    await peer.next((m) => m.kind === 'response' && m.callId === 'm-fine');

    const byCallId = (id: string) => replies.find((m) => m.callId === id);
    expect(byCallId('m-cl')).toMatchObject({ status: 400, reason: 'Bad Request (Content-Length 500 larger than the body (0 bytes))' });
    expect(byCallId('m-big')).toMatchObject({ status: 513 });
    expect(byCallId('m-mf')).toMatchObject({ status: 400, reason: 'Bad Request (malformed Max-Forwards)' });
    // A 400 that copies a bad CSeq or lacks a Call-ID is unreadable to the peer's parser too.
    expect(replies.filter((m) => m.kind === 'response' && m.status !== 400 && m.status !== 513 && m.callId !== 'm-fine')).toEqual([]);
    expect(byCallId('m-fine')).toMatchObject({ status: 200 });

    peer.send(`${dialog('BYE', 2, toTag)}l: 0\r\n\r\n`);
    await peer.response(200, 'BYE');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.state).toBe('terminated');
  });
});
