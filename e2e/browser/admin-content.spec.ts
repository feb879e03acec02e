import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { test, expect } from '../fixtures/test.js';
import { signIn } from '../fixtures/desk.js';
import { E2E_ADMIN_PASSWORD } from '../fixtures/server-process.js';
import { hasSipp, startSippCaller } from '../fixtures/sipp.js';
import { provisionalCalendarYear } from '../../main/server/work-orders/statutory-holidays.js';

// No --service-hours: the hours are the admin's to set.
test.use({ serverArgs: ['--demo'], viewport: { width: 1366, height: 768 } });

/** One SIPp caller: the IVR, 0 for 人工 after 1.5 s, then hangs up after -d ms; answers the call's row. */
async function callerPressingZero(dataDir: string, sipPort: number): Promise<{ ivr_path: string; offered_to_agent: number; queued_at: number | null }> {
  const caller = startSippCaller('caller-to-queue-load.xml', sipPort, ['-d', '4000', '-rtp_echo']);
  const run = await caller.done;
  expect(run.code, run.stderr).toBe(0);
  const db = new Database(join(dataDir, 'agent-desk.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT ivr_path, offered_to_agent, queued_at FROM calls ORDER BY arrived_at DESC LIMIT 1').get() as {
      ivr_path: string;
      offered_to_agent: number;
      queued_at: number | null;
    };
  } finally {
    db.close();
  }
}

/** Sets every weekday of the week table to these periods (none: closed). */
async function setWeek(page: Page, periods: Array<[string, string]>) {
  await expect(page.getByTestId('admin-hours-week')).toBeVisible();
  for (let day = 1; day <= 7; day++) {
    const editor = page.getByTestId(`admin-hours-periods-${day}`);
    const remove = editor.getByRole('button', { name: '删除时段' });
    for (let n = await remove.count(); n > 0; n--) {
      await remove.first().click();
      await expect(remove).toHaveCount(n - 1);
    }
    for (const [i, [from, to]] of periods.entries()) {
      await editor.getByTestId(`admin-hours-periods-${day}-add`).click();
      await editor.getByLabel('开始时间').nth(i).fill(from);
      await editor.getByLabel('结束时间').nth(i).fill(to);
    }
  }
}

test('the admin edits and publishes a KB article, sets the hours a SIPp caller meets, and uploads next year’s calendar', async ({
  page,
  browser,
  server,
  consoleErrors,
}, testInfo) => {
  test.setTimeout(150_000);
  await signIn(page, server.url, '9001', E2E_ADMIN_PASSWORD);
  await expect(page.getByTestId('admin-screen')).toBeVisible();

  // ── 知识库: the agent is searching on a second page while the admin writes the answer.
  const agentPage = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await signIn(agentPage, server.url, '1003');
  await agentPage.getByLabel('搜索知识库').fill('灵活就业缴存');
  await expect(agentPage.getByTestId('kb-results')).not.toContainText('灵活就业人员缴存住房公积金（试点）');

  await page.getByTestId('admin-section-knowledge-base').click();
  await page.getByTestId('admin-kb-new').click();
  await page.getByTestId('admin-kb-publish').click();
  // Nothing filled: the title is marked and said in Chinese.
  await expect(page.getByTestId('admin-kb-error')).toContainText('请填写标题');
  await expect(page.getByTestId('kb-edit-title')).toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('kb-edit-title').fill('灵活就业人员缴存住房公积金（试点）');
  await page.getByTestId('kb-edit-category').selectOption('缴存');
  await page.getByTestId('kb-edit-keywords').fill('灵活就业，个体户');
  await page.getByTestId('kb-edit-body').fill('灵活就业人员可在线开户，按月或按年自愿缴存，缴存基数在上年度职工月平均工资的60%至300%之间自主选择。');
  await page.getByTestId('kb-edit-expiresAt').fill('2099-12-31');
  await page.getByTestId('admin-kb-preview').check();
  await expect(page.getByTestId('admin-kb-preview-pane')).toContainText('按月或按年自愿缴存');
  await page.screenshot({ path: testInfo.outputPath('kb-preview-1366.png') });
  await page.getByTestId('admin-kb-publish').click();
  const publishedAt = Date.now();
  await expect(page.getByTestId('admin-kb-saved')).toContainText('已发布 v1');
  // The agent's open search finds it within 1 s of the publish (the desk gets kb.article-changed).
  await expect(agentPage.getByTestId('kb-results')).toContainText('灵活就业人员缴存住房公积金（试点）', { timeout: 1000 });
  expect(Date.now() - publishedAt).toBeLessThan(1000);
  // A second version, then pinned on top of the hot list.
  await page.getByTestId('admin-kb-preview').uncheck();
  await page.getByTestId('kb-edit-body').fill('灵活就业人员可在线开户，按月或按年自愿缴存（2026 年修订）。');
  await page.getByTestId('admin-kb-publish').click();
  await expect(page.getByTestId('admin-kb-saved')).toContainText('已发布 v2');
  await expect(page.getByTestId('admin-kb-versions').locator('tr')).toHaveCount(2);
  await page.getByTestId('admin-kb-pin').click();
  await expect(page.getByTestId('admin-kb-hot').locator('li').first()).toContainText('灵活就业人员缴存住房公积金（试点）');
  await page.screenshot({ path: testInfo.outputPath('kb-1366.png') });
  await agentPage.context().close();

  // ── 服务时间: closed all week; a SIPp caller pressing 0 is told the (new) closed-hours prompt.
  await page.getByTestId('admin-section-service-hours').click();
  await setWeek(page, [['09:00', '08:00']]);
  await page.getByTestId('admin-hours-save').click();
  await expect(page.getByTestId('admin-hours-error')).toContainText('结束时间应晚于开始时间（周一第 1 段）');
  await expect(page.getByTestId('admin-hours-periods-1').getByLabel('结束时间')).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: testInfo.outputPath('hours-error-1366.png') });
  await setWeek(page, []);
  await page.getByTestId('admin-hours-save').click();
  await expect(page.getByTestId('admin-hours-saved')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('admin-hours-now')).toContainText('现在不在人工服务时间');
  await expect(page.getByTestId('admin-hours-prompt')).toContainText('人工服务暂停');
  await expect(page.getByText('已用语音合成生成')).toBeVisible();
  if (hasSipp) {
    const closed = await callerPressingZero(server.dataDir, server.sipUdpPort);
    // The IVR path (node labels): 非工作时间 is the agent-closed menu, whose first prompt is the one just spoken.
    expect(JSON.parse(closed.ivr_path)).toContain('非工作时间');
    expect(closed).toMatchObject({ offered_to_agent: 0, queued_at: null });
  }

  // Open round the clock (two periods a day), one dated exception: the prompt is spoken anew by the TTS.
  await setWeek(page, [
    ['00:00', '12:00'],
    ['12:00', '24:00'],
  ]);
  await page.getByTestId('admin-hours-new-date').fill('2099-10-08');
  await page.getByTestId('admin-hours-add-exception').click();
  await page.getByTestId('admin-hours-save').click();
  await expect(page.getByTestId('admin-hours-now')).toContainText('现在是人工服务时间', { timeout: 30_000 });
  await expect(page.getByTestId('admin-hours-prompt')).toContainText('周一至周日凌晨零点至中午十二点、中午十二点至晚上十二点');
  await expect(page.getByText('已用语音合成生成')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('hours-1366.png'), fullPage: true });
  if (hasSipp) {
    const open = await callerPressingZero(server.dataDir, server.sipUdpPort);
    expect(JSON.parse(open.ivr_path)).toEqual(['人工']);
    expect(open.offered_to_agent).toBe(1);
    expect(open.queued_at).not.toBeNull();
  }

  // ── 节假日: next year is provisional until its notice is uploaded; a bad file is refused per row.
  const next = new Date().getFullYear() + 1;
  const official = provisionalCalendarYear(next);
  const file = testInfo.outputPath(`${next}.json`);
  await page.getByTestId('admin-section-calendars').click();
  await page.getByTestId('admin-calendar-year').selectOption(String(next));
  await expect(page.getByTestId('admin-calendar-provisional')).toBeVisible();
  const bad = { ...official, holidays: official.holidays.map((h, i) => (i === 1 ? { ...h, to: `${next}-01-01` } : h)) };
  writeFileSync(file, JSON.stringify(bad));
  await page.getByTestId('admin-calendar-file').setInputFiles(file);
  await page.getByTestId('admin-calendar-upload').click();
  await expect(page.getByTestId('admin-calendar-error')).toContainText(`第 2 个节假日「春节」${next}-`);
  await page.screenshot({ path: testInfo.outputPath('calendar-error-1366.png') });
  const saturday = [...Array(60).keys()].map((d) => new Date(Date.UTC(next, 0, 2 + d))).find((d) => d.getUTCDay() === 6)!;
  const workingDay = saturday.toISOString().slice(0, 10);
  writeFileSync(
    file,
    JSON.stringify({ ...official, source: `国务院办公厅关于${next}年部分节假日安排的通知`, workingWeekendDays: [{ date: workingDay, for: '春节' }] }),
  );
  await page.getByTestId('admin-calendar-file').setInputFiles(file);
  await page.getByTestId('admin-calendar-upload').click();
  await expect(page.getByTestId('admin-calendar-loaded')).toContainText(`${next} 年节假日已生效`);
  await expect(page.getByTestId('admin-calendar-provisional')).toHaveCount(0);
  await expect(page.getByTestId('admin-calendar-source')).toContainText('管理员上传');
  await expect(page.locator(`[data-date="${workingDay}"]`)).toHaveAttribute('data-kind', 'working');
  await expect(page.locator(`[data-date="${next}-01-01"]`)).toHaveAttribute('data-kind', 'holiday');
  await page.screenshot({ path: testInfo.outputPath('calendar-1366.png') });

  // The same screens at 1920×1080, in English too.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: testInfo.outputPath('calendar-1920.png') });
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('admin-calendar-source')).toContainText('uploaded by an admin');
  await page.screenshot({ path: testInfo.outputPath('calendar-1920-en.png') });
  await page.getByTestId('admin-section-service-hours').click();
  await expect(page.getByTestId('admin-hours-now')).toContainText('Agents are in service now');
  await page.screenshot({ path: testInfo.outputPath('hours-1920-en.png') });
  await page.getByTestId('admin-section-knowledge-base').click();
  await page.getByTestId('admin-kb-find').fill('灵活就业');
  await page.getByRole('button', { name: /灵活就业人员缴存住房公积金/ }).click();
  await expect(page.getByTestId('admin-kb-editor')).toContainText('Editing article');
  await page.screenshot({ path: testInfo.outputPath('kb-1920-en.png') });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: testInfo.outputPath('kb-1366-en.png') });
  // The three refusals above (an empty article, a period ending before it starts, a bad calendar) are 400s the browser logs.
  expect(consoleErrors.filter((e) => !e.includes('status of 400'))).toEqual([]);
  expect(consoleErrors).toHaveLength(3);
});
