import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { digestHa1, digestResponse, parseDigestCredentials } from './digest.js';
import type { IncomingMessage, IncomingRequest } from './message.js';
import type { RegistrationEvent } from './registrar.js';
import { sipModule } from './sip-module.js';
import type { SipStack } from './sip-stack.js';
import { TestPeer } from './sip-peer-test-kit.js';
import { SERVICES } from '../services.js';

const CREDENTIALS = { '1001': { userId: 1, ha1: digestHa1('1001', 'right-pass'), displayName: '张敏' } } as Record<
  string,
  { userId: number; ha1: string; displayName: string }
>;
const OFFER = 'v=0\r\no=b2bua 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40002 UDP/TLS/RTP/SAVPF 0\r\n';

let seq = 0;
function register(peer: TestPeer, user: string, options: { auth?: string; expires?: number; callId?: string } = {}): void {
  seq++;
  peer.send(`REGISTER sip:127.0.0.1 SIP/2.0
Via: SIP/2.0/WS abc.invalid;branch=z9hG4bK-reg-${seq}
Max-Forwards: 70
To: <sip:${user}@127.0.0.1>
From: "Agent" <sip:${user}@127.0.0.1>;tag=reg${user}
Call-ID: ${options.callId ?? `reg-${user}`}
CSeq: ${seq} REGISTER
Contact: <sip:x${user}@abc.invalid;transport=ws>;expires=${options.expires ?? 600}
${options.auth ? `Authorization: ${options.auth}\n` : ''}Content-Length: 0

`);
}

function authorize(challenge: IncomingMessage, user: string, password: string, nc = '00000001'): string {
  const c = parseDigestCredentials(challenge.headers.get('WWW-Authenticate')!)!;
  const uri = 'sip:127.0.0.1';
  const response = digestResponse({ ha1: digestHa1(user, password), nonce: c.nonce!, method: 'REGISTER', uri, qop: 'auth', nc, cnonce: 'abc' });
  return `Digest username="${user}", realm="12329", nonce="${c.nonce}", uri="${uri}", response="${response}", algorithm=MD5, qop=auth, nc=${nc}, cnonce="abc"`;
}

async function registered(peer: TestPeer, user: string, password: string): Promise<IncomingMessage> {
  register(peer, user);
  const challenge = await peer.response(401, 'REGISTER');
  register(peer, user, { auth: authorize(challenge, user, password) });
  return peer.next((m) => m.kind === 'response' && m.cseq.method === 'REGISTER' && m.status >= 200);
}

describe('SIP over WebSocket: registrar and calls to agents', () => {
  let server: TestServer;
  let sip: SipStack;
  const clock = new ManualClock(Date.UTC(2026, 0, 5, 9));
  const events: RegistrationEvent[] = [];
  const wsUrl = () => `${server.url.replace('http', 'ws')}/sip`;

  beforeAll(async () => {
    server = await startTestServer([sipModule({ credentials: (wn) => CREDENTIALS[wn] })], { clock });
    sip = server.ctx.services.require(SERVICES.sip, 'test') as SipStack;
    sip.onRegistration((e) => events.push(e));
  });
  afterAll(() => server.stop());

  it('challenges with 401, accepts the right digest with 200 and reports the agent registered', async () => {
    const peer = await TestPeer.ws(wsUrl());
    register(peer, '1001');
    const challenge = await peer.response(401, 'REGISTER');
    expect(challenge.headers.get('WWW-Authenticate')).toMatch(/^Digest realm="12329", nonce="[^"]+", algorithm=MD5, qop="auth"$/);
    register(peer, '1001', { auth: authorize(challenge, '1001', 'right-pass') });
    const ok = await peer.response(200, 'REGISTER');
    expect(ok.headers.get('Contact')).toBe('<sip:x1001@abc.invalid;transport=ws>;expires=600');
    expect(sip.isRegistered('1001')).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'registered', workNumber: '1001', displayName: '张敏', transport: 'ws' });
    peer.close();
    await expect.poll(() => sip.isRegistered('1001')).toBe(false);
    expect(events.at(-1)).toMatchObject({ type: 'unregistered', workNumber: '1001', reason: 'flow-closed' });
  });

  it('a wrong password gets 401 the first time, then 403', async () => {
    const peer = await TestPeer.ws(wsUrl());
    register(peer, '1001');
    const first = await peer.response(401, 'REGISTER');
    register(peer, '1001', { auth: authorize(first, '1001', 'wrong') });
    const second = await peer.response(401, 'REGISTER');
    register(peer, '1001', { auth: authorize(second, '1001', 'wrong') });
    await peer.response(403, 'REGISTER');
    expect(sip.isRegistered('1001')).toBe(false);
    peer.close();
  });

  it('an expired nonce gets 401 with stale=true', async () => {
    const peer = await TestPeer.ws(wsUrl());
    register(peer, '1001');
    const challenge = await peer.response(401, 'REGISTER');
    clock.advance(6 * 60_000);
    register(peer, '1001', { auth: authorize(challenge, '1001', 'right-pass') });
    const stale = await peer.response(401, 'REGISTER');
    expect(stale.headers.get('WWW-Authenticate')).toMatch(/stale=true/);
    register(peer, '1001', { auth: authorize(stale, '1001', 'right-pass') });
    await peer.response(200, 'REGISTER');
    // The same nonce again, with the next nonce count (a replay of nc 1 would be stale).
    register(peer, '1001', { auth: authorize(stale, '1001', 'right-pass', '00000002'), expires: 0 });
    const gone = await peer.response(200, 'REGISTER');
    expect(gone.headers.get('Contact')).toBeUndefined();
    expect(sip.isRegistered('1001')).toBe(false);
    expect(events.at(-1)).toMatchObject({ type: 'unregistered', reason: 'unregistered' });
    peer.close();
  });

  it('inviteAgent rings the registered agent over its WebSocket: 180 → 200 → ACK → BYE', async () => {
    const agent = await TestPeer.ws(wsUrl());
    expect(await registered(agent, '1001', 'right-pass')).toMatchObject({ status: 200 });
    const answer = 'v=0\r\no=agent 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 0\r\n';
    const call = sip.inviteAgent('1001', OFFER, { callerNumber: '13800138000', callerDisplay: '来电', headers: { 'X-Call-Ref': 'c-1' } });
    const progress: number[] = [];
    let answered = '';
    call.delegate = { onProgress: (status) => progress.push(status), onAnswered: (sdp) => (answered = sdp) };

    const invite = (await agent.request('INVITE')) as IncomingRequest;
    expect(invite.uri).toBe('sip:x1001@abc.invalid;transport=ws');
    expect(invite.from).toMatchObject({ displayName: '来电', parsedUri: { user: '13800138000' } });
    expect(invite.headers.get('X-Call-Ref')).toBe('c-1');
    expect(invite.body).toBe(OFFER);
    const reply = (status: number, body = '') =>
      agent.send(`SIP/2.0 ${status} ${status === 180 ? 'Ringing' : 'OK'}
${invite.headers
  .getAll('Via')
  .map((v) => `Via: ${v}`)
  .join('\n')}
From: ${invite.headers.get('From')}
To: ${invite.headers.get('To')};tag=agent1
Call-ID: ${invite.callId}
CSeq: 1 INVITE
Contact: <sip:x1001@abc.invalid;transport=ws>
${body ? 'Content-Type: application/sdp\n' : ''}Content-Length: ${Buffer.byteLength(body)}

${body}`);
    reply(180);
    await expect.poll(() => progress).toEqual([180]);
    reply(200, answer);
    expect(await call.result).toEqual({ answered: true, sdp: answer });
    expect(answered).toBe(answer);
    const ack = await agent.request('ACK');
    expect(ack.cseq).toEqual({ seq: 1, method: 'ACK' });
    expect(ack.headers.get('To')).toContain('tag=agent1');
    expect(call.state).toBe('established');

    // The agent hangs up.
    let byes = 0;
    call.delegate.onBye = () => byes++;
    agent.send(`BYE sip:12329@127.0.0.1 SIP/2.0
Via: SIP/2.0/WS abc.invalid;branch=z9hG4bK-bye-1
Max-Forwards: 70
From: <sip:1001@127.0.0.1>;tag=agent1
To: ${invite.headers.get('From')}
Call-ID: ${invite.callId}
CSeq: 2 BYE
Content-Length: 0

`);
    await agent.response(200, 'BYE');
    expect(byes).toBe(1);
    expect(call.state).toBe('terminated');
    agent.close();
  });

  it('inviteAgent to an agent who is not registered fails with 480', async () => {
    const call = sip.inviteAgent('1999', OFFER);
    expect(await call.result).toMatchObject({ answered: false, status: 480 });
  });

  it('the agent declines with 486, which we ACK', async () => {
    const agent = await TestPeer.ws(wsUrl());
    await registered(agent, '1001', 'right-pass');
    const call = sip.inviteAgent('1001', OFFER);
    const invite = await agent.request('INVITE');
    agent.send(`SIP/2.0 486 Busy Here
${invite.headers
  .getAll('Via')
  .map((v) => `Via: ${v}`)
  .join('\n')}
From: ${invite.headers.get('From')}
To: ${invite.headers.get('To')};tag=busy
Call-ID: ${invite.callId}
CSeq: 1 INVITE
Content-Length: 0

`);
    expect(await call.result).toMatchObject({ answered: false, status: 486 });
    const ack = await agent.request('ACK');
    expect(ack.headers.get('Via')).toBe(invite.headers.get('Via'));
    agent.close();
  });
});
