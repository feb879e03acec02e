import Database from 'better-sqlite3';
import { join } from 'node:path';
import { test, expect } from '../fixtures/test.js';
import { signIn } from '../fixtures/desk.js';
import { hasSipp, startSippCaller } from '../fixtures/sipp.js';

test.use({ serverArgs: ['--demo', '--service-hours', 'always'], viewport: { width: 1366, height: 768 } });

test('consult a colleague while the caller holds, join all three, then leave the colleague with the caller', async ({ page, browser, server }, testInfo) => {
  test.skip(!hasSipp, 'SIPp (Debian sip-tester) is not installed');
  test.setTimeout(120_000);
  await signIn(page, server.url, '1007');
  await expect(page.getByTestId('phone-status')).toContainText('已注册');
  await page.getByRole('button', { name: '签入并就绪' }).click();
  await expect(page.getByTestId('agent-state')).toContainText('就绪');

  const caller = startSippCaller('caller-to-agent.xml', server.sipUdpPort, ['-d', '40000', '-rtp_echo']);
  await expect(page.getByTestId('call-card')).toContainText('来电振铃', { timeout: 20_000 });
  await page.getByRole('button', { name: '接听' }).click();
  await expect(page.getByTestId('call-card')).toContainText('通话中');

  // A colleague who is not signed in is refused before anything changes, in words.
  await page.getByLabel('同事工号').fill('1008');
  await page.getByRole('button', { name: '咨询转接' }).click();
  await expect(page.getByTestId('transfer-error')).toHaveText('该同事未签入，不能转接；来电仍在您这里');
  await expect(page.getByTestId('call-card')).toContainText('通话中');

  const colleagueContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const colleague = await colleagueContext.newPage();
  await signIn(colleague, server.url, '1008');
  await expect(colleague.getByTestId('phone-status')).toContainText('已注册');
  await colleague.getByRole('button', { name: '签入并就绪' }).click();
  await expect(colleague.getByTestId('agent-state')).toContainText('就绪');

  await page.getByRole('button', { name: '咨询转接' }).click();
  await expect(page.getByTestId('transfer-status')).toContainText('正在呼叫同事 1008');
  await expect(colleague.getByTestId('call-card')).toContainText('来电振铃', { timeout: 10_000 });
  await colleague.getByRole('button', { name: '接听' }).click();
  await expect(page.getByTestId('transfer-status')).toContainText('正在与同事 1008 通话，来电人保持中');
  await expect(page.getByTestId('agent-state')).toContainText('通话 · 来电人保持');
  await page.screenshot({ path: testInfo.outputPath('consulting.png') });

  await page.getByRole('button', { name: '三方通话' }).click();
  await expect(page.getByTestId('transfer-status')).toContainText('三方通话中');
  await page.screenshot({ path: testInfo.outputPath('conference.png') });

  // The first agent leaves the conference (§2.4-9 asks before hanging up on a caller).
  await page.getByRole('button', { name: '挂机' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '仍要挂机（Enter）' }).click();
  await expect(page.getByTestId('agent-state')).toContainText('话后处理');
  await expect(colleague.getByTestId('call-card')).toContainText('通话中');

  const sipp = await caller.done;
  expect(sipp.code, sipp.stdout + sipp.errors).toBe(0);
  await expect(colleague.getByTestId('call-card')).toContainText('来电人已挂机');
  await expect
    .poll(() => {
      const db = new Database(join(server.dataDir, 'agent-desk.sqlite'), { readonly: true });
      const result = {
        call: db.prepare('SELECT u.work_number AS agent, c.hangup_side AS side FROM calls c JOIN users u ON u.id = c.agent_id').get(),
        turns: db.prepare('SELECT u.work_number AS agent, t.kind FROM call_agent_turns t JOIN users u ON u.id = t.agent_id ORDER BY t.id').all(),
        conference: db.prepare("SELECT COUNT(*) FROM call_events WHERE kind = 'conference'").pluck().get(),
      };
      db.close();
      return result;
    })
    .toEqual({
      call: { agent: '1008', side: 'caller' },
      turns: [
        { agent: '1007', kind: 'answer' },
        { agent: '1008', kind: 'consult' },
      ],
      conference: 1,
    });
  await colleagueContext.close();
});
