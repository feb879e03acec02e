// The admin console's operations in Chromium against the built server: the admin backs up now,
// sees the copy listed and verified; sets a caller's telephone PIN at the outlet (then the stored
// hash is checked with the server's own PIN check); a 质检 user opens a work order and can change
// nothing. Screens at 1366×768 and 1920×1080, in Chinese and English.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { test, expect } from '../fixtures/test.js';
import { signIn } from '../fixtures/desk.js';
import { apiAs } from '../fixtures/api.js';
import { E2E_ADMIN_PASSWORD } from '../fixtures/server-process.js';
import { verifyPin } from '../../main/server/verification/pin-hash.js';
import { randomBytes, scryptSync } from 'node:crypto';

test.use({ serverArgs: ['--demo'], viewport: { width: 1366, height: 768 } });

const shot = async (page: Page, testInfo: TestInfo, name: string) => {
  for (const [w, h] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: testInfo.outputPath(`${name}-${w}.png`) });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
};

test('admin backs up and verifies, sets a PIN at the outlet; 质检 opens a work order read-only', async ({ page, browser, server, consoleErrors }, testInfo) => {
  test.setTimeout(120_000);
  const db = new Database(join(server.dataDir, 'agent-desk.sqlite'), { readonly: true });
  const person = db.prepare("SELECT fund_account, id_card_no FROM pf_people WHERE status = '正常' ORDER BY id LIMIT 1").get() as {
    fund_account: string;
    id_card_no: string;
  };

  await signIn(page, server.url, '9001', E2E_ADMIN_PASSWORD);
  await expect(page.getByTestId('admin-screen')).toBeVisible();
  // 设置 belongs to the desktop app: a browser never shows it.
  await expect(page.getByTestId('open-settings')).toHaveCount(0);

  // 备份: run now → listed, checked when written; verify → checked again.
  await page.getByTestId('admin-section-backups').click();
  await expect(page.getByTestId('backups-section')).toBeVisible();
  await page.getByTestId('backup-run').click();
  await expect(page.getByTestId('backup-message')).toContainText(/已备份 agent-desk-\d{8}-\d{6}\.sqlite/);
  const row = page.getByTestId('backup-row').first();
  await expect(row).toHaveAttribute('data-check', 'ok');
  await expect(row.getByTestId('backup-check')).toHaveText('写入时校验通过');
  await row.getByTestId('backup-verify').click();
  await expect(row.getByTestId('backup-check')).toContainText('校验通过（');
  await expect(page.getByTestId('backup-restore-note')).toContainText('docs/operations.md');
  // The schedule: a bad number is refused in the form, a good one is in force at once.
  await page.getByTestId('backup-daily').check();
  await page.getByTestId('backup-daily-at').fill('03:30');
  await page.getByTestId('backup-keep').fill('0');
  await page.getByTestId('backup-save-schedule').click();
  await expect(page.getByTestId('backup-error')).toHaveText('保留份数应为 1 到 365 之间的整数');
  await expect(page.getByTestId('backup-keep')).toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('backup-keep').fill('7');
  await page.getByTestId('backup-save-schedule').click();
  await expect(page.getByTestId('backup-message')).toHaveText('已保存，立即生效');
  await expect(page.getByTestId('backup-next')).toContainText(/下次自动备份：\d{4}-\d{2}-\d{2} 03:30/);
  await shot(page, testInfo, 'backups-zh');

  // 电话查询密码: a form after the document check; a wrong repeat is caught before sending.
  await page.getByTestId('admin-section-callerPins').click();
  await page.getByTestId('pin-documentNumber').fill(person.id_card_no);
  await page.getByTestId('pin-loginType').selectOption('id_card');
  await page.getByTestId('pin-account').fill(person.id_card_no);
  await page.getByTestId('pin-pin').fill('739154');
  await page.getByTestId('pin-pinAgain').fill('739155');
  await page.getByTestId('pin-checked').check();
  await page.getByTestId('pin-submit').click();
  await expect(page.getByTestId('pin-error')).toHaveText('两次输入的新密码不一致');
  await page.getByTestId('pin-pinAgain').fill('739154');
  await page.getByTestId('pin-submit').click();
  await expect(page.getByTestId('pin-done')).toContainText('已为个人账户');
  await expect(page.getByTestId('pin-pin')).toHaveValue('');
  await shot(page, testInfo, 'pins-zh');
  // The stored hash is the new PIN's, by the server's own check (what the IVR and the desk run).
  const hash = db.prepare("SELECT pin_hash FROM caller_pins WHERE subject_kind = 'person' AND subject_id = ?").pluck().get(person.fund_account) as string;
  expect(await verifyPin('739154', hash)).toBe(true);
  expect(await verifyPin('123456', hash)).toBe(false);
  const audit = db.prepare("SELECT detail FROM audit_log WHERE action = 'caller_pin.set'").pluck().all() as string[];
  expect(audit).toHaveLength(1);
  expect(audit[0]).not.toContain('739154');

  // Bulk import: one good hash is stored; a malformed hash (server) and an unknown kind (file check) are listed by line.
  const other = db.prepare("SELECT fund_account FROM pf_people WHERE status = '正常' ORDER BY id LIMIT 1 OFFSET 1").pluck().get() as string;
  const salt = randomBytes(16);
  const good = ['scrypt', 16384, 8, 1, salt.toString('base64url'), scryptSync('204867', salt, 32, { N: 16384, r: 8, p: 1 }).toString('base64url')].join('$');
  const csv = `subjectKind,subjectId,hash\nperson,${other},${good}\nperson,330100999999,md5$abc\ncompany,E0001,${good}\n`;
  await page.getByTestId('pin-import-file').setInputFiles({ name: 'pins.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByTestId('pin-import-send').click();
  await expect(page.getByTestId('pin-import-result')).toHaveText('已导入 1 条，拒绝 2 条');
  const refused = page.getByTestId('pin-import-refused').locator('tbody tr');
  await expect(refused).toHaveText([/^3\*+9999哈希格式不对/, /^4\*0001subjectKind 应为 person 或 employer/]);
  const imported = db.prepare('SELECT pin_hash FROM caller_pins WHERE subject_id = ?').pluck().get(other) as string;
  expect(await verifyPin('204867', imported)).toBe(true);

  // The same screens in English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('admin-section-callerPins')).toHaveText('Telephone PINs');
  await shot(page, testInfo, 'pins-en');
  await page.getByTestId('admin-section-backups').click();
  await expect(page.getByTestId('backup-row').first().getByTestId('backup-check')).toContainText('Verified (');
  await shot(page, testInfo, 'backups-en');

  // 质检 opens an order (an agent's) and gets no step to take; the server refuses one anyway.
  const agent = await apiAs(server.url, '1001');
  const order = await agent.post<{ id: number }>('/api/v1/work-orders', {
    category: 'complaint',
    title: '提取到账慢',
    description: '来电反映提取款项迟迟未到账。',
    callbackNumber: '13800138000',
    submit: true,
  });
  const qualityContext = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const quality = await qualityContext.newPage();
  await signIn(quality, server.url, '2101');
  await quality.getByRole('button', { name: '工单', exact: true }).click();
  await quality.getByRole('button', { name: `打开工单 ${order.id}` }).click();
  const detail = quality.getByTestId('order-detail');
  await expect(detail).toContainText('提取到账慢');
  await expect(detail.getByTestId('order-read-only')).toHaveText('只读：质检可查看工单，不能修改');
  await expect(detail.getByRole('button', { name: /受理|退回|派发|作废|办结|回复/ })).toHaveCount(0);
  await shot(quality, testInfo, 'quality-order-zh');
  const qualityApi = await apiAs(server.url, '2101');
  await expect(qualityApi.post(`/api/v1/work-orders/${order.id}/transitions`, { action: 'accept' })).rejects.toThrow(/403/);
  await quality.getByRole('button', { name: 'English' }).click();
  await shot(quality, testInfo, 'quality-order-en');
  await qualityContext.close();

  db.close();
  expect(consoleErrors).toEqual([]);
});

// The desktop app's 设置 screen, drawn in Chromium with a stand-in bridge (no Electron binary
// here): only to look at it in both languages; its logic is tested in vitest.
test('the workstation settings screen, as the desktop app shows it', async ({ page, server }, testInfo) => {
  await page.addInitScript(() => {
    const view = { saved: { mode: 'remote', serverUrl: 'http://10.20.30.40:8329' }, activeUrl: 'http://127.0.0.1:8329', overriddenByEnvironment: false };
    (window as unknown as { desk: unknown }).desk = {
      getAppInfo: async () => ({ version: 'e2e', platform: 'linux', serverUrl: location.origin }),
      onShortcut: () => () => undefined,
      showNotification: async () => undefined,
      flashWindow: async () => undefined,
      openExternal: async () => false,
      getServerSettings: async () => view,
      checkServer: async () => ({ ok: false, reason: 'unreachable', detail: 'ECONNREFUSED' }),
      saveServerSettings: async () => ({ ok: false, check: { ok: false, reason: 'unreachable', detail: 'ECONNREFUSED' } }),
      relaunch: async () => undefined,
    };
  });
  await page.goto(server.url);
  await page.getByTestId('sign-in-settings').click();
  await expect(page.getByTestId('settings-url')).toHaveValue('http://10.20.30.40:8329');
  await page.getByTestId('settings-check-button').click();
  await expect(page.getByTestId('settings-check')).toHaveText('无法连接该服务器：对方拒绝连接');
  await shot(page, testInfo, 'settings-zh');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('settings-check')).toHaveText('Cannot reach this server: connection refused');
  await shot(page, testInfo, 'settings-en');
});
