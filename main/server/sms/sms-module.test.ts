// The SMS platform over HTTP through the whole server: a SIPp caller subscribes to texts in the
// IVR, the fake platform receives the confirmation, reports it delivered, and a team lead sees it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { SERVER_MODULES } from '../modules.js';
import { SIPP_MISSING, sippSuite } from '../sip/sipp-test-kit.js';
import { runDtmfCaller } from '../self-service/sipp-dtmf-test-kit.js';
import { FakeSmsPlatform } from './sms-platform-test-kit.js';
import { SMS_DELIVERY_PATH } from './sms-module.js';

/** The account the SIPp scenarios key (e2e/sipp/self-service-*.xml). */
const ACCOUNT = '100012329001';
const TOKEN = 'sms-token-0123456789';

describe.skipIf(SIPP_MISSING !== undefined)(sippSuite('SMS through the HTTP platform'), () => {
  let server: TestServer;
  const platform = new FakeSmsPlatform();

  beforeAll(async () => {
    await platform.start();
    server = await startTestServer(SERVER_MODULES, { config: { smsUrl: platform.url, smsToken: TOKEN } });
    const person = server.ctx.db.prepare("SELECT id FROM pf_people WHERE status = '正常' ORDER BY id LIMIT 1").pluck().get() as number;
    server.ctx.db.prepare('UPDATE pf_people SET fund_account = ? WHERE id = ?').run(ACCOUNT, person);
    server.ctx.db.prepare('DELETE FROM pf_sms_subscriptions WHERE person_id = ?').run(person);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await platform.stop();
  });

  it('a caller who subscribes gets the confirmation through the platform; its delivery report is kept', async () => {
    const run = await runDtmfCaller('self-service-sms.xml', server.sipUdpPort);
    expect(run.code, run.output + run.errors).toBe(0);
    await expect.poll(() => platform.received.length, { timeout: 5000 }).toBe(1);
    expect(platform.received[0]).toMatchObject({ account: ACCOUNT, template: 'sms-subscribed', authorization: `Bearer ${TOKEN}` });

    const report = (authorization: string, body: unknown) =>
      fetch(new URL(SMS_DELIVERY_PATH, server.url), {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await report('Bearer wrong-token-0123456789', { id: 'P1', status: 'delivered' })).status).toBe(401);
    expect((await report(`Bearer ${TOKEN}`, { id: 'P9', status: 'delivered' })).status).toBe(404);
    expect((await report(`Bearer ${TOKEN}`, { id: 'P1', status: 'lost' })).status).toBe(400);
    expect((await report(`Bearer ${TOKEN}`, { id: 'P1', status: 'delivered' })).status).toBe(200);

    const lead = await server.login('2001');
    const listed = await server.call('GET', '/api/v1/sms', lead);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ template: 'sms-subscribed', state: 'delivered', attempts: 1, account: expect.not.stringContaining(ACCOUNT) }),
    ]);
    expect((await server.call('GET', '/api/v1/sms', await server.login('1001'))).status).toBe(403);
  }, 90_000);
});
