import { test, expect } from '../fixtures/test.js';
import { signIn } from '../fixtures/desk.js';
import { apiAs } from '../fixtures/api.js';
import { REPO_ROOT } from '../fixtures/server-process.js';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

test.use({ serverArgs: ['--demo'] });

test('a provisional due date shows 暂定 with its reason, until the official calendar is loaded', async ({ page, server, consoleErrors }, testInfo) => {
  const agent = await apiAs(server.url, '1002');
  const order = await agent.post<{ id: number; dueProvisional: boolean }>('/api/v1/work-orders', {
    category: 'complaint',
    title: '跨年投诉',
    description: '年底来电',
    submit: true,
  });
  // Today's orders end before next year: mark this one as if it had been opened in the last days of December.
  const db = new Database(join(server.dataDir, 'agent-desk.sqlite'));
  db.prepare('UPDATE work_orders SET due_provisional = 1 WHERE id = ?').run(order.id);
  db.close();

  await signIn(page, server.url, '1002');
  const row = page.getByTestId('work-orders').getByRole('row', { name: /跨年投诉/ });
  const mark = row.getByTestId('due-provisional');
  await expect(mark).toHaveText('暂定');
  await expect(mark).toHaveAttribute('title', /节假日安排尚未导入.*未含调休/);
  await page.screenshot({ path: testInfo.outputPath('provisional.png') });

  // The admin loads 2027: every open provisional order is counted again and becomes final.
  const admin = await apiAs(server.url, '9001');
  const fixture = JSON.parse(readFileSync(join(REPO_ROOT, 'main/server/work-orders/fixtures/calendar-2027-test.json'), 'utf8')) as unknown;
  const loaded = await admin.put<{ provisional: boolean; recomputedWorkOrders: number[] }>('/api/v1/calendar/2027', fixture);
  expect(loaded).toMatchObject({ provisional: false, recomputedWorkOrders: [order.id] });
  await page.reload();
  await expect(row).toContainText(/\d{4}-\d{2}-\d{2} 23:59/);
  await expect(mark).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});
