import Database from 'better-sqlite3';
import { join } from 'node:path';
import { test, expect } from '../fixtures/test.js';
import { signIn } from '../fixtures/desk.js';
import { hasSipp, startSippCaller } from '../fixtures/sipp.js';

test.use({ serverArgs: ['--demo', '--service-hours', 'always'] });

test('an agent transfers the caller to a colleague, who hands them back to the self-service menu', async ({ page, browser, server }, testInfo) => {
  test.skip(!hasSipp, 'SIPp (Debian sip-tester) is not installed');
  test.setTimeout(120_000);
  await signIn(page, server.url, '1009');
  await expect(page.getByTestId('phone-status')).toContainText('已注册');
  await page.getByRole('button', { name: '签入并就绪' }).click();
  await expect(page.getByTestId('agent-state')).toContainText('就绪');
  const colleagueContext = await browser.newContext();
  const colleague = await colleagueContext.newPage();
  await signIn(colleague, server.url, '1010');
  await expect(colleague.getByTestId('phone-status')).toContainText('已注册');
  await colleague.getByRole('button', { name: '签入并就绪' }).click();
  await expect(colleague.getByTestId('agent-state')).toContainText('就绪');

  const caller = startSippCaller('caller-to-agent.xml', server.sipUdpPort, ['-d', '45000', '-rtp_echo']);
  await expect(page.getByTestId('call-card')).toContainText('来电振铃', { timeout: 20_000 });
  await page.getByRole('button', { name: '接听' }).click();
  await expect(page.getByTestId('call-card')).toContainText('通话中');

  await page.getByLabel('同事工号').fill('1010');
  await page.getByRole('button', { name: '转坐席' }).click();
  // The caller holds (music) while the colleague rings; the agent keeps the call until they answer.
  await expect(page.getByTestId('transfer-status')).toContainText('正在呼叫同事 1010');
  await expect(page.getByTestId('agent-state')).toContainText('通话');
  await expect(colleague.getByTestId('call-card')).toContainText('来电振铃', { timeout: 10_000 });
  await expect(colleague.getByTestId('caller-number')).toHaveText('13800138000');
  await page.screenshot({ path: testInfo.outputPath('transfer-ringing.png') });
  await colleague.getByRole('button', { name: '接听' }).click();
  await expect(colleague.getByTestId('call-card')).toContainText('通话中');
  await expect(page.getByTestId('call-card')).toContainText('已转接同事');
  await expect(page.getByTestId('agent-state')).toContainText('话后处理');
  await expect(page.getByTestId('hung-up-first')).toHaveCount(0);
  await colleague.screenshot({ path: testInfo.outputPath('transferred.png') });

  await colleague.getByRole('button', { name: '转回自助语音' }).click();
  await expect(colleague.getByTestId('call-card')).toContainText('已转回自助语音');
  await expect(colleague.getByTestId('agent-state')).toContainText('话后处理');

  const sipp = await caller.done;
  expect(sipp.code, sipp.stdout + sipp.errors).toBe(0);
  await expect
    .poll(() => {
      const db = new Database(join(server.dataDir, 'agent-desk.sqlite'), { readonly: true });
      const result = {
        call: db.prepare('SELECT u.work_number AS agent, c.end_reason FROM calls c JOIN users u ON u.id = c.agent_id').get(),
        rings: db.prepare('SELECT u.work_number AS agent, a.outcome FROM call_ring_attempts a JOIN users u ON u.id = a.agent_id ORDER BY a.id').all(),
      };
      db.close();
      return result;
    })
    .toEqual({
      call: { agent: '1010', end_reason: 'caller_hangup' },
      rings: [
        { agent: '1009', outcome: 'answered' },
        { agent: '1010', outcome: 'answered' },
      ],
    });
  await colleagueContext.close();
});
