import { test, expect } from '../fixtures/test.js';
import { signIn } from '../fixtures/desk.js';
import Database from 'better-sqlite3';
import { join } from 'node:path';

test.use({ serverArgs: ['--demo'] });

test('the agent records a complaint, reads the restatement, and saving opens a work order', async ({ page, server, consoleErrors }, testInfo) => {
  await signIn(page, server.url, '1002');
  await expect(page.getByTestId('greeting-script')).toHaveText('您好，12329住房公积金热线 1002 号为您服务。');

  await page.getByText('投诉', { exact: true }).click();
  await page.getByLabel('事由').fill('提取业务办理慢');
  await page.getByLabel('来电人姓名').fill('王先生');
  await page.getByLabel('回电号码').fill('13800138000');
  await page.getByLabel('详细情况').fill('在城西网点办理租房提取，等候两个小时。');
  await expect(page.getByTestId('restatement')).toContainText('您这次来电是投诉，关于“提取业务办理慢”');
  await expect(page.getByTestId('restatement')).toContainText('138 0013 8000');
  await expect(page.getByText('保存后将自动生成工单')).toBeVisible();

  // The draft survives a reload (autosave), so a crash loses nothing.
  await page.reload();
  await expect(page.getByLabel('事由')).toHaveValue('提取业务办理慢');

  await page.getByRole('button', { name: '确认无误，保存' }).click();
  await expect(page.getByTestId('record-saved')).toContainText(/已生成工单 \d+，办结时限 \d{4}-\d{2}-\d{2} 23:59/);
  await expect(page.getByLabel('事由')).toHaveValue('');
  await page.screenshot({ path: testInfo.outputPath('record-saved.png') });

  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('agent-desk.session') ?? '{}').token as string);
  const orders = await (await fetch(`${server.url}/api/v1/work-orders`, { headers: { Authorization: `Bearer ${token}` } })).json();
  expect(orders.workOrders).toEqual([
    expect.objectContaining({ category: 'complaint', state: 'pending_approval', title: '提取业务办理慢', callbackNumber: '13800138000' }),
  ]);

  // The order is in 我的工单 with its due time; once past due it is flagged in red.
  const row = page.getByTestId('work-orders').getByRole('row', { name: /提取业务办理慢/ });
  await expect(row).toContainText('待审核');
  await expect(row).toContainText(/\d{4}-\d{2}-\d{2} 23:59/);
  const db = new Database(join(server.dataDir, 'agent-desk.sqlite'));
  // As if the order had been opened six days ago and its five working days had run out.
  db.prepare('UPDATE work_orders SET created_at = ?, due_at = ? WHERE id = ?').run(
    Date.now() - 6 * 86_400_000,
    Date.now() - 3_600_000,
    orders.workOrders[0].id,
  );
  db.close();
  await page.reload();
  await expect(row.getByText('已超期')).toBeVisible();
  await expect(row.locator('.due--overdue')).toHaveCSS('color', 'rgb(192, 57, 43)');
  await page.screenshot({ path: testInfo.outputPath('work-orders.png') });
  expect(consoleErrors).toEqual([]);
});
