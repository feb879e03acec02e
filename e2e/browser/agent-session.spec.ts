import { test, expect } from '../fixtures/test.js';

test.use({ serverArgs: ['--demo'] });

test('a demo agent signs in, sees the desk, and the session survives a reload', async ({ page, server, consoleErrors }, testInfo) => {
  await page.goto(server.url);
  await page.getByLabel('工号').fill('1001');
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toHaveText('工号或密码错误');

  await page.getByLabel('密码').fill('demo1001');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('signed-in-user')).toHaveText('张敏（1001 号）');
  await expect(page.getByRole('heading', { name: '软电话' })).toBeVisible();
  await expect(page.getByTestId('call-card')).toContainText('当前无通话');
  // The softphone registers over /sip with the session's SIP secret (digest auth).
  await expect(page.getByTestId('phone-status')).toContainText('已注册');
  await expect(page.getByTestId('agent-state')).toContainText('签出');
  await page.getByRole('button', { name: '签入并就绪' }).click();
  await expect(page.getByTestId('agent-state')).toContainText('就绪');
  await page.getByRole('button', { name: '示忙' }).click();
  await expect(page.getByTestId('agent-state')).toContainText('示忙（小休）');
  await page.getByRole('button', { name: '就绪' }).click();
  await expect(page.getByTestId('agent-state')).toContainText('就绪');
  await page.screenshot({ path: testInfo.outputPath('desk.png') });

  // From the keyboard: F8 toggles 就绪/示忙 with the reason picked in the bar, F3 goes to the knowledge base.
  await page.keyboard.press('F8');
  await expect(page.getByTestId('agent-state')).toContainText('示忙（小休）');
  await page.getByLabel('示忙原因').selectOption('会议');
  await page.keyboard.press('F8');
  await expect(page.getByTestId('agent-state')).toHaveText(/^就绪/);
  await page.keyboard.press('F8');
  await expect(page.getByTestId('agent-state')).toContainText('示忙（会议）');
  await page.keyboard.press('F3');
  await expect(page.getByRole('searchbox')).toBeFocused();
  await page.keyboard.type('提取');
  await page.keyboard.press('F8');
  await expect(page.getByTestId('agent-state')).toHaveText(/^就绪/);
  await expect(page.getByTestId('hotkeys-legend')).toContainText('F2 接听');

  await page.reload();
  await expect(page.getByTestId('signed-in-user')).toHaveText('张敏（1001 号）');
  await expect(page.getByTestId('phone-status')).toContainText('已注册');

  await page.getByRole('button', { name: '退出' }).click();
  await expect(page.getByRole('heading', { name: '坐席签入' })).toBeVisible();
  // The 401 of the wrong password is the only console error the browser logs.
  expect(consoleErrors.filter((e) => !e.includes('401'))).toEqual([]);
});
