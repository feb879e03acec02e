import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from '../fixtures/test.js';
import { signIn } from '../fixtures/desk.js';
import { hasSipp, startSippTrunk, trunkPortFor } from '../fixtures/sipp.js';

/** What an agent needs to know through the day besides the call: the queue, the hours, dialling out. */

type TestCallerWindow = {
  testCaller: { dial(n: string, f: string): Promise<void>; sendDtmf(d: string): boolean; stats(): Promise<{ state: string; packetsReceived: number }> };
};

async function signedInNotReady(page: Page, url: string) {
  await signIn(page, url, '1006');
  await expect(page.getByTestId('phone-status')).toContainText('已注册');
  await page.getByRole('button', { name: '示忙', exact: true }).click();
  await expect(page.getByTestId('agent-state')).toContainText('示忙');
}

test.describe('inside service hours', () => {
  test.use({ serverArgs: ['--demo', '--service-hours', 'always'], viewport: { width: 1366, height: 768 } });

  test('the state bar shows callers waiting and the longest wait; no closed banner', async ({ page, browser, server }, testInfo) => {
    test.setTimeout(90_000);
    await signedInNotReady(page, server.url);
    await expect(page.getByTestId('queue-summary')).toHaveText('排队：无');
    await expect(page.getByTestId('service-hours-banner')).toHaveCount(0);

    const caller = await (await browser.newContext()).newPage();
    await caller.goto(`${server.url}/caller.html`);
    await caller.evaluate(() => (window as unknown as TestCallerWindow).testCaller.dial('12329', '13700137000'));
    await expect
      .poll(async () => (await caller.evaluate(() => (window as unknown as TestCallerWindow).testCaller.stats())).packetsReceived, { timeout: 15_000 })
      .toBeGreaterThan(20);
    expect(await caller.evaluate(() => (window as unknown as TestCallerWindow).testCaller.sendDtmf('0'))).toBe(true);
    // Pushed by the ACD (acd.queue), and the wait ticks on the desk.
    await expect(page.getByTestId('queue-summary')).toContainText('排队 1 人', { timeout: 20_000 });
    await expect(page.getByTestId('queue-summary')).toContainText(/最长等待 00:0[2-9]/, { timeout: 10_000 });
    await page.screenshot({ path: testInfo.outputPath('queue.png') });
    await caller.context().close();
    await expect(page.getByTestId('queue-summary')).toHaveText('排队：无', { timeout: 20_000 });
  });

  test('dialling a number from the desk: letters refused on the desk, the dial plan refused by the server, translated', async ({ page, server }, testInfo) => {
    await signedInNotReady(page, server.url);
    const dial = page.getByLabel('拨打号码', { exact: true });
    await dial.fill('abc-123');
    await page.getByRole('button', { name: '外呼', exact: true }).click();
    await expect(page.getByTestId('dial-error')).toHaveText('号码只能包含数字（可带空格和“-”）');
    await dial.fill('00852 2123 4567');
    await page.getByRole('button', { name: '外呼', exact: true }).click();
    await expect(page.getByTestId('call-card')).toContainText('国际号码不允许外呼', { timeout: 15_000 });
    await page.screenshot({ path: testInfo.outputPath('dial-refused.png') });
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByTestId('call-card')).toContainText('International numbers may not be called');
  });
});

test.describe('dialling through the trunk', () => {
  const trunkPort = trunkPortFor(41);
  test.use({ serverArgs: ['--demo', '--service-hours', 'always', '--trunk', `sip:127.0.0.1:${trunkPort}`] });

  test('a number typed on the desk becomes a follow-up call without a work order', async ({ page, server }, testInfo) => {
    test.skip(!hasSipp, 'SIPp (Debian sip-tester) is not installed');
    test.setTimeout(90_000);
    const trunk = startSippTrunk('trunk-answer.xml', trunkPort, ['-rtp_echo']);
    try {
      await signedInNotReady(page, server.url);
      await page.getByLabel('拨打号码', { exact: true }).fill('139 0000 0000');
      await page.getByRole('button', { name: '外呼', exact: true }).click();
      await expect(page.getByTestId('call-card')).toContainText('通话中', { timeout: 20_000 });
      await expect(page.getByTestId('caller-number')).toHaveText('13900000000');
      await expect(page.getByTestId('outbound-label')).toHaveText('呼出');
      await page.screenshot({ path: testInfo.outputPath('dial-talking.png') });
      // Audio through both legs (the trunk echoes the fake microphone) before hanging up.
      await expect
        .poll(
          () =>
            page.evaluate(() =>
              (window as unknown as { agentDeskTest: { callStats(): Promise<{ packetsReceived: number }> } }).agentDeskTest
                .callStats()
                .then((s) => s.packetsReceived),
            ),
          { timeout: 10_000 },
        )
        .toBeGreaterThan(50);
      await page.getByRole('button', { name: '挂机' }).click();
      await expect(page.getByTestId('agent-state')).toContainText('话后处理');
      const sipp = await trunk.done;
      expect(sipp.code, sipp.stdout + sipp.errors).toBe(0);
    } finally {
      trunk.kill();
    }
    const db = new Database(join(server.dataDir, 'agent-desk.sqlite'), { readonly: true });
    expect(db.prepare("SELECT callee, work_order_id FROM calls WHERE direction = 'outbound'").get()).toEqual({ callee: '13900000000', work_order_id: null });
    db.close();
    // Filed in today's history with its number and how it ended.
    await expect(page.getByTestId('call-history').locator('li.history__item')).toContainText('13900000000');
  });
});

test.describe('outside service hours', () => {
  // One minute at 03:00: the desk is tested at any other time (a working day's night, or a weekend).
  test.use({ serverArgs: ['--demo', '--service-hours', '03:00-03:01'] });

  test('a banner says 人工 is closed, with the hours', async ({ page, server }, testInfo) => {
    await signedInNotReady(page, server.url);
    await expect(page.getByTestId('service-hours-banner')).toHaveText('现在不在人工服务时间内（工作日 03:00–03:01）：就绪也不会有来电转入。');
    await page.screenshot({ path: testInfo.outputPath('closed-banner.png') });
  });
});
