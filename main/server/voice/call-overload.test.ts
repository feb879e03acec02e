// Overload control through a real SIPp caller: at twice the configured call rate the server
// answers what it can take, refuses the rest with 503 + Retry-After (the scenario fails a 503
// without it), and after the storm no call, dialog or record is left open.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { SERVER_MODULES } from '../modules.js';
import { sipModule, sipServerModule } from '../sip/sip-module.js';
import { SIPP_MISSING, runSipp, sippSuite } from '../sip/sipp-test-kit.js';
import { waitFor } from '../media/media-test-kit.js';
import { SERVICES } from '../services.js';

/** Timer H in 1.6 s instead of 32 s, so that refused INVITEs' transactions end within the test. */
const FAST_SIP = SERVER_MODULES.map((m) => (m === sipServerModule ? sipModule({ timers: { T1: 25 } }) : m));

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const shedTotal = (s: TestServer) => Object.values(s.ctx.services.require(SERVICES.calls, 'test').shed()).reduce((a, b) => a + b, 0);

describe.skipIf(SIPP_MISSING !== undefined)(sippSuite('overload control (503 + Retry-After)'), () => {
  it('at twice the call rate: the excess is refused with Retry-After, the rest served, nothing left open', async () => {
    server = await startTestServer(FAST_SIP, { config: { serviceHours: 'always', maxCallRate: 10 } });
    const s = server;
    // 60 calls at 20/s for 3 s, each held 300 ms: twice what the server was told it can take.
    const run = await runSipp('uac-call-or-overload.xml', s.sipUdpPort, ['-r', '20', '-m', '60', '-d', '300', '-l', '100'], 60_000);
    expect(run.code, run.stdout.slice(-2000) + run.errors).toBe(0);
    const admitted = s.db.prepare('SELECT COUNT(*) FROM calls').pluck().get() as number;
    const refused = shedTotal(s);
    expect(admitted + refused).toBe(60);
    // One second's burst plus the rate over ~3 s, and a real share refused.
    expect(admitted).toBeGreaterThanOrEqual(20);
    expect(admitted).toBeLessThanOrEqual(10 + 10 * 3 + 5);
    expect(refused).toBeGreaterThanOrEqual(15);
    await waitFor(() => s.ctx.services.require(SERVICES.calls, 'test').inProgress().inbound === 0, 10_000, 'no call object left');
    await waitFor(() => s.ctx.services.require(SERVICES.sip, 'test').core.activeCalls === 0, 10_000, 'no SIP dialog left');
    expect(s.db.prepare('SELECT COUNT(*) FROM calls WHERE ended_at IS NULL').pluck().get()).toBe(0);
  });

  it('past the calls held at once: refused with Retry-After until one ends', async () => {
    server = await startTestServer(FAST_SIP, { config: { serviceHours: 'always', maxCalls: 3 } });
    const s = server;
    // 5 calls at once, each held 2 s: 3 are answered, 2 refused.
    const run = await runSipp('uac-call-or-overload.xml', s.sipUdpPort, ['-r', '50', '-m', '5', '-d', '2000', '-l', '10'], 30_000);
    expect(run.code, run.stdout.slice(-2000) + run.errors).toBe(0);
    expect(s.db.prepare('SELECT COUNT(*) FROM calls').pluck().get()).toBe(3);
    expect(s.ctx.services.require(SERVICES.calls, 'test').shed()).toMatchObject({ calls_limit: 2 });
    // Afterwards the door is open again.
    const again = await runSipp('uac-call-or-overload.xml', s.sipUdpPort, ['-d', '100'], 20_000);
    expect(again.code).toBe(0);
    expect(s.db.prepare('SELECT COUNT(*) FROM calls').pluck().get()).toBe(4);
  });
});
