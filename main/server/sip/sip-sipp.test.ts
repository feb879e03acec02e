import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
        if (call.to === '12329' && !call.remoteSdp.includes('cancel-me')) setTimeout(() => call.answer(ANSWER_SDP), 50);
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

  it('the same INVITE twice makes one call with one answer', async () => {
    const before = calls.length;
    const run = await runSipp('uac-invite-retransmit.xml', server.sipUdpPort);
    expect(run.errors).toBe('');
    expect(run.code).toBe(0);
    expect(calls.length).toBe(before + 1);
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
