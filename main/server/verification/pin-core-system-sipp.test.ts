// A SIPp caller verifies in the IVR with a PIN the center's core system checks over HTTP (the
// fake core system of the contract suite); a caller whose account has no PIN is told to set one
// at an outlet instead of hearing "wrong account or password".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { SERVER_MODULES } from '../modules.js';
import { SIPP_MISSING, sippSuite } from '../sip/sipp-test-kit.js';
import { runDtmfCaller } from '../self-service/sipp-dtmf-test-kit.js';
import { openEmbeddedFixture, type EmbeddedFixture } from '../gateway/contract-test-kit/gateway-fixture.js';
import { startFakeCoreSystem, type FakeCoreSystem } from '../gateway/contract-test-kit/fake-core-system.js';
import { DEMO_PIN } from '../gateway/demo-data.js';

/** The account and PIN the SIPp scenario keys (e2e/sipp/self-service-query-loan.xml). */
const ACCOUNT = '100012329001';

describe.skipIf(SIPP_MISSING !== undefined)(sippSuite('telephone PINs checked by the core system, through a SIPp caller'), () => {
  let fixture: EmbeddedFixture;
  let core: FakeCoreSystem;
  let server: TestServer;
  beforeAll(async () => {
    fixture = openEmbeddedFixture(200);
    fixture.clock.set(Date.now());
    fixture.db.prepare('UPDATE pf_people SET fund_account = ? WHERE fund_account = ?').run(ACCOUNT, fixture.known.borrowerFundAccount);
    core = await startFakeCoreSystem(fixture.gateway, 'core-token');
    server = await startTestServer(SERVER_MODULES, { config: { gatewayUrl: core.url, gatewayToken: 'core-token' } });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await core?.close();
    fixture?.close();
  });

  const lastCall = () => server.ctx.db.prepare('SELECT id FROM calls ORDER BY arrived_at DESC, rowid DESC LIMIT 1').pluck().get() as string;
  const ivrNodes = (callId: string) =>
    (server.ctx.db.prepare("SELECT data FROM call_events WHERE call_id = ? AND kind = 'ivr' ORDER BY id").pluck().all(callId) as string[]).map(
      (d) => (JSON.parse(d) as { nodeId: string }).nodeId,
    );
  const attempts = (callId: string) => server.ctx.db.prepare('SELECT result FROM caller_verification_attempts WHERE call_id = ?').pluck().all(callId);

  it('no PIN at the core system: the caller hears where to set one; the attempt is no_pin, not a failure', async () => {
    core.requests.length = 0;
    const run = await runDtmfCaller('self-service-query-loan.xml', server.sipUdpPort);
    expect(run.code, run.output + run.errors).toBe(0);
    await expect.poll(() => attempts(lastCall()), { timeout: 5000 }).toEqual(['no_pin']);
    expect(ivrNodes(lastCall())).toContain('verify-no-pin');
    expect(core.requests).toContain('POST /hotline/v1/pins/verify');
  }, 90_000);

  it('with the PIN set at the core system the same caller is verified and hears the loan', async () => {
    await fixture.gateway.pins.set({ kind: 'person', id: ACCOUNT }, DEMO_PIN);
    const run = await runDtmfCaller('self-service-query-loan.xml', server.sipUdpPort);
    expect(run.code, run.output + run.errors).toBe(0);
    await expect.poll(() => attempts(lastCall()), { timeout: 5000 }).toEqual(['verified']);
    expect(ivrNodes(lastCall())).toContain('query-loan');
  }, 90_000);
});
