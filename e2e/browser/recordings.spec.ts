// A team lead finds a call a SIPp caller made to an agent's desk and plays its recording in the
// browser: the <audio> element streams it over HTTP (a play ticket, Range requests), the play is
// audited. The recording is the server's own (both legs of the real call), not a fixture.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { test, expect } from '../fixtures/test.js';
import { signIn } from '../fixtures/desk.js';
import { hasSipp, startSippCaller } from '../fixtures/sipp.js';

test.use({ serverArgs: ['--demo', '--service-hours', 'always'], viewport: { width: 1366, height: 768 } });

test('a team lead finds a recorded SIPp call by caller number and work number and plays it', async ({ page, browser, server, consoleErrors }, testInfo) => {
  test.skip(!hasSipp, 'SIPp (Debian sip-tester) is not installed');
  test.setTimeout(120_000);
  await signIn(page, server.url, '1003');
  await expect(page.getByTestId('phone-status')).toContainText('已注册');
  await page.getByRole('button', { name: '签入并就绪' }).click();
  await expect(page.getByTestId('agent-state')).toContainText('就绪');
  // An agent has no recordings screen.
  await expect(page.getByRole('button', { name: '通话录音' })).toHaveCount(0);

  const caller = startSippCaller('caller-to-agent.xml', server.sipUdpPort, ['-d', '6000', '-rtp_echo']);
  await expect(page.getByTestId('call-card')).toContainText('来电振铃', { timeout: 20_000 });
  await page.keyboard.press('F2');
  await expect(page.getByTestId('call-card')).toContainText('通话中');
  const sipp = await caller.done;
  expect(sipp.code, sipp.stdout + sipp.errors).toBe(0);
  await expect(page.getByTestId('call-card')).toContainText('来电人已挂机');

  const leadContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const lead = await leadContext.newPage();
  const leadErrors: string[] = [];
  lead.on('pageerror', (e) => leadErrors.push(e.message));
  await signIn(lead, server.url, '2001');
  await lead.getByRole('button', { name: '通话录音' }).click();
  await lead.getByTestId('recordings-caller').fill('8000');
  await lead.getByTestId('recordings-agent').fill('1003');
  await lead.getByTestId('recordings-search').click();
  const row = lead.getByTestId('recorded-call');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('138****8000');
  await expect(row).toContainText('1003');
  await expect(lead.getByTestId('recordings-table')).not.toContainText('13800138000');
  await expect(lead.getByTestId('recordings-usage')).toContainText(/录音共 [1-9]\d* 个文件/);
  await expect(lead.getByTestId('recordings-usage')).toContainText('保存期 730 天');

  await row.getByTestId('open-recording').click();
  const audio = lead.getByTestId('recording-audio');
  await expect(audio).toBeVisible();
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.readyState), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.3);
  expect(await audio.evaluate((a: HTMLAudioElement) => a.duration)).toBeGreaterThan(3);
  await lead.screenshot({ path: testInfo.outputPath('recordings-zh-1366.png') });

  // The play is in the audit log: who, which call.
  const db = new Database(join(server.dataDir, 'agent-desk.sqlite'), { readonly: true });
  const callId = db.prepare('SELECT id FROM calls').pluck().get() as string;
  const plays = db
    .prepare("SELECT a.entity_id AS callId, u.work_number AS who FROM audit_log a JOIN users u ON u.id = a.actor_user_id WHERE a.action = 'recording.play'")
    .all();
  db.close();
  expect(plays).toContainEqual({ callId, who: '2001' });

  // A work order opened from the call (as the agent's record panel sends it) plays the same recording.
  const orderId = await page.evaluate(async (id) => {
    const { token } = JSON.parse(sessionStorage.getItem('agent-desk.session') ?? '{}') as { token: string };
    const body = { category: 'complaint', title: '提取到账慢', description: '来电反映提取款项迟迟未到账。', callId: id, submit: true };
    const response = await fetch('/api/v1/work-orders', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return ((await response.json()) as { id: number }).id;
  }, callId);
  await lead.getByRole('button', { name: '工单', exact: true }).click();
  await lead.getByRole('button', { name: `打开工单 ${orderId}` }).click();
  const detail = lead.getByTestId('order-detail');
  await detail.getByTestId('play-recording').click();
  await expect.poll(() => detail.getByTestId('recording-audio').evaluate((a: HTMLAudioElement) => a.readyState), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
  await lead.screenshot({ path: testInfo.outputPath('order-recording-zh-1366.png') });
  await lead.getByRole('button', { name: '通话录音' }).click();

  // The same screen in English, and on a large monitor.
  await lead.getByRole('button', { name: 'English' }).click();
  await expect(lead.getByRole('heading', { name: 'Call records and recordings' })).toBeVisible();
  await expect(lead.getByTestId('recordings-usage')).toContainText('kept 730 days');
  await lead.setViewportSize({ width: 1920, height: 1080 });
  await lead.screenshot({ path: testInfo.outputPath('recordings-en-1920.png') });

  // An agent's own session may not fetch it.
  const agentStatus = await page.evaluate(async (id) => {
    const { token } = JSON.parse(sessionStorage.getItem('agent-desk.session') ?? '{}') as { token: string };
    return (await fetch(`/api/v1/calls/${id}/recording`, { headers: { Authorization: `Bearer ${token}` } })).status;
  }, callId);
  expect(agentStatus).toBe(403);
  await leadContext.close();
  expect(leadErrors).toEqual([]);

  // A quality checker (质检) lands on the recordings screen, without a phone, and plays it too.
  const qualityContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const quality = await qualityContext.newPage();
  const qualityErrors: string[] = [];
  quality.on('pageerror', (e) => qualityErrors.push(e.message));
  quality.on('console', (m) => m.type() === 'error' && qualityErrors.push(m.text()));
  await signIn(quality, server.url, '2101');
  await expect(quality.getByRole('heading', { name: '通话记录与录音' })).toBeVisible();
  await expect(quality.getByTestId('phone-status')).toHaveCount(0);
  await quality.getByTestId('recorded-call').getByTestId('open-recording').click();
  await expect
    .poll(() => quality.getByTestId('recording-audio').evaluate((a: HTMLAudioElement) => a.readyState), { timeout: 10_000 })
    .toBeGreaterThanOrEqual(2);
  // From the call record, the work order opened from it, read-only (the server refuses 质检 any change).
  await quality.getByTestId('recorded-call').getByTestId('recording-open-order').click();
  await expect(quality.getByTestId('order-detail')).toContainText('提取到账慢');
  await expect(quality.getByTestId('order-read-only')).toBeVisible();
  await quality.screenshot({ path: testInfo.outputPath('recordings-quality-zh-1366.png') });
  await qualityContext.close();
  expect(qualityErrors).toEqual([]);
  expect(consoleErrors.filter((e) => !/403/.test(e))).toEqual([]);
});
