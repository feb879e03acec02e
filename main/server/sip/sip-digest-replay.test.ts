import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { digestHa1 } from './digest.js';
import type { IncomingRequest, IncomingResponse } from './message.js';
import { sipModule } from './sip-module.js';
import type { SipStack } from './sip-stack.js';
import type { CallingAgent, IncomingCall } from './sip-service.js';
import { TestPeer } from './sip-peer-test-kit.js';
import { answerChallenge, sendInvite, sendRegister, uniq } from './sip-hardening-test-kit.js';
import { SERVICES } from '../services.js';

const CREDENTIALS: Record<string, { userId: number; ha1: string; displayName: string }> = {
  '1001': { userId: 1, ha1: digestHa1('1001', 'right-pass'), displayName: '张敏' },
  '1002': { userId: 2, ha1: digestHa1('1002', 'right-pass'), displayName: '李强' },
};

// Issue 12 items 2 and 3: a captured Authorization must prove nothing a second time.
describe('digest replay over UDP', () => {
  let server: TestServer;
  let sip: SipStack;
  const agentCalls: Array<{ to: string; agent: CallingAgent }> = [];

  beforeAll(async () => {
    server = await startTestServer([sipModule({ credentials: (wn) => CREDENTIALS[wn] })]);
    sip = server.ctx.services.require(SERVICES.sip, 'test');
    sip.delegate = {
      onIncomingCall: (call) => call.reject(486),
      onAgentCall: (call: IncomingCall, agent) => (agentCalls.push({ to: call.to, agent }), call.reject(486)),
    };
  });
  afterAll(() => server.stop());

  it('a replayed REGISTER from another port and Contact is refused with stale=true; the binding and the next call are unchanged', async () => {
    const port = server.sipUdpPort;
    const agent = await TestPeer.udp(port);
    const attacker = await TestPeer.udp(port);
    sendRegister(agent, port, { user: '1001', contactPort: agent.localPort });
    const challenge = await agent.response(401, 'REGISTER');
    const auth = answerChallenge(challenge, { user: '1001', password: 'right-pass', method: 'REGISTER', uri: `sip:127.0.0.1:${port}` });
    sendRegister(agent, port, { user: '1001', contactPort: agent.localPort, auth });
    await agent.response(200, 'REGISTER');

    sendRegister(attacker, port, { user: '1001', contactPort: attacker.localPort, auth, callId: 'evil' });
    const refused = await attacker.final('REGISTER');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('WWW-Authenticate')).toMatch(/stale=true/);
    expect(sip.registrations('1001').map((b) => b.contact)).toEqual([`sip:1001@127.0.0.1:${agent.localPort}`]);

    const call = sip.inviteAgent('1001', 'v=0\r\n');
    const invite = (await agent.request('INVITE')) as IncomingRequest;
    expect(invite.uri).toBe(`sip:1001@127.0.0.1:${agent.localPort}`);
    call.cancel();
    expect(attacker.received.filter((m) => m.kind === 'request')).toEqual([]);
    agent.close();
    attacker.close();
  });

  it('the same nonce with a higher nc is fine; the same nc again is a replay', async () => {
    const port = server.sipUdpPort;
    const agent = await TestPeer.udp(port);
    sendRegister(agent, port, { user: '1002', contactPort: agent.localPort });
    const challenge = await agent.response(401, 'REGISTER');
    const uri = `sip:127.0.0.1:${port}`;
    for (const nc of [1, 2, 3]) {
      sendRegister(agent, port, {
        user: '1002',
        contactPort: agent.localPort,
        auth: answerChallenge(challenge, { user: '1002', password: 'right-pass', method: 'REGISTER', uri, nc }),
      });
      await agent.response(200, 'REGISTER');
    }
    sendRegister(agent, port, {
      user: '1002',
      contactPort: agent.localPort,
      auth: answerChallenge(challenge, { user: '1002', password: 'right-pass', method: 'REGISTER', uri, nc: 2, cnonce: 'other' }),
    });
    const replay = await agent.final('REGISTER');
    expect(replay.status).toBe(401);
    expect(replay.headers.get('WWW-Authenticate')).toMatch(/stale=true/);
    agent.close();
  });

  it('a digest whose uri is not the Request-URI proves nothing', async () => {
    const port = server.sipUdpPort;
    const agent = await TestPeer.udp(port);
    sendRegister(agent, port, { user: '1002', contactPort: agent.localPort });
    const challenge = await agent.response(401, 'REGISTER');
    sendRegister(agent, port, {
      user: '1002',
      contactPort: agent.localPort,
      auth: answerChallenge(challenge, { user: '1002', password: 'right-pass', method: 'REGISTER', uri: 'sip:elsewhere.example' }),
    });
    const reply = await agent.final('REGISTER');
    expect(reply.status).not.toBe(200);
    agent.close();
  });

  it('a replayed Proxy-Authorization on an INVITE to another number gets 407 stale=true and reaches no trunk', async () => {
    const port = server.sipUdpPort;
    const agent = await TestPeer.udp(port);
    const attacker = await TestPeer.udp(port);
    const callId = `fu-${uniq()}`;
    sendInvite(agent, port, { from: '1001', to: '13800138000', callId });
    const challenge = (await agent.final('INVITE', 400)) as IncomingResponse;
    expect(challenge.reason).toBe('Proxy Authentication Required');
    const auth = answerChallenge(challenge, { user: '1001', password: 'right-pass', method: 'INVITE', uri: `sip:13800138000@127.0.0.1:${port}` });
    sendInvite(agent, port, { from: '1001', to: '13800138000', callId, cseq: 2, auth });
    await agent.response(486, 'INVITE');
    expect(agentCalls.map((c) => c.to)).toEqual(['13800138000']);

    const evil = `evil-${uniq()}`;
    sendInvite(attacker, port, { from: '1001', to: '0044207946000', callId: evil, auth });
    const refused = await attacker.finalOf(evil, 'INVITE', 400);
    expect(refused.status).toBe(407);
    expect(refused.headers.get('Proxy-Authenticate')).toMatch(/stale=true/);
    // Same number, same digest again: a replay too.
    const again = `evil-${uniq()}`;
    sendInvite(attacker, port, { from: '1001', to: '13800138000', callId: again, auth });
    expect((await attacker.finalOf(again, 'INVITE', 400)).headers.get('Proxy-Authenticate')).toMatch(/stale=true/);
    expect(agentCalls.map((c) => c.to)).toEqual(['13800138000']);
    agent.close();
    attacker.close();
  });

  it('an agent proven by digest cannot place a call in another agent’s name', async () => {
    const port = server.sipUdpPort;
    const agent = await TestPeer.udp(port);
    const callId = `name-${uniq()}`;
    sendInvite(agent, port, { from: '1002', to: '13800138000', callId });
    const challenge = await agent.finalOf(callId, 'INVITE', 400);
    const auth = answerChallenge(challenge, { user: '1001', password: 'right-pass', method: 'INVITE', uri: `sip:13800138000@127.0.0.1:${port}` });
    const before = agentCalls.length;
    sendInvite(agent, port, { from: '1002', to: '13800138000', callId, cseq: 2, auth });
    const refused = await agent.next((m) => m.kind === 'response' && m.callId === callId && m.cseq.seq === 2 && m.status >= 400);
    expect(refused).toMatchObject({ status: 403 });
    expect(agentCalls.length).toBe(before);
    agent.close();
  });
});
