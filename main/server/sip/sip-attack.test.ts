import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../../shared/random/seeded-random.js';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { digestHa1 } from './digest.js';
import type { IncomingResponse } from './message.js';
import { sipModule } from './sip-module.js';
import type { SipStack } from './sip-stack.js';
import type { IncomingCall } from './sip-service.js';
import { TestPeer } from './sip-peer-test-kit.js';
import { FUZZ_SEEDS, mutate } from './sip-mutations-test-kit.js';
import { GOOD_SDP, answerChallenge, sendRegister, uniq } from './sip-hardening-test-kit.js';
import { SERVICES } from '../services.js';

const CREDENTIALS: Record<string, { userId: number; ha1: string; displayName: string }> = {
  '1001': { userId: 1, ha1: digestHa1('1001', 'right-pass'), displayName: '张敏' },
};

/** Seeds aimed at the live call and registration as well as the generic ones. */
function liveSeeds(callId: string, toTag: string, port: number): string[] {
  const head = (method: string, cseq: number) =>
    `${method} sip:12329@127.0.0.1:${port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK-live\r\nMax-Forwards: 70\r\nFrom: <sip:13900000000@127.0.0.1>;tag=caller\r\nTo: <sip:12329@127.0.0.1>;tag=${toTag}\r\nCall-ID: ${callId}\r\nCSeq: ${cseq} ${method}\r\n`;
  return [
    ...FUZZ_SEEDS,
    `${head('BYE', 9)}Content-Length: 0\r\n\r\n`,
    `${head('INVITE', 10)}Content-Type: application/sdp\r\nContent-Length: ${GOOD_SDP.length}\r\n\r\n${GOOD_SDP}`,
  ];
}

/**
 * The fault and attack suite of issue 12 item 8, bounded and on loopback with fixed seeds: while
 * a call is up and an agent registered, mutated SIP over UDP and WebSocket, a digest brute force
 * and a replay flood. After each batch the server must still answer, and at the end the call, the
 * registration and the logs must show that nothing was lost.
 */
describe('SIP under attack (fixed seeds, loopback)', () => {
  let server: TestServer;
  let sip: SipStack;
  const calls: IncomingCall[] = [];
  let caller: TestPeer;
  let agent: TestPeer;
  let callId: string;
  let toTag: string;
  let capturedAuth: string;
  const port = () => server.sipUdpPort;

  async function stillAnswers(peer: TestPeer, label: string): Promise<void> {
    const id = `alive-${uniq()}`;
    peer.send(
      `OPTIONS sip:12329@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:${peer.localPort};branch=z9hG4bK-${id}\r\nMax-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=p\r\nTo: <sip:12329@127.0.0.1>\r\nCall-ID: ${id}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n`,
    );
    const reply = await peer.next((m) => m.kind === 'response' && m.callId === id, 5000).catch(() => undefined);
    expect(reply, `no answer after ${label}`).toMatchObject({ status: 200 });
  }

  beforeAll(async () => {
    server = await startTestServer([sipModule({ credentials: (wn) => CREDENTIALS[wn] })]);
    sip = server.ctx.services.require(SERVICES.sip, 'test');
    sip.delegate = { onIncomingCall: (call) => (calls.push(call), call.answer(GOOD_SDP)) };
    // A caller's call, established.
    caller = await TestPeer.udp(port());
    callId = `live-${uniq()}`;
    caller.send(
      `INVITE sip:12329@127.0.0.1:${port()} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:${caller.localPort};branch=z9hG4bK-inv-live\r\nMax-Forwards: 70\r\nFrom: <sip:13900000000@127.0.0.1>;tag=caller\r\nTo: <sip:12329@127.0.0.1>\r\nCall-ID: ${callId}\r\nCSeq: 1 INVITE\r\nContact: <sip:13900000000@127.0.0.1:${caller.localPort}>\r\nContent-Type: application/sdp\r\nContent-Length: ${GOOD_SDP.length}\r\n\r\n${GOOD_SDP}`,
    );
    const ok = await caller.final('INVITE');
    toTag = ok.toTag!;
    caller.send(
      `ACK sip:12329@127.0.0.1:${port()} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:${caller.localPort};branch=z9hG4bK-ack-live\r\nMax-Forwards: 70\r\nFrom: <sip:13900000000@127.0.0.1>;tag=caller\r\nTo: <sip:12329@127.0.0.1>;tag=${toTag}\r\nCall-ID: ${callId}\r\nCSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n`,
    );
    for (let i = 0; i < 100 && calls[0]?.state !== 'established'; i++) await new Promise((r) => setTimeout(r, 20));
    // An agent's phone, registered; its Authorization is what an eavesdropper captures.
    agent = await TestPeer.udp(port());
    sendRegister(agent, port(), { user: '1001', contactPort: agent.localPort });
    const challenge = await agent.response(401, 'REGISTER');
    capturedAuth = answerChallenge(challenge, { user: '1001', password: 'right-pass', method: 'REGISTER', uri: `sip:127.0.0.1:${port()}` });
    sendRegister(agent, port(), { user: '1001', contactPort: agent.localPort, auth: capturedAuth });
    await agent.response(200, 'REGISTER');
  }, 30_000);

  afterAll(async () => {
    caller?.close();
    agent?.close();
    await server?.stop();
  });

  it('1500 mutated UDP datagrams from another machine, in batches: every batch is followed by an answer', { timeout: 120_000 }, async () => {
    expect(calls[0]!.state).toBe('established');
    const random = createSeededRandom(12_329);
    const fuzzer = await TestPeer.udp(port(), '127.0.0.5');
    const seeds = liveSeeds(callId, toTag, port());
    for (let batch = 0; batch < 15; batch++) {
      for (let i = 0; i < 100; i++) fuzzer.send(mutate(Buffer.from(seeds[(batch * 100 + i) % seeds.length]!, 'latin1'), random));
      await stillAnswers(fuzzer, `UDP batch ${batch}`);
    }
    fuzzer.close();
    expect(calls[0]!.state).toBe('established');
  });

  it('600 mutated WebSocket messages, reconnecting when a connection is dropped: the server keeps answering', { timeout: 120_000 }, async () => {
    const random = createSeededRandom(4_028);
    const url = `${server.url.replace('http', 'ws')}/sip`;
    const seeds = liveSeeds(callId, toTag, port());
    for (let batch = 0; batch < 6; batch++) {
      const ws = await TestPeer.ws(url);
      for (let i = 0; i < 100; i++) ws.send(mutate(Buffer.from(seeds[(batch * 100 + i) % seeds.length]!, 'latin1'), random));
      ws.close();
      await stillAnswers(caller, `WebSocket batch ${batch}`);
    }
    expect(calls[0]!.state).toBe('established');
  });

  it('a replay flood of the captured REGISTER and a 300-guess brute force get no 200, and the agent’s binding stays', { timeout: 120_000 }, async () => {
    const replayer = await TestPeer.udp(port(), '127.0.0.6');
    const statuses = new Map<number, number>();
    const count = (r: IncomingResponse) => statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    for (let i = 0; i < 50; i++) {
      sendRegister(replayer, port(), { user: '1001', contactPort: 40_000 + i, auth: capturedAuth, callId: `replay-${i}` });
      count(await replayer.final('REGISTER', 400));
    }
    const guesser = await TestPeer.udp(port(), '127.0.0.7');
    const random = createSeededRandom(2_617);
    for (let i = 0; i < 300; i++) {
      sendRegister(guesser, port(), { user: '1001', contactPort: guesser.localPort, callId: `guess-${i}` });
      const challenge = await guesser.final('REGISTER', 400);
      count(challenge);
      if (challenge.status !== 401) continue;
      const guess = Math.floor(random() * 1e6)
        .toString()
        .padStart(6, '0');
      sendRegister(guesser, port(), {
        user: '1001',
        contactPort: guesser.localPort,
        callId: `guess-${i}`,
        auth: answerChallenge(challenge, { user: '1001', password: guess, method: 'REGISTER', uri: `sip:127.0.0.1:${port()}` }),
      });
      count(await guesser.final('REGISTER', 400));
    }
    expect(statuses.get(200)).toBeUndefined();
    expect(statuses.get(403) ?? 0).toBeGreaterThan(250);
    // The attack ended with the right password → 200: from the guesser's address it no longer does.
    sendRegister(guesser, port(), { user: '1001', contactPort: guesser.localPort, callId: 'guess-right' });
    const last = await guesser.final('REGISTER', 400);
    sendRegister(guesser, port(), {
      user: '1001',
      contactPort: guesser.localPort,
      callId: 'guess-right',
      auth: answerChallenge(last, { user: '1001', password: 'right-pass', method: 'REGISTER', uri: `sip:127.0.0.1:${port()}` }),
    });
    expect((await guesser.final('REGISTER', 400)).status).toBe(403);
    expect(sip.registrations('1001').map((b) => b.contact)).toEqual([`sip:1001@127.0.0.1:${agent.localPort}`]);
    await stillAnswers(agent, 'the brute force');
    replayer.close();
    guesser.close();
  });

  it('afterwards nothing is lost: the call still ends cleanly, and no handler ever threw', async () => {
    caller.send(
      `BYE sip:12329@127.0.0.1:${port()} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:${caller.localPort};branch=z9hG4bK-bye-live\r\nMax-Forwards: 70\r\nFrom: <sip:13900000000@127.0.0.1>;tag=caller\r\nTo: <sip:12329@127.0.0.1>;tag=${toTag}\r\nCall-ID: ${callId}\r\nCSeq: 20 BYE\r\nContent-Length: 0\r\n\r\n`,
    );
    expect((await caller.final('BYE')).status).toBe(200);
    expect(calls[0]!.state).toBe('terminated');
    expect(server.logs.filter((l) => (l.level as number) >= 50)).toEqual([]);
    expect(sip.core.activeCalls).toBeLessThanOrEqual(calls.filter((c) => c.state !== 'terminated').length);
  });
});
