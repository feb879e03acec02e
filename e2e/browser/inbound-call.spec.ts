import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '../fixtures/test.js';
import { signIn } from '../fixtures/desk.js';
import { hasSipp, startSippCaller } from '../fixtures/sipp.js';

test.use({ serverArgs: ['--demo', '--service-hours', 'always'] });

interface CallRow {
  arrived_at: number;
  ivr_exit_at: number;
  queued_at: number;
  ring_started_at: number;
  answered_at: number;
  hung_up_at: number;
  ended_at: number;
  hangup_side: string;
  offered_to_agent: number;
  ivr_path: string;
  recording_file: string | null;
  agent_id: number;
  caller: string;
}

test('a SIPp caller keys 0 in the IVR, the desk rings, the agent answers and both sides carry audio', async ({ page, server, consoleErrors }, testInfo) => {
  test.skip(!hasSipp, 'SIPp (Debian sip-tester) is not installed');
  test.setTimeout(90_000);
  await signIn(page, server.url, '1001');
  await expect(page.getByTestId('phone-status')).toContainText('已注册');
  await page.getByRole('button', { name: '签入并就绪' }).click();
  await expect(page.getByTestId('agent-state')).toContainText('就绪');

  const caller = startSippCaller('caller-to-agent.xml', server.sipUdpPort, ['-d', '20000', '-rtp_echo']);
  const card = page.getByTestId('call-card');
  await expect(card).toContainText('来电振铃', { timeout: 20_000 });
  await expect(page.getByTestId('caller-number')).toHaveText('13800138000');
  await expect(page.getByTestId('ivr-path')).toContainText('人工');
  await page.screenshot({ path: testInfo.outputPath('ringing.png') });
  await page.keyboard.press('F2'); // 接听 from the keyboard
  await expect(card).toContainText('通话中');
  await expect(page.getByTestId('agent-state')).toContainText('通话');

  // The greeting reaches the caller, SIPp echoes it, and the agent hears it: packets both ways, a real level.
  await expect
    .poll(
      async () =>
        await page.evaluate(() =>
          (
            window as unknown as { agentDeskTest: { callStats(): Promise<{ packetsReceived: number; packetsSent: number; level: number }> } }
          ).agentDeskTest.callStats(),
        ),
      { timeout: 10_000 },
    )
    .toMatchObject({ packetsReceived: expect.any(Number) });
  let stats = { packetsReceived: 0, packetsSent: 0, level: 0 };
  await expect
    .poll(
      async () => {
        stats = await page.evaluate(() =>
          (
            window as unknown as { agentDeskTest: { callStats(): Promise<{ packetsReceived: number; packetsSent: number; level: number }> } }
          ).agentDeskTest.callStats(),
        );
        return stats.packetsReceived > 50 && stats.packetsSent > 50 && stats.level > 0.001;
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  await page.screenshot({ path: testInfo.outputPath('talking.png') });

  // The caller hangs up first; the agent goes to after-call work.
  const sipp = await caller.done;
  expect(sipp.code, sipp.stdout + sipp.errors).toBe(0);
  await expect(card).toContainText('来电人已挂机');
  await expect(page.getByTestId('agent-state')).toContainText('话后处理');
  await expect(page.getByTestId('acw-countdown')).toBeVisible();

  const db = new Database(join(server.dataDir, 'agent-desk.sqlite'), { readonly: true });
  const row = db.prepare('SELECT * FROM calls').get() as CallRow;
  const events = db.prepare("SELECT data FROM call_events WHERE kind = 'media-stats'").pluck().all() as string[];
  const acwStartedAt = db.prepare('SELECT acw_started_at FROM call_agent_turns').pluck().get() as number;
  db.close();
  expect(row.caller).toBe('13800138000');
  expect(row.offered_to_agent).toBe(1);
  expect(JSON.parse(row.ivr_path)).toContain('人工');
  const order = [row.arrived_at, row.ivr_exit_at, row.queued_at, row.ring_started_at, row.answered_at, row.hung_up_at, row.ended_at];
  expect(order.every((t) => typeof t === 'number')).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  expect(row.hangup_side).toBe('caller');
  expect(acwStartedAt).toBeGreaterThanOrEqual(row.answered_at);
  expect(row.recording_file && existsSync(row.recording_file)).toBe(true);
  // RTP counted at the caller's side: SIPp echoed what it received, so the server got it back.
  const media = JSON.parse(events[0] ?? '{}') as { caller?: { packetsSent: number; packetsReceived: number } };
  expect(media.caller?.packetsSent).toBeGreaterThan(100);
  expect(media.caller?.packetsReceived).toBeGreaterThan(100);
  expect(consoleErrors).toEqual([]);
});
