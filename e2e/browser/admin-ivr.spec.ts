// The center admin's 语音导航: uploads a prompt (a WAV spoken by espeak-ng here), previews it in
// the browser (a play ticket, the <audio> element streams it), makes a menu prompt from text with
// the server's TTS, and edits an outlet whose new address the IVR then reads. Every change is in
// the audit log. Screenshots in both languages at both sizes.
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '../fixtures/test.js';
import { signIn } from '../fixtures/desk.js';
import { E2E_ADMIN_PASSWORD } from '../fixtures/server-process.js';

test.use({ serverArgs: ['--demo'], viewport: { width: 1366, height: 768 } });

test('an admin replaces, previews and makes IVR prompts, and edits an outlet', async ({ page, server, consoleErrors }, testInfo) => {
  test.setTimeout(90_000);
  const spoken = testInfo.outputPath('welcome-espeak.wav');
  execFileSync('espeak-ng', ['-v', 'cmn', '-w', spoken, '欢迎致电住房公积金热线，祝您生活愉快。']);
  const notAudio = testInfo.outputPath('notes.txt');
  writeFileSync(notAudio, 'not a recording');

  await signIn(page, server.url, '9001', E2E_ADMIN_PASSWORD);
  await page.getByTestId('admin-section-ivr-prompts').click();
  await expect(page.getByTestId('prompt-row-menu-main')).toContainText('业务指南请按一');

  // A bad file is refused with its reason, under the marked field.
  await page.getByTestId('prompt-filter-all').click();
  await page.getByRole('searchbox').fill('welcome');
  await page.getByTestId('prompt-row-welcome').click();
  await expect(page.getByTestId('prompt-editor')).toContainText('welcome');
  await page.getByTestId('prompt-file').setInputFiles(notAudio);
  await page.getByTestId('prompt-upload').click();
  await expect(page.getByTestId('prompt-error')).toContainText('不支持该文件格式');
  await expect(page.getByTestId('prompt-file')).toHaveAttribute('aria-invalid', 'true');

  // The espeak-ng WAV (22 kHz) is converted and replaces the welcome prompt.
  await page.getByTestId('prompt-file').setInputFiles(spoken);
  await page.getByTestId('prompt-upload').click();
  await expect(page.getByTestId('prompt-done')).toContainText('录音已替换');
  await expect(page.getByTestId('prompt-row-welcome')).toContainText('上传录音');
  await expect(page.getByTestId('prompt-editor')).toContainText('welcome-espeak.wav');

  // Preview: the element has data and plays.
  await page.getByTestId('preview-welcome').click();
  const audio = page.getByTestId('prompt-audio');
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.readyState), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.3);
  expect(await audio.evaluate((a: HTMLAudioElement) => a.duration)).toBeGreaterThan(2);

  // A menu's sentence made from a new text.
  await page.getByTestId('prompt-filter-menu').click();
  await page.getByRole('searchbox').fill('menu-main');
  await page.getByTestId('prompt-row-menu-main').click();
  await page.getByTestId('prompt-text').fill('业务指南请按一，业务查询请按二，业务受理请按三，人工服务请按零。');
  await page.getByTestId('prompt-make').click();
  await expect(page.getByTestId('prompt-done')).toContainText('已按文字生成');
  await expect(page.getByTestId('prompt-row-menu-main')).toContainText('文字合成');
  await page.getByRole('searchbox').fill('');
  await page.screenshot({ path: testInfo.outputPath('ivr-prompts-zh-1366.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: testInfo.outputPath('ivr-prompts-zh-1920.png') });
  await page.setViewportSize({ width: 1366, height: 768 });

  // An outlet's address edited: its speech is made on save and can be previewed.
  await page.getByTestId('admin-section-ivr-content').click();
  await page.getByTestId('content-tab-outlets').click();
  await page.getByTestId('outlet-row-WD01').click();
  await page.getByTestId('outlet-address').fill('上城区望江路 300 号市民服务中心三楼');
  await page.getByTestId('outlet-save').click();
  await expect(page.getByTestId('outlet-done')).toBeVisible();
  await expect(page.getByTestId('outlet-row-WD01')).toContainText('300 号');
  await expect(page.getByTestId('outlet-row-WD01')).toContainText('按文字合成');
  await page.getByTestId('outlet-editor').getByRole('button', { name: '试听' }).click();
  await expect.poll(() => page.getByTestId('prompt-audio').evaluate((a: HTMLAudioElement) => a.readyState), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
  // A phone that is not one is refused on its field.
  await page.getByTestId('outlet-phone').fill('call us');
  await page.getByTestId('outlet-save').click();
  await expect(page.getByTestId('outlet-error')).toContainText('电话');
  await expect(page.getByTestId('outlet-phone')).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: testInfo.outputPath('ivr-content-zh-1366.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: testInfo.outputPath('ivr-content-zh-1920.png') });

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('admin-section-ivr-content')).toHaveText('Self-service content');
  await page.screenshot({ path: testInfo.outputPath('ivr-content-en-1920.png') });
  await page.getByTestId('admin-section-ivr-prompts').click();
  await expect(page.getByTestId('prompt-row-menu-main')).toContainText('From text');
  await page.screenshot({ path: testInfo.outputPath('ivr-prompts-en-1920.png') });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: testInfo.outputPath('ivr-prompts-en-1366.png') });
  await page.getByTestId('admin-section-ivr-content').click();
  await page.locator('[data-testid^="policy-row-"]', { hasText: '住房公积金贷款利率' }).click();
  await expect(page.getByTestId('policy-summary')).toHaveValue('首套住房五年以上贷款年利率为百分之二点六。');
  await page.screenshot({ path: testInfo.outputPath('ivr-policies-en-1366.png') });

  const db = new Database(join(server.dataDir, 'agent-desk.sqlite'), { readonly: true });
  const actions = db.prepare("SELECT a.action, a.entity_id AS id FROM audit_log a WHERE a.action LIKE 'ivr.%' ORDER BY a.id").all();
  db.close();
  expect(actions).toEqual([
    { action: 'ivr.prompt.upload', id: 'welcome' },
    { action: 'ivr.prompt.text', id: 'menu-main' },
    { action: 'ivr.outlet.update', id: 'WD01' },
  ]);
  expect(consoleErrors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
});
