import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from '../fixtures/test.js';
import { signIn } from '../fixtures/desk.js';
import { apiAs } from '../fixtures/api.js';

test.use({ serverArgs: ['--demo', '--service-hours', 'always'] });

interface CallerStats {
  state: string;
  packetsReceived: number;
  packetsSent: number;
  level: number;
}
type TestCallerWindow = {
  testCaller: { dial(n: string, f: string): Promise<void>; sendDtmf(d: string): boolean; stats(): Promise<CallerStats>; hangup(): Promise<void> };
};

const callerStats = (caller: Page) => caller.evaluate(() => (window as unknown as TestCallerWindow).testCaller.stats());
const key = async (caller: Page, digits: string) => {
  // One tone at a time, as a person keys: RTCDTMFSender queues them with gaps.
  expect(await caller.evaluate((d) => (window as unknown as TestCallerWindow).testCaller.sendDtmf(d), digits)).toBe(true);
};

test('the guided 12329 call: WebRTC caller → IVR → agent, greeting, verification, knowledge, complaint, survey, indicators', async ({
  page,
  browser,
  server,
  consoleErrors,
}, testInfo) => {
  test.setTimeout(150_000);
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
  const db = new Database(join(server.dataDir, 'agent-desk.sqlite'), { readonly: true });
  const person = db.prepare("SELECT fund_account AS account, name, balance_fen AS balance FROM pf_people WHERE status = '正常' ORDER BY id LIMIT 1").get() as {
    account: string;
    name: string;
    balance: number;
  };

  // The agent signs in and gets ready.
  await signIn(page, server.url, '1004');
  await expect(page.getByTestId('phone-status')).toContainText('已注册');
  await page.getByRole('button', { name: '签入并就绪' }).click();
  await expect(page.getByTestId('agent-state')).toContainText('就绪');

  // A caller dials 12329 from a browser (WebRTC) and keys 0 for 人工.
  const callerContext = await browser.newContext();
  const caller = await callerContext.newPage();
  await caller.goto(`${server.url}/caller.html`);
  await caller.evaluate(() => (window as unknown as TestCallerWindow).testCaller.dial('12329', '13900139000'));
  await expect.poll(async () => (await callerStats(caller)).state, { timeout: 15_000 }).toBe('talking');
  await expect.poll(async () => (await callerStats(caller)).packetsReceived, { timeout: 10_000 }).toBeGreaterThan(20); // the welcome prompt
  await key(caller, '0');

  // The desk rings with the caller's number and path; the agent answers.
  await expect(page.getByTestId('call-card')).toContainText('来电振铃', { timeout: 30_000 });
  await expect(page.getByTestId('caller-number')).toHaveText('13900139000');
  await expect(page.getByTestId('ivr-path')).toContainText('人工');
  await shot('1-ringing');
  await page.getByRole('button', { name: '接听' }).click();
  await expect(page.getByTestId('call-card')).toContainText('通话中');

  // The greeting with the work number reaches the caller (RTP counted, audible level).
  const before = (await callerStats(caller)).packetsReceived;
  await expect.poll(async () => (await callerStats(caller)).packetsReceived - before, { timeout: 10_000 }).toBeGreaterThan(100);
  await expect.poll(async () => (await callerStats(caller)).level, { timeout: 10_000 }).toBeGreaterThan(0.001);
  await shot('2-talking');

  // Verification: the caller keys login type, account and PIN; the agent sees only the result and the data.
  await page.getByRole('button', { name: '转入身份验证' }).click();
  await expect(page.getByTestId('verification-status')).toContainText('来电人正在输入');
  // One string: a new insertDTMF() would replace the tones still queued from the previous one.
  await key(caller, `1${person.account}#123456`);
  await expect(page.getByTestId('verification-status')).toHaveText('验证通过', { timeout: 40_000 });
  const yuan = `${Math.floor(person.balance / 100).toLocaleString('en-US')}.${String(person.balance % 100).padStart(2, '0')} 元`;
  await expect(page.getByTestId('caller-balance')).toHaveText(yuan);
  await expect(page.getByTestId('caller-profile')).toContainText(person.name);
  await shot('3-verified');

  // Knowledge base while talking.
  await page.getByLabel('搜索知识库').fill('租房提取');
  await expect(page.getByTestId('kb-results').getByRole('button').first()).toContainText('租房提取住房公积金');

  // The complaint is recorded, restated and saved: a work order due in 5 working days.
  await page.getByText('投诉', { exact: true }).click();
  await page.getByLabel('事由').fill('网点排队时间过长');
  await page.getByLabel('详细情况').fill('来电人反映城东网点周一上午排队超过两小时。');
  await expect(page.getByTestId('restatement')).toContainText('您这次来电是投诉');
  await page.getByRole('button', { name: '确认无误，保存' }).click();
  await expect(page.getByTestId('record-saved')).toContainText(/已生成工单 \d+，办结时限 \d{4}-\d{2}-\d{2} 23:59/);
  await shot('4-recorded');

  // Survey handoff: the agent is released to after-call work, the caller presses 1 (满意).
  await page.getByRole('button', { name: '转满意度评价并结束' }).click();
  await expect(page.getByTestId('call-card')).toContainText('已转满意度评价');
  await expect(page.getByTestId('agent-state')).toContainText('话后处理');
  await expect(page.getByTestId('acw-countdown')).toBeVisible();
  await page.waitForTimeout(1500);
  await key(caller, '1');
  await expect.poll(async () => (await callerStats(caller)).state, { timeout: 30_000 }).toBe('ended');
  await shot('5-after-call');

  // The call record has every step, and today's indicators count it.
  const row = db.prepare('SELECT * FROM calls').get() as Record<string, number | string | null>;
  const callId = String(row.id);
  expect(row).toMatchObject({ caller: '13900139000', transport: 'ws', offered_to_agent: 1, survey_result: 1 });
  for (const column of ['arrived_at', 'ivr_exit_at', 'offered_at', 'ring_started_at', 'answered_at', 'talk_ended_at', 'survey_at', 'hung_up_at', 'ended_at']) {
    expect(row[column], column).toEqual(expect.any(Number));
  }
  // Talk ends at the hand-off; the survey follows; the call is hung up after it.
  const order = ['arrived_at', 'ivr_exit_at', 'offered_at', 'ring_started_at', 'answered_at', 'talk_ended_at', 'survey_at', 'hung_up_at'].map(
    (c) => row[c] as number,
  );
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  const turn = db.prepare('SELECT end_reason, acw_started_at FROM call_agent_turns WHERE call_id = ?').get(callId) as {
    end_reason: string;
    acw_started_at: number;
  };
  expect(turn.end_reason).toBe('survey_handoff');
  expect(turn.acw_started_at).toBeGreaterThanOrEqual(row.talk_ended_at as number);
  const order2 = db.prepare('SELECT category, call_id FROM work_orders').get() as { category: string; call_id: string };
  expect(order2).toEqual({ category: 'complaint', call_id: callId });
  // The PIN never reaches the call record or the audit trail.
  for (const [table, column] of [
    ['call_events', 'data'],
    ['audit_log', 'detail'],
  ]) {
    expect(db.prepare(`SELECT count(*) FROM ${table} WHERE ${column} LIKE '%123456%'`).pluck().get(), table).toBe(0);
  }
  const lookups = db.prepare("SELECT count(*) FROM audit_log WHERE action = 'caller.lookup' AND call_id = ?").pluck().get(callId);
  expect(lookups).toBe(1);
  db.close();

  const lead = await apiAs(server.url, '2001');
  const metrics = await lead.get<{ indicators: Record<string, number | null> }>('/api/v1/metrics?period=day');
  expect(metrics.indicators).toMatchObject({ callTotal: 1, callconnect: 100, ABNcalls: 0, complntrate: 100, satisrate: 100 });
  await callerContext.close();
  expect(consoleErrors).toEqual([]);
});
