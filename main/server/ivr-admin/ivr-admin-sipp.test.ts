import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { SERVER_MODULES } from '../modules.js';
import { SIPP_MISSING, runSipp, sippSuite } from '../sip/sipp-test-kit.js';
import { runDtmfCaller } from '../self-service/sipp-dtmf-test-kit.js';
import { SpokenPrompts } from '../ivr/spoken-prompts.js';
import { promptDirs } from '../ivr/prompt-dirs.js';
import { policySpeech } from '../self-service/spoken-texts.js';

/**
 * What a caller hears after the admin changed it, without a restart: the welcome prompt replaced
 * by an upload (its length shows in the IVR's trail: the main menu starts when it ends), and a
 * policy's new words read in 政策法规查询 (the readout's prompts are noted on the call).
 */
describe.skipIf(SIPP_MISSING !== undefined)(sippSuite('语音导航 changes heard by SIPp callers'), () => {
  let server: TestServer;
  let admin: string;
  const one = <T>(sql: string, ...p: unknown[]) => server.ctx.db.prepare(sql).get(...p) as T;
  const lastCallId = () => one<{ id: string }>('SELECT id FROM calls ORDER BY arrived_at DESC, rowid DESC LIMIT 1').id;
  const ended = () => one<{ n: number }>('SELECT count(*) AS n FROM calls WHERE ended_at IS NOT NULL').n;
  const ivrEnter = (callId: string, nodeId: string) =>
    one<{ at: number }>(
      "SELECT at FROM call_events WHERE call_id = ? AND kind = 'ivr' AND json_extract(data, '$.nodeId') = ? AND json_extract(data, '$.event') = 'enter'",
      callId,
      nodeId,
    ).at;
  /** How long the caller heard the welcome prompt: from entering it to entering the main menu. */
  const welcomeMs = async () => {
    const before = ended();
    const run = await runSipp('uac-call.xml', server.sipUdpPort, ['-d', '7500'], 30_000);
    expect(run.code, run.stdout + run.errors).toBe(0);
    await expect.poll(ended, { timeout: 5_000 }).toBe(before + 1);
    const id = lastCallId();
    return ivrEnter(id, 'main') - ivrEnter(id, 'welcome');
  };
  const policyReadout = async () => {
    const before = ended();
    const run = await runDtmfCaller('self-service-policy.xml', server.sipUdpPort);
    expect(run.code, run.output + run.errors).toBe(0);
    await expect.poll(ended, { timeout: 5_000 }).toBe(before + 1);
    const row = one<{ data: string }>("SELECT data FROM call_events WHERE call_id = ? AND kind = 'self-service'", lastCallId());
    return JSON.parse(row.data) as { action: string; category: string; prompts: string[] };
  };

  beforeAll(async () => {
    server = await startTestServer(SERVER_MODULES, { config: { adminPassword: 'admin-pass-2026' } });
    admin = await server.login('9001', 'admin-pass-2026');
  }, 60_000);
  afterAll(() => server?.stop());

  it('an uploaded welcome prompt is played on the next call', async () => {
    // The shipped welcome lasts 5.3 s.
    expect(await welcomeMs()).toBeGreaterThan(4_800);
    const tone = join(server.ctx.config.dataDir, 'short-welcome.wav');
    execFileSync('sox', ['-n', '-r', '16000', '-c', '1', tone, 'synth', '1.2', 'sine', '440']);
    const saved = await server.call('PUT', '/api/v1/ivr/prompts/welcome/recording', admin, {
      fileName: 'short-welcome.wav',
      data: readFileSync(tone).toString('base64'),
    });
    expect(saved.status).toBe(200);
    // 1.2 s of tone and its padding, then the menu.
    const replaced = await welcomeMs();
    expect(replaced).toBeGreaterThan(1_200);
    expect(replaced).toBeLessThan(2_600);
  }, 60_000);

  it('政策法规查询 reads a policy in the words the admin saved', async () => {
    const first = await policyReadout();
    expect(first).toMatchObject({ action: 'policy-by-category', category: '贷款' });
    expect(first.prompts).toContain('policy-loan-rate');

    const policies = (await server.call('GET', '/api/v1/ivr/policies', admin)).body.policies as Array<{
      id: string;
      title: string;
      category: string;
      body: string;
      effectiveFrom: string;
    }>;
    const rate = policies.find((p) => p.title === '住房公积金贷款利率')!;
    const summary = '首套住房五年以上贷款年利率调整为百分之二点八五。';
    const saved = await server.call('PUT', `/api/v1/ivr/policies/${rate.id}`, admin, { ...rate, summary });
    expect(saved.status).toBe(200);
    const spokenId = new SpokenPrompts(promptDirs(server.ctx.config).spoken).idFor(policySpeech({ title: rate.title, summary }));
    expect(saved.body.spokenPrompt).toBe(spokenId);

    const after = await policyReadout();
    expect(after.prompts).toContain(spokenId);
    expect(after.prompts).not.toContain('policy-loan-rate');
    expect(after.prompts).toHaveLength(first.prompts.length);
  }, 60_000);
});
