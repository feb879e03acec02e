import { createSocket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSipMessage } from './parser.js';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { sipModule } from './sip-module.js';
import type { SipStack } from './sip-stack.js';
import type { IncomingCall } from './sip-service.js';
import { runSipp } from './sipp-test-kit.js';
import { SERVICES } from '../services.js';

const ANSWER_SDP =
  'v=0\r\no=desk 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n';

describe('SIP over UDP with SIPp as the caller', () => {
  let server: TestServer;
  let sip: SipStack;
  const calls: IncomingCall[] = [];
  const events: string[] = [];

  beforeAll(async () => {
    server = await startTestServer([sipModule({ credentials: () => undefined })]);
    sip = server.ctx.services.require(SERVICES.sip, 'test') as SipStack;
    sip.delegate = {
      onIncomingCall(call) {
        calls.push(call);
        call.delegate = {
          onAck: () => events.push(`ack ${call.callId}`),
          onBye: () => events.push(`bye ${call.callId}`),
          onCancel: () => events.push(`cancel ${call.callId}`),
        };
        call.ring();
        // A call whose caller CANCELs is left ringing.
        if (call.to === '12329' && !call.remoteSdp.includes('cancel-me')) setTimeout(() => call.state !== 'terminated' && call.answer(ANSWER_SDP), 50);
      },
    };
  });
  afterAll(() => server.stop());

  it('publishes the UDP port it bound', () => {
    expect(server.sipUdpPort).toBeGreaterThan(0);
    expect(server.ctx.services.get(SERVICES.sipUdpPort)).toBe(server.sipUdpPort);
  });

  it('INVITE 12329 → 100/180/200 with SDP → ACK → BYE answered', async () => {
    const before = calls.length;
    const run = await runSipp('uac-call.xml', server.sipUdpPort);
    expect(run.errors).toBe('');
    expect(run.code).toBe(0);
    expect(calls.length).toBe(before + 1);
    const call = calls.at(-1)!;
    expect(call).toMatchObject({ from: '13800138000', to: '12329', transport: 'udp' });
    expect(call.remoteSdp).toContain('m=audio');
    expect(call.source.address).toBe('127.0.0.1');
    expect(events).toContain(`ack ${call.callId}`);
    expect(events).toContain(`bye ${call.callId}`);
    expect(call.state).toBe('terminated');
  });

  // Sent from a plain socket, back to back: SIPp cannot hold a response arriving between its own two
  // sends (it aborted the call on the 100 Trying when the machine was busy).
  it('the same INVITE twice makes one call with one answer', async () => {
    const before = calls.length;
    const socket = createSocket('udp4');
    await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
    const local = socket.address().port;
    const finals: number[] = [];
    socket.on('message', (data) => {
      const parsed = parseSipMessage(data);
      if (parsed.ok && parsed.message.kind === 'response' && parsed.message.status >= 200) finals.push(parsed.message.status);
    });
    const sdp = 'v=0\r\no=x 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40100 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n';
    const invite = `INVITE sip:12329@127.0.0.1:${server.sipUdpPort} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:${local};branch=z9hG4bK-twice-1\r\nMax-Forwards: 70\r\nFrom: <sip:13800138000@127.0.0.1>;tag=twice\r\nTo: <sip:12329@127.0.0.1>\r\nCall-ID: twice-1@127.0.0.1\r\nCSeq: 1 INVITE\r\nContact: <sip:caller@127.0.0.1:${local}>\r\nContent-Type: application/sdp\r\nContent-Length: ${Buffer.byteLength(sdp)}\r\n\r\n${sdp}`;
    socket.send(invite, server.sipUdpPort, '127.0.0.1');
    socket.send(invite, server.sipUdpPort, '127.0.0.1');
    await expect.poll(() => finals.length, { timeout: 5000 }).toBeGreaterThan(0);
    socket.close();
    expect(finals.every((status) => status === 200)).toBe(true);
    expect(calls.length).toBe(before + 1);
    expect(calls.at(-1)!.callId).toBe('twice-1@127.0.0.1');
  });

  it('OPTIONS → 200', async () => {
    const run = await runSipp('uac-options.xml', server.sipUdpPort);
    expect(run.errors).toBe('');
    expect(run.code).toBe(0);
  });

  it('INVITE to a number not served here → 404, no call offered', async () => {
    const before = calls.length;
    const run = await runSipp('uac-unknown-number.xml', server.sipUdpPort);
    expect(run.errors).toBe('');
    expect(run.code).toBe(0);
    expect(calls.length).toBe(before);
  });

  it('CANCEL before the answer → 200 for the CANCEL, 487 for the INVITE', async () => {
    const before = calls.length;
    const hold = sip.delegate!;
    sip.delegate = { onIncomingCall: (call) => (calls.push(call), (call.delegate = { onCancel: () => events.push(`cancel ${call.callId}`) }), call.ring()) };
    try {
      const run = await runSipp('uac-cancel.xml', server.sipUdpPort);
      expect(run.errors).toBe('');
      expect(run.code).toBe(0);
    } finally {
      sip.delegate = hold;
    }
    expect(calls.length).toBe(before + 1);
    const call = calls.at(-1)!;
    expect(events).toContain(`cancel ${call.callId}`);
    expect(call.state).toBe('terminated');
  });
});
