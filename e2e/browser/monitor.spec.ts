// A team lead's desk in Chromium monitors an agent's call: the lead's own softphone (SIP.js,
// WebRTC) is rung with X-12329-Monitor and answers by itself; the agent's desk shows 班长监听中
// (the center turned monitorIndicator on). Who hears whom is proven by audio in
// main/server/voice/call-monitor.test.ts; here the desks. The lead starts it through the API the
// MonitorControls buttons call, until the lead's agent board hosts them.
import Database from 'better-sqlite3';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from '../fixtures/test.js';
import { signIn } from '../fixtures/desk.js';
import { hasSipp, startSippCaller } from '../fixtures/sipp.js';

const config = join(mkdtempSync(join(tmpdir(), 'monitor-e2e-')), 'config.json');
writeFileSync(config, JSON.stringify({ monitorIndicator: true }));

test.use({ serverArgs: ['--demo', '--service-hours', 'always', '--config', config], viewport: { width: 1366, height: 768 } });

/** What the desk's MonitorControls send, with the desk's own session token. */
function monitorRequest(page: Page, method: 'POST' | 'PATCH' | 'DELETE', callId: string, mode?: string): Promise<number> {
  return page.evaluate(
    async ({ method, callId, mode }) => {
      const { token } = JSON.parse(sessionStorage.getItem('agent-desk.session') ?? '{}') as { token: string };
      const response = await fetch(`/api/v1/calls/${callId}/monitor`, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(mode ? { 'Content-Type': 'application/json' } : {}) },
        ...(mode ? { body: JSON.stringify({ mode }) } : {}),
      });
      return response.status;
    },
    { method, callId, mode },
  );
}

test('the lead’s softphone joins an agent’s call in listen, switches to whisper, stops; the agent sees 班长监听中', async ({
  page,
  browser,
  server,
}, testInfo) => {
  test.skip(!hasSipp, 'SIPp (Debian sip-tester) is not installed');
  test.setTimeout(120_000);
  await signIn(page, server.url, '1007');
  await expect(page.getByTestId('phone-status')).toContainText('已注册');
  await page.getByRole('button', { name: '签入并就绪' }).click();
  await expect(page.getByTestId('agent-state')).toContainText('就绪');

  const leadContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const lead = await leadContext.newPage();
  await signIn(lead, server.url, '2001');
  // A team lead lands on the live board; the softphone's card is on the desk.
  await lead.locator('.topbar__nav').getByRole('button', { name: '坐席工作台' }).click();
  await expect(lead.getByTestId('phone-status')).toContainText('已注册');

  const caller = startSippCaller('caller-to-agent.xml', server.sipUdpPort, ['-d', '30000', '-rtp_echo']);
  await expect(page.getByTestId('call-card')).toContainText('来电振铃', { timeout: 20_000 });
  await page.getByRole('button', { name: '接听' }).click();
  await expect(page.getByTestId('call-card')).toContainText('通话中');
  const db = new Database(join(server.dataDir, 'agent-desk.sqlite'), { readonly: true });
  const callId = db.prepare('SELECT id FROM calls WHERE ended_at IS NULL').pluck().get() as string;
  db.close();

  // An agent may not monitor; the lead may.
  expect(await monitorRequest(page, 'POST', callId, 'listen')).toBe(403);
  expect(await monitorRequest(lead, 'POST', callId, 'listen')).toBe(200);
  // The lead's phone answers by itself (no 接听 click) and says what it is.
  await expect(lead.getByTestId('call-card')).toContainText('通话中', { timeout: 10_000 });
  await expect(lead.getByTestId('monitor-leg')).toHaveText('监听');
  await expect(page.getByTestId('monitored-badge')).toHaveText('班长监听中');
  await lead.screenshot({ path: testInfo.outputPath('lead-listening.png') });
  await page.screenshot({ path: testInfo.outputPath('agent-monitored.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: testInfo.outputPath('agent-monitored-1920.png') });

  expect(await monitorRequest(lead, 'PATCH', callId, 'whisper')).toBe(200);
  await expect(lead.getByTestId('monitor-leg')).toHaveText('密语');

  expect(await monitorRequest(lead, 'DELETE', callId)).toBe(200);
  await expect(lead.getByTestId('call-card')).not.toContainText('通话中');
  await expect(page.getByTestId('monitored-badge')).toHaveCount(0);
  await expect(page.getByTestId('call-card')).toContainText('通话中');

  const sipp = await caller.done;
  expect(sipp.code, sipp.stdout + sipp.errors).toBe(0);
  await expect(page.getByTestId('call-card')).toContainText('来电人已挂机');
  await leadContext.close();
});
