import Database from 'better-sqlite3';
import { join } from 'node:path';
import { test, expect } from '../fixtures/test.js';
import { signIn } from '../fixtures/desk.js';
import { hasSipp, startSippCaller } from '../fixtures/sipp.js';

test.use({ serverArgs: ['--demo', '--service-hours', 'always', '--ring-timeout', '6'] });

test('an agent who misses the ring: the call goes to the next agent, and the miss is recorded', async ({ page, browser, server }, testInfo) => {
  test.skip(!hasSipp, 'SIPp (Debian sip-tester) is not installed');
  test.setTimeout(90_000);
  // 1005 becomes ready first, so is the longest idle and rings first; 1006 is second.
  await signIn(page, server.url, '1005');
  await expect(page.getByTestId('phone-status')).toContainText('已注册');
  await page.getByRole('button', { name: '签入并就绪' }).click();
  await expect(page.getByTestId('agent-state')).toContainText('就绪');
  const secondContext = await browser.newContext();
  const second = await secondContext.newPage();
  await signIn(second, server.url, '1006');
  await expect(second.getByTestId('phone-status')).toContainText('已注册');
  await second.getByRole('button', { name: '签入并就绪' }).click();
  await expect(second.getByTestId('agent-state')).toContainText('就绪');

  const caller = startSippCaller('caller-to-agent.xml', server.sipUdpPort, ['-d', '30000', '-rtp_echo']);
  await expect(page.getByTestId('call-card')).toContainText('来电振铃', { timeout: 20_000 });
  await expect(second.getByTestId('call-card')).toContainText('空闲');
  // Nobody answers at 1005: after 6 s the call moves on.
  await expect(page.getByTestId('call-card')).not.toContainText('来电振铃', { timeout: 12_000 });
  await expect(second.getByTestId('call-card')).toContainText('来电振铃', { timeout: 10_000 });
  await second.getByRole('button', { name: '接听' }).click();
  await expect(second.getByTestId('call-card')).toContainText('通话中');
  await second.screenshot({ path: testInfo.outputPath('second-agent.png') });
  await expect(page.getByTestId('agent-state')).toContainText('就绪'); // one miss is not yet 示忙

  await second
    .getByRole('button', { name: '挂机' })
    .click({ noWaitAfter: true })
    .catch(() => undefined);
  caller.kill();
  const db = new Database(join(server.dataDir, 'agent-desk.sqlite'), { readonly: true });
  const attempts = db
    .prepare('SELECT u.work_number AS agent, a.outcome FROM call_ring_attempts a JOIN users u ON u.id = a.agent_id ORDER BY a.id')
    .all() as Array<{ agent: string; outcome: string | null }>;
  db.close();
  expect(attempts).toEqual([
    { agent: '1005', outcome: 'missed' },
    { agent: '1006', outcome: 'answered' },
  ]);
  await secondContext.close();
});
