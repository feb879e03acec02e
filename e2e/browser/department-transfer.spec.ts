import Database from 'better-sqlite3';
import { join } from 'node:path';
import { test, expect } from '../fixtures/test.js';
import { signIn } from '../fixtures/desk.js';
import { hasSipp, startSippCaller, startSippTrunk, trunkPortFor } from '../fixtures/sipp.js';

const trunkPort = trunkPortFor(57);
test.use({ serverArgs: ['--demo', '--service-hours', 'always', '--trunk', `sip:127.0.0.1:${trunkPort}`] });

test("an agent hands the caller to a department's extension, rung through the trunk", async ({ page, server }, testInfo) => {
  test.skip(!hasSipp, 'SIPp (Debian sip-tester) is not installed');
  test.setTimeout(120_000);
  // The center admin gave 贷款科 its extension (the admin API is tested in department-transfer.test.ts).
  const db = new Database(join(server.dataDir, 'agent-desk.sqlite'), { timeout: 5000 });
  db.prepare("UPDATE departments SET phone = '13900000000' WHERE name = '贷款科'").run();
  db.close();

  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, server.url, '1008');
  await expect(page.getByTestId('phone-status')).toContainText('已注册');
  await page.getByRole('button', { name: '签入并就绪' }).click();
  await expect(page.getByTestId('agent-state')).toContainText('就绪');

  const trunk = startSippTrunk('trunk-answer.xml', trunkPort, ['-rtp_echo']);
  const caller = startSippCaller('caller-to-agent.xml', server.sipUdpPort, ['-d', '20000', '-rtp_echo']);
  try {
    await expect(page.getByTestId('call-card')).toContainText('来电振铃', { timeout: 20_000 });
    await page.getByRole('button', { name: '接听' }).click();
    await expect(page.getByTestId('call-card')).toContainText('通话中');

    // Only departments with an extension are offered.
    const choice = page.getByTestId('transfer-department');
    await expect(choice.locator('option')).toHaveText(['选择部门', '贷款科']);
    await choice.selectOption({ label: '贷款科' });
    await page.screenshot({ path: testInfo.outputPath('department-choice-1366.png') });
    await page.getByRole('button', { name: '转部门' }).click();
    await expect(page.getByTestId('transfer-status')).toContainText('已转接贷款科', { timeout: 15_000 });
    await expect(page.getByTestId('agent-state')).toContainText('话后处理');
    // The card names what happened: a department took it, not a colleague.
    await expect(page.getByTestId('call-card')).toContainText('已转接部门');
    await expect(page.getByTestId('call-card')).not.toContainText('已转接同事');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: testInfo.outputPath('department-done-1920.png') });
    expect((await caller.done).code).toBe(0);
    expect((await trunk.done).code).toBe(0); // the department got its BYE when the caller hung up
  } finally {
    caller.kill();
    trunk.kill();
  }
});
