import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../clock.js';
import { createLogger } from '../logger.js';
import { DigestAuthenticator, digestHa1 } from './digest.js';
import type { IncomingMessage, IncomingRequest } from './message.js';
import { SipStack } from './sip-stack.js';
import { TestPeer } from './sip-peer-test-kit.js';

const SDP = 'v=0\r\no=x 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n';

/** A response to `request` from the fake carrier, with extra header lines. */
function reply(request: IncomingMessage, status: string, extra = ''): string {
  const h = (name: string) => `${name}: ${request.headers.get(name)}\n`;
  return `SIP/2.0 ${status}\n${h('Via')}${h('From')}To: ${request.headers.get('To')};tag=carrier\n${h('Call-ID')}${h('CSeq')}${extra}Content-Length: 0\n\n`;
}

describe('outgoing INVITE through a trunk that challenges (RFC 3261 §22.2)', () => {
  const closers: Array<() => unknown> = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  async function setUp() {
    const stack = new SipStack({ host: '127.0.0.1', logger: createLogger('silent'), clock: systemClock, credentials: () => undefined });
    await stack.listenUdp(0);
    const carrier = await TestPeer.udp(stack.udpPort);
    closers.push(
      () => carrier.close(),
      () => stack.close(),
    );
    return { stack, carrier };
  }

  it('answers a 407 once with Proxy-Authorization on CSeq 2, which the carrier can verify', async () => {
    const { stack, carrier } = await setUp();
    const authenticator = new DigestAuthenticator(systemClock, 'carrier.example');
    const call = stack.inviteUri(`sip:13900000000@127.0.0.1:${carrier.localPort}`, SDP, { credentials: { username: 'center0571', password: 'trunk-secret' } });
    const first = (await carrier.request('INVITE')) as IncomingRequest;
    expect(first.headers.get('Proxy-Authorization')).toBeUndefined();
    carrier.send(reply(first, '407 Proxy Authentication Required', `Proxy-Authenticate: ${authenticator.challenge()}\n`));
    expect((await carrier.request('ACK')).cseq.seq).toBe(1);
    const second = (await carrier.request('INVITE')) as IncomingRequest;
    expect(second.cseq.seq).toBe(2);
    expect(second.callId).toBe(first.callId);
    const verdict = authenticator.verify(
      second.headers.get('Proxy-Authorization'),
      'INVITE',
      () => [digestHa1('center0571', 'trunk-secret', 'carrier.example')],
      second.uri,
    );
    expect(verdict).toEqual({ result: 'ok', username: 'center0571' });
    carrier.send(reply(second, '486 Busy Here'));
    expect(await call.result).toMatchObject({ answered: false, status: 486 });
  });

  it('gives up on a second challenge, and fails at once without credentials', async () => {
    const { stack, carrier } = await setUp();
    const challenge = `WWW-Authenticate: ${new DigestAuthenticator(systemClock, 'carrier.example').challenge()}\n`;
    const withWrong = stack.inviteUri(`sip:13900000000@127.0.0.1:${carrier.localPort}`, SDP, { credentials: { username: 'center0571', password: 'wrong' } });
    carrier.send(reply(await carrier.request('INVITE'), '401 Unauthorized', challenge));
    await carrier.request('ACK');
    carrier.send(reply(await carrier.request('INVITE'), '401 Unauthorized', challenge));
    expect(await withWrong.result).toMatchObject({ answered: false, status: 401 });

    const without = stack.inviteUri(`sip:13900000001@127.0.0.1:${carrier.localPort}`, SDP);
    carrier.send(reply(await carrier.request('INVITE'), '401 Unauthorized', challenge));
    expect(await without.result).toMatchObject({ answered: false, status: 401 });
  });
});
