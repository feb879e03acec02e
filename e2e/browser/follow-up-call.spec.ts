import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from '../fixtures/test.js';
import { signIn } from '../fixtures/desk.js';
import { apiAs } from '../fixtures/api.js';
import { hasSipp, startSippTrunk, trunkPortFor } from '../fixtures/sipp.js';

type CallStats = { packetsReceived: number; packetsSent: number; level: number };
const callStats = (page: Page) => page.evaluate(() => (window as unknown as { agentDeskTest: { callStats(): Promise<CallStats> } }).agentDeskTest.callStats());

/** A complaint from 1001's call, dispatched, handled and resolved by 贷款科: waiting for the reply (§2.5-4). */
async function resolvedComplaint(serverUrl: string, title: string): Promise<number> {
  const agent = await apiAs(serverUrl, '1001');
  const { id } = await agent.post<{ id: number }>('/api/v1/work-orders', {
    category: 'complaint',
    title,
    description: '来电人反映贷款审批进度慢，要求回复。',
    callerNumber: '13900000000',
    callbackNumber: '139 0000 0000',
    submit: true,
  });
  await (await apiAs(serverUrl, '3101')).post(`/api/v1/work-orders/${id}/transitions`, { action: 'dispatch', department: '贷款科' });
  const handler = await apiAs(serverUrl, '3001');
  await handler.post(`/api/v1/work-orders/${id}/transitions`, { action: 'accept' });
  await handler.post(`/api/v1/work-orders/${id}/transitions`, { action: 'resolve', resolution: '已加急审批，本周内放款。' });
  return id;
}

async function readyDesk(page: Page, url: string): Promise<void> {
  await signIn(page, url, '1001');
  await expect(page.getByTestId('phone-status')).toContainText('已注册');
  await page.getByRole('button', { name: '签入并就绪' }).click();
  await expect(page.getByTestId('agent-state')).toContainText('就绪');
}

type Trunk = ReturnType<typeof startSippTrunk>;

/**
 * A block whose server calls out through a SIPp trunk on a port of its own. `start` gives each
 * test a resolved complaint titled `title`, the trunk playing `scenario`, and 1001's desk ready;
 * the trunk is killed after the test whatever happened.
 */
function withTrunk(
  name: string,
  seed: number,
  body: (
    start: (page: Page, serverUrl: string, title: string, scenario: string, args?: string[]) => Promise<{ orderId: number; trunk: Trunk; row: Locator }>,
  ) => void,
): void {
  test.describe(name, () => {
    const trunkPort = trunkPortFor(seed);
    test.use({ serverArgs: ['--demo', '--service-hours', 'always', '--trunk', `sip:127.0.0.1:${trunkPort}`] });
    let running: Trunk | undefined;
    test.beforeEach(() => test.skip(!hasSipp, 'SIPp (Debian sip-tester) is not installed'));
    test.afterEach(() => running?.kill());
    body(async (page, serverUrl, title, scenario, args = []) => {
      const orderId = await resolvedComplaint(serverUrl, title);
      running = startSippTrunk(scenario, trunkPort, args);
      await readyDesk(page, serverUrl);
      return { orderId, trunk: running, row: page.getByTestId('work-orders').locator('tr', { hasText: title }) };
    });
  });
}

withTrunk('follow-up call answered', 1, (start) => {
  test('the agent calls the caller back from the work order, talks through the trunk, then records the reply', async ({ page, server }, testInfo) => {
    test.setTimeout(120_000);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const { orderId, trunk, row } = await start(page, server.url, '贷款审批进度投诉', 'trunk-answer.xml', ['-rtp_echo']);
    await expect(row).toHaveAttribute('data-state', 'resolved');
    await row.getByRole('button', { name: '回访' }).click();
    // The trunk rings for 2 s before the answer: the agent hears the ringback and sees why.
    await expect(page.getByTestId('remote-ringing')).toHaveText('· 对方振铃中', { timeout: 10_000 });
    await page.screenshot({ path: testInfo.outputPath('follow-up-ringing.png') });

    await expect(page.getByTestId('call-card')).toContainText('通话中', { timeout: 20_000 });
    await expect(page.getByTestId('caller-number')).toHaveText('13900000000');
    await expect(page.getByTestId('outbound-label')).toHaveText(`工单 ${orderId} 回访`);
    await expect(page.getByTestId('agent-state')).toContainText('通话');
    // The trunk echoes the agent's (fake) microphone: audio went out through both legs and came back.
    await expect.poll(async () => (await callStats(page)).packetsReceived, { timeout: 10_000 }).toBeGreaterThan(50);
    await page.screenshot({ path: testInfo.outputPath('follow-up-talking.png') });

    await page.getByRole('button', { name: '挂机' }).click();
    await expect(page.getByTestId('call-card')).toContainText('通话已结束');
    expect(dialogs, 'no hang-up-first warning on a call the agent placed').toEqual([]);
    await expect(page.getByTestId('hung-up-first')).toHaveCount(0);
    await expect(page.getByTestId('agent-state')).toContainText('话后处理');
    const sipp = await trunk.done;
    expect(sipp.code, sipp.stdout + sipp.errors).toBe(0);

    await expect(row.getByTestId('follow-ups')).toHaveText('已回访 1 次，接通 1 次');
    // The reply is recorded in the order's detail, with how the caller took it.
    await row.getByRole('button', { name: `打开工单 ${orderId}` }).click();
    const actions = page.getByTestId('order-actions');
    await actions.locator('[data-action=reply]').click();
    await actions.getByLabel('回复内容').fill('已电话告知来电人：本周内放款。');
    await actions.getByLabel('来电人反馈').selectOption('satisfied');
    await actions.getByRole('button', { name: '确认回复来电人' }).click();
    await expect(row).toHaveAttribute('data-state', 'replied');
    await page.screenshot({ path: testInfo.outputPath('follow-up-replied.png') });

    const db = new Database(join(server.dataDir, 'agent-desk.sqlite'), { readonly: true });
    const call = db.prepare("SELECT * FROM calls WHERE direction = 'outbound'").get() as Record<string, unknown>;
    db.close();
    expect(call).toMatchObject({ caller: '1001', callee: '13900000000', work_order_id: orderId, hangup_side: 'agent', end_reason: 'agent_hangup' });
    expect(statSync(call.recording_file as string).size).toBeGreaterThan(8044);
  });
});

withTrunk('follow-up call to a busy number', 2, (start) => {
  test('the desk says the number is busy and the agent is ready again at once', async ({ page, server }, testInfo) => {
    test.setTimeout(90_000);
    const { trunk, row } = await start(page, server.url, '公积金提取咨询回访', 'trunk-busy.xml');
    await row.getByRole('button', { name: '回访' }).click();
    await expect(page.getByTestId('call-card')).toContainText('对方忙', { timeout: 20_000 });
    await expect(page.getByTestId('agent-state')).toContainText('就绪');
    await expect(row.getByTestId('follow-ups')).toHaveText('已回访 1 次，接通 0 次');
    await page.screenshot({ path: testInfo.outputPath('follow-up-busy.png') });
    expect((await trunk.done).code).toBe(0);
  });
});

withTrunk('follow-up call with early media', 3, (start) => {
  test("the agent hears the carrier's audio before the answer (183), then talks", async ({ page, server }, testInfo) => {
    test.setTimeout(90_000);
    // The trunk sends 183 with SDP and echoes the agent's audio for 3 s, then answers.
    const { trunk, row } = await start(page, server.url, '缴存基数核定回访', 'trunk-early-media.xml', ['-rtp_echo']);
    await row.getByRole('button', { name: '回访' }).click();
    await expect(page.getByTestId('early-media')).toHaveText('· 对方网络提示音', { timeout: 10_000 });
    await expect.poll(async () => (await callStats(page)).packetsReceived, { timeout: 3000 }).toBeGreaterThan(20);
    await expect(page.getByTestId('call-card')).toContainText('正在呼出');
    await page.screenshot({ path: testInfo.outputPath('follow-up-early-media.png') });
    await expect(page.getByTestId('call-card')).toContainText('通话中', { timeout: 10_000 });
    await page.getByRole('button', { name: '挂机' }).click();
    await expect(page.getByTestId('call-card')).toContainText('通话已结束');
    const sipp = await trunk.done;
    expect(sipp.code, sipp.stdout + sipp.errors).toBe(0);
  });
});

withTrunk('follow-up call ending in the satisfaction question', 4, (start) => {
  test('回访调查: the agent hands the citizen to the survey, the citizen keys 1, the order shows 满意', async ({ page, server }, testInfo) => {
    test.setTimeout(90_000);
    // The trunk answers, waits 5 s, then keys 1 (RFC 4733) and expects the server's BYE.
    const { trunk, row } = await start(page, server.url, '提取到账时间投诉', 'trunk-answer-survey.xml');
    await row.getByRole('button', { name: '回访' }).click();
    await expect(page.getByTestId('call-card')).toContainText('通话中', { timeout: 20_000 });
    await expect(page.getByRole('button', { name: '转坐席' })).toBeDisabled();
    await page.getByRole('button', { name: '转满意度评价并结束' }).click();
    await expect(page.getByTestId('call-card')).toContainText('已转满意度评价');
    await expect(page.getByTestId('agent-state')).toContainText('话后处理');
    const sipp = await trunk.done;
    expect(sipp.code, sipp.stdout + sipp.errors).toBe(0);
    await expect(row.getByTestId('follow-ups')).toHaveText('已回访 1 次，接通 1 次 · 满意', { timeout: 10_000 });
    await page.screenshot({ path: testInfo.outputPath('follow-up-survey.png') });
  });
});
