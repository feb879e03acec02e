import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authModule } from '../auth/auth-module.js';
import { PAIR_LIMIT } from '../auth/login-throttle.js';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { sipModule } from './sip-module.js';
import { TestPeer } from './sip-peer-test-kit.js';
import { answerChallenge, sendRegister } from './sip-hardening-test-kit.js';

/** POST /api/v1/auth/login from a given loopback address (127.0.0.x stands for another machine). */
function loginFrom(server: TestServer, localAddress: string, workNumber: string, password: string): Promise<number> {
  const body = JSON.stringify({ workNumber, password });
  const url = new URL('/api/v1/auth/login', server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A REGISTER answered with `password`; resolves with the final status. */
async function registerWith(peer: TestPeer, port: number, user: string, password: string): Promise<number> {
  sendRegister(peer, port, { user, contactPort: peer.localPort });
  const challenge = await peer.final('REGISTER', 400);
  if (challenge.status !== 401) return challenge.status;
  sendRegister(peer, port, {
    user,
    contactPort: peer.localPort,
    auth: answerChallenge(challenge, { user, password, method: 'REGISTER', uri: `sip:127.0.0.1:${port}` }),
  });
  return (await peer.final('REGISTER')).status;
}

// Issue 12 items 4 and 7: SIP guesses and HTTP sign-in failures share one throttle, per account
// and per address, and a guesser at one address does not lock the agent out at another.
describe('password guessing over SIP and HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer([authModule, sipModule()]);
  });
  afterAll(() => server.stop());

  it('wrong SIP digests are throttled and count for HTTP sign-in from that address; the agent elsewhere is unaffected', async () => {
    const port = server.sipUdpPort;
    const guesser = await TestPeer.udp(port, '127.0.0.3');
    const statuses: number[] = [];
    for (let i = 0; i < PAIR_LIMIT + 2; i++) statuses.push(await registerWith(guesser, port, '1001', `guess${i}`));
    expect(statuses.every((s) => s === 401 || s === 403)).toBe(true);
    // Locked for this address: even the right password gets no 200, over SIP or HTTP.
    expect(await registerWith(guesser, port, '1001', 'demo1001')).toBe(403);
    expect(await loginFrom(server, '127.0.0.3', '1001', 'demo1001')).toBe(429);
    // The agent at the desk, another address, registers and signs in.
    const desk = await TestPeer.udp(port, '127.0.0.1');
    expect(await registerWith(desk, port, '1001', 'demo1001')).toBe(200);
    expect(await loginFrom(server, '127.0.0.1', '1001', 'demo1001')).toBe(200);
    guesser.close();
    desk.close();
  });

  it('wrong HTTP passwords from one address lock that address, not the user at another; SIP from that address gets no 200', async () => {
    for (let i = 0; i < PAIR_LIMIT; i++) expect(await loginFrom(server, '127.0.0.2', '1002', `bad${i}`)).toBe(401);
    expect(await loginFrom(server, '127.0.0.2', '1002', 'demo1002')).toBe(429);
    expect(await loginFrom(server, '127.0.0.1', '1002', 'demo1002')).toBe(200);
    const phone = await TestPeer.udp(server.sipUdpPort, '127.0.0.2');
    expect(await registerWith(phone, server.sipUdpPort, '1002', 'demo1002')).toBe(403);
    phone.close();
  });
});
