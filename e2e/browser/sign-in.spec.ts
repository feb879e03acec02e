import { test, expect } from '../fixtures/test.js';

test('the desk loads from the real server and shows the Chinese agent sign-in', async ({ page, server, consoleErrors }, testInfo) => {
  const response = await page.goto(server.url);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

  await expect(page.getByRole('heading', { name: '坐席签入' })).toBeVisible();
  await expect(page.getByLabel('工号')).toBeVisible();
  await expect(page.getByLabel('密码')).toBeVisible();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await expect(page.getByTestId('connection-status')).toContainText('已连接');
  await expect(page.getByTestId('connection-status')).toContainText('版本 0.1.0');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toHaveText('请输入工号和密码');

  const shot = testInfo.outputPath('sign-in.png');
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach('sign-in', { path: shot, contentType: 'image/png' });
  expect(consoleErrors).toEqual([]);
});

test('the desk switches to English and back', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Agent sign-in' })).toBeVisible();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '坐席签入' })).toBeVisible();
});

test('the server answers health checks and JSON errors', async ({ request, server }) => {
  const health = await request.get(`${server.url}/healthz`);
  expect(health.ok()).toBe(true);
  const body = (await health.json()) as { status: string; version: string; uptimeSeconds: number; sip: { udpPort: number } };
  expect(body).toMatchObject({ status: 'ok', version: '0.1.0' });
  expect(body.sip.udpPort).toBe(server.sipUdpPort);
  const missing = await request.get(`${server.url}/api/v1/does-not-exist`);
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toMatchObject({ code: 'not_found' });
});
