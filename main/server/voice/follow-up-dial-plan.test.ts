import { createSocket, type Socket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { SERVER_MODULES } from '../modules.js';
import { TestPeer } from '../sip/sip-peer-test-kit.js';
import { answerChallenge, sendInvite, uniq } from '../sip/sip-hardening-test-kit.js';

// Issue 12 item 2 and the dial plan: an agent's INVITE abroad is refused with 403, audited, and
// never reaches the trunk; a number the center's plan allows does.
describe('follow-up calls under the dial plan', () => {
  let server: TestServer;
  let trunk: Socket;
  const atTrunk: string[] = [];
  let token: string;

  beforeAll(async () => {
    trunk = createSocket('udp4');
    await new Promise<void>((r) => trunk.bind(0, '127.0.0.1', () => r()));
    trunk.on('message', (data) => atTrunk.push(data.toString('latin1').split('\r\n')[0]!));
    server = await startTestServer(SERVER_MODULES, {
      config: { serviceHours: 'always', trunk: `sip:127.0.0.1:${trunk.address().port}`, dialPlan: 'mobile,local,domestic' },
    });
    token = await server.login('1001');
    expect((await server.call('POST', '/api/v1/acd/agents/me/state', token, { state: 'ready' })).status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await server.stop();
    trunk.close();
  });

  async function dial(phone: TestPeer, number: string): Promise<number> {
    const port = server.sipUdpPort;
    const callId = `dp-${uniq()}`;
    sendInvite(phone, port, { from: '1001', to: number, callId });
    const challenge = await phone.finalOf(callId, 'INVITE', 400, 20_000);
    const auth = answerChallenge(challenge, { user: '1001', password: 'demo1001', method: 'INVITE', uri: `sip:${number}@127.0.0.1:${port}`, cnonce: callId });
    sendInvite(phone, port, { from: '1001', to: number, callId, cseq: 2, auth });
    return ((await phone.next((m) => m.kind === 'response' && m.callId === callId && m.cseq.seq === 2 && m.status >= 180, 20_000)) as { status: number })
      .status;
  }

  it('refuses an international number with 403 and audits it; a long-distance number the plan allows reaches the trunk', async () => {
    const phone = await TestPeer.udp(server.sipUdpPort);
    expect(await dial(phone, '0044207946000')).toBe(403);
    const refused = server.db.prepare("SELECT * FROM audit_log WHERE action = 'call.outbound_refused'").all() as Array<{
      actor_user_id: number;
      detail: string;
    }>;
    expect(refused).toHaveLength(1);
    expect(JSON.parse(refused[0]!.detail)).toEqual({ number: '0044207946000', reason: 'international' });
    expect(await dial(phone, '16801234567')).toBe(403);
    await new Promise((r) => setTimeout(r, 300));
    expect(atTrunk).toEqual([]);

    // The trunk never answers: the call only has to reach it (the server cancels it when it stops).
    let failure: unknown;
    dial(phone, '01088886666').catch((error: unknown) => (failure = error));
    await expect.poll(() => failure ?? atTrunk.some((line) => line.startsWith('INVITE sip:01088886666@')), { timeout: 30_000 }).toBe(true);
    phone.close();
  }, 60_000);
});
