import Database from 'better-sqlite3';
import { join } from 'node:path';
import { test, expect } from '../fixtures/test.js';
import { signIn } from '../fixtures/desk.js';
import { hasSipp, startSippTrunk, trunkPortFor } from '../fixtures/sipp.js';

const trunkPort = trunkPortFor(7);
test.use({ serverArgs: ['--demo', '--service-hours', 'always', '--trunk', `sip:127.0.0.1:${trunkPort}`] });

test('the team lead assigns a reminder-call list; the agent calls the number through the trunk, records the attempt and marks it done', async ({
  page,
  browser,
  server,
}, testInfo) => {
  test.skip(!hasSipp, 'SIPp (Debian sip-tester) is not installed');
  test.setTimeout(120_000);
  // The team lead makes the list on the work-order screen.
  const leadContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const lead = await leadContext.newPage();
  await signIn(lead, server.url, '2001');
  await lead.getByRole('button', { name: '工单', exact: true }).click();
  const panel = lead.getByTestId('follow-up-lists');
  await panel.getByLabel('名单名称').fill('4月起贷款利率下调告知');
  await panel.getByLabel('回访事由').selectOption('rate_change');
  await panel.getByLabel('告知内容（话术）').fill('您好，公积金贷款利率自4月1日起下调，月供将相应减少。');
  await panel.getByLabel('号码（每行一个，可跟姓名）').fill('13900000000 王先生');
  await panel.getByLabel('分配给坐席（工号，逗号分隔）').fill('1001');
  await panel.getByRole('button', { name: '创建并分配' }).click();
  await expect(panel.getByTestId('follow-up-list')).toContainText('已办结 0 / 已分配 1 / 共 1');
  await lead.screenshot({ path: testInfo.outputPath('lead-list-1366.png') });

  // 1001 finds the number on the desk and calls it.
  await page.setViewportSize({ width: 1366, height: 768 });
  const trunk = startSippTrunk('trunk-answer.xml', trunkPort, ['-rtp_echo']);
  try {
    await signIn(page, server.url, '1001');
    await expect(page.getByTestId('phone-status')).toContainText('已注册');
    await page.getByRole('button', { name: '签入并就绪' }).click();
    await expect(page.getByTestId('agent-state')).toContainText('就绪');
    const entry = page.getByTestId('my-follow-ups').getByTestId('follow-up-entry');
    await expect(entry).toContainText('13900000000 王先生');
    await expect(entry).toContainText('已拨 0 次');
    await page.screenshot({ path: testInfo.outputPath('agent-list-1366.png') });
    await entry.getByRole('button', { name: '拨打' }).click();
    await expect(page.getByTestId('call-card')).toContainText('通话中', { timeout: 20_000 });
    await page.getByRole('button', { name: '挂机' }).click();
    await expect(page.getByTestId('call-card')).toContainText('通话已结束');
    await entry.getByRole('button', { name: '已接通' }).click();
    await expect(entry).toContainText('已拨 1 次');
    await entry.getByLabel('回访结果').fill('已告知新利率，来电人无异议');
    await entry.getByRole('button', { name: '办结' }).click();
    await expect(entry).toContainText('1001 于');
    await expect(entry).toContainText('已告知新利率，来电人无异议');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: testInfo.outputPath('agent-done-1920.png') });
  } finally {
    trunk.kill();
  }
  await lead.reload();
  await lead.getByRole('button', { name: '工单', exact: true }).click();
  await expect(lead.getByTestId('follow-up-list')).toContainText('已办结 1 / 已分配 1 / 共 1');

  const db = new Database(join(server.dataDir, 'agent-desk.sqlite'), { readonly: true });
  const attempt = db
    .prepare(
      'SELECT t.outcome, c.direction, c.caller, c.callee, c.answered_at IS NOT NULL AS answered FROM follow_up_attempts t JOIN calls c ON c.id = t.call_id',
    )
    .get();
  db.close();
  expect(attempt).toEqual({ outcome: 'answered', direction: 'outbound', caller: '1001', callee: '13900000000', answered: 1 });
  await leadContext.close();
});
