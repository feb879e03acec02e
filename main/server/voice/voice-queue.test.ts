import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { SERVER_MODULES } from '../modules.js';
import { SIPP_MISSING, runSipp, sippSuite } from '../sip/sipp-test-kit.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe.skipIf(SIPP_MISSING !== undefined)(sippSuite('voice: a SIPp caller and the queue (real SIP, RTP, IVR, ACD)'), () => {
  it('records an abandon in the queue when no agent is ready and the caller hangs up', async () => {
    server = await startTestServer(SERVER_MODULES, { config: { serviceHours: 'always' } });
    // Keys 0 after 1.5 s, waits in the queue until 16 s after the digit (no agent is ready), hangs up.
    const run = await runSipp('caller-to-agent.xml', server.sipUdpPort, ['-d', '16000', '-rtp_echo'], 60_000);
    expect(run.code, run.stdout + run.errors).toBe(0);
    const row = server.db.prepare('SELECT * FROM calls').get() as Record<string, unknown>;
    expect(row).toMatchObject({
      caller: '13800138000',
      offered_to_agent: 1,
      abandon_stage: 'queue',
      hangup_side: 'caller',
      answered_at: null,
      end_reason: 'caller_hangup',
    });
    expect(row.queued_at).toEqual(expect.any(Number));
    expect(row.abandoned_at as number).toBeGreaterThanOrEqual(row.queued_at as number);
    expect(JSON.parse(row.ivr_path as string)).toEqual(['人工']);
  }, 60_000);

  it('keeps a caller who hangs up during the welcome as an IVR abandon, counted in callTotal only', async () => {
    server = await startTestServer(SERVER_MODULES, { config: { serviceHours: 'always' } });
    const run = await runSipp('uac-call.xml', server.sipUdpPort, [], 30_000);
    expect(run.code, run.stdout + run.errors).toBe(0);
    const row = server.db.prepare('SELECT * FROM calls').get() as Record<string, unknown>;
    expect(row).toMatchObject({ offered_to_agent: 0, abandon_stage: 'ivr', hangup_side: 'caller', queued_at: null });
    expect(row.ended_at).toEqual(expect.any(Number));
  }, 60_000);
});
