import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { digestHa1 } from './digest.js';
import { sipModule } from './sip-module.js';
import type { SipStack } from './sip-stack.js';
import type { IncomingCall } from './sip-service.js';
import { TestPeer } from './sip-peer-test-kit.js';
import { GOOD_SDP, answerChallenge, sendInvite, sendRegister, uniq } from './sip-hardening-test-kit.js';
import { SERVICES } from '../services.js';

const CREDENTIALS: Record<string, { userId: number; ha1: string; displayName: string }> = {
  '1001': { userId: 1, ha1: digestHa1('1001', 'right-pass'), displayName: '张敏' },
  '1002': { userId: 2, ha1: digestHa1('1002', 'right-pass'), displayName: '李强' },
};

// Issue 12 items 6 and 7: answers decided by transaction and dialog rules, not by the delegate.
describe('SIP dialog and transaction rules over UDP', () => {
  let server: TestServer;
  let sip: SipStack;
  const offered: IncomingCall[] = [];
  let answerCalls = false;

  beforeAll(async () => {
    server = await startTestServer([sipModule({ credentials: (wn) => CREDENTIALS[wn], registrar: { maxBindingsPerAddress: 12 } })]);
    sip = server.ctx.services.require(SERVICES.sip, 'test');
    sip.delegate = { onIncomingCall: (call) => (offered.push(call), answerCalls ? call.answer(GOOD_SDP) : call.ring()) };
  });
  afterAll(() => server.stop());

  it('a second INVITE with the same Call-ID and From tag but a new branch is a merged request: 482', async () => {
    answerCalls = false;
    const caller = await TestPeer.udp(server.sipUdpPort);
    const callId = `merge-${uniq()}`;
    const before = offered.length;
    sendInvite(caller, server.sipUdpPort, { from: '13900000000', to: '12329', callId, branch: 'z9hG4bK-first' });
    await caller.response(180, 'INVITE');
    sendInvite(caller, server.sipUdpPort, { from: '13900000000', to: '12329', callId, branch: 'z9hG4bK-second' });
    const merged = await caller.finalOf(callId, 'INVITE');
    expect(merged).toMatchObject({ status: 482, reason: 'Loop Detected' });
    expect(merged.vias[0]!.branch).toBe('z9hG4bK-second');
    expect(offered.length - before).toBe(1);
    expect(offered.at(-1)!.state).toBe('ringing');
    offered.at(-1)!.reject(486);
    caller.close();
  });

  it('an ACK or a BYE from a foreign address changes nothing (BYE: 403); the caller’s own ACK and BYE count', async () => {
    answerCalls = true;
    const caller = await TestPeer.udp(server.sipUdpPort);
    const stranger = await TestPeer.udp(server.sipUdpPort, '127.0.0.2');
    const callId = `bye-${uniq()}`;
    sendInvite(caller, server.sipUdpPort, { from: '13900000000', to: '12329', callId });
    const ok = await caller.final('INVITE');
    expect(ok.status).toBe(200);
    const bye = (peer: TestPeer, cseq: number) =>
      peer.send(`BYE sip:12329@127.0.0.1:${server.sipUdpPort} SIP/2.0
Via: SIP/2.0/UDP 127.0.0.1:${peer.localPort};branch=z9hG4bK-bye-${uniq()}
Max-Forwards: 70
From: <sip:13900000000@127.0.0.1>;tag=f${callId}
To: <sip:12329@127.0.0.1>;tag=${ok.toTag}
Call-ID: ${callId}
CSeq: ${cseq} BYE
Content-Length: 0

`);
    const ack = (peer: TestPeer) =>
      peer.send(`ACK sip:12329@127.0.0.1:${server.sipUdpPort} SIP/2.0
Via: SIP/2.0/UDP 127.0.0.1:${peer.localPort};branch=z9hG4bK-ack-${uniq()}
Max-Forwards: 70
From: <sip:13900000000@127.0.0.1>;tag=f${callId}
To: <sip:12329@127.0.0.1>;tag=${ok.toTag}
Call-ID: ${callId}
CSeq: 1 ACK
Content-Length: 0

`);
    const call = offered.at(-1)!;
    // A stranger's ACK confirms nothing: the 200 keeps going to the caller until the caller ACKs.
    ack(stranger);
    await new Promise((r) => setTimeout(r, 300));
    expect(call.state).toBe('answering');
    ack(caller);
    await expect.poll(() => call.state).toBe('established');
    bye(stranger, 2);
    expect((await stranger.final('BYE')).status).toBe(403);
    expect(call.state).toBe('established');
    bye(caller, 3);
    expect((await caller.final('BYE')).status).toBe(200);
    expect(call.state).toBe('terminated');
    caller.close();
    stranger.close();
  });

  it('an INVITE with unparseable SDP gets 400, with SDP we cannot use 488; neither reaches the delegate', async () => {
    answerCalls = true;
    const caller = await TestPeer.udp(server.sipUdpPort);
    const before = offered.length;
    const offer = async (body: string) => {
      const callId = `sdp-${uniq()}`;
      sendInvite(caller, server.sipUdpPort, { from: '13900000000', to: '12329', callId, body });
      return (await caller.finalOf(callId, 'INVITE')).status;
    };
    expect(await offer('this is not SDP at all\r\n')).toBe(400);
    expect(await offer('v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=video 40010 RTP/AVP 96\r\n')).toBe(488);
    expect(await offer('v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 40010 RTP/AVP 0\r\n')).toBe(488);
    expect(offered.length).toBe(before);
    caller.close();
  });

  it('bindings per agent are capped: a flood of REGISTERs from new Contacts keeps the 200 small', async () => {
    const phone = await TestPeer.udp(server.sipUdpPort);
    const port = server.sipUdpPort;
    sendRegister(phone, port, { user: '1001', contactPort: 20000 });
    const challenge = await phone.response(401, 'REGISTER');
    let last;
    for (let i = 1; i <= 40; i++) {
      sendRegister(phone, port, {
        user: '1001',
        contactPort: 20000 + i,
        auth: answerChallenge(challenge, { user: '1001', password: 'right-pass', method: 'REGISTER', uri: `sip:127.0.0.1:${port}`, nc: i }),
      });
      last = await phone.final('REGISTER');
      expect(last.status).toBe(200);
    }
    expect(sip.registrations('1001').length).toBeLessThanOrEqual(10);
    // The newest Contact is kept: the phone that registered last is the one that rings.
    expect(sip.registrations('1001')[0]!.contact).toBe('sip:1001@127.0.0.1:20040');
    expect(last!.headers.getAll('Contact').length).toBeLessThanOrEqual(10);

    // Per source address, across agents: 10 + 2 bindings fill this server's cap of 12.
    sendRegister(phone, port, { user: '1002', contactPort: 30000 });
    const other = await phone.response(401, 'REGISTER');
    const statuses: number[] = [];
    for (let i = 1; i <= 3; i++) {
      sendRegister(phone, port, {
        user: '1002',
        contactPort: 30000 + i,
        auth: answerChallenge(other, { user: '1002', password: 'right-pass', method: 'REGISTER', uri: `sip:127.0.0.1:${port}`, nc: i }),
      });
      statuses.push((await phone.final('REGISTER')).status);
    }
    expect(statuses).toEqual([200, 200, 403]);
    expect(sip.registrations('1002')).toHaveLength(2);
    phone.close();
  });
});
