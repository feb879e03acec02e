import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { test, expect } from '../fixtures/test.js';
import { apiAs } from '../fixtures/api.js';

// §2.5 through every role's screen, in Chromium at the agents' screen size.
const VIEWPORT = { width: 1366, height: 768 };
test.use({ serverArgs: ['--demo'], viewport: VIEWPORT });

async function deskOf(browser: Browser, url: string, workNumber: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[${workNumber}] ${e.message}`));
  await page.goto(url);
  await page.getByLabel('工号').fill(workNumber);
  await page.getByLabel('密码').fill(`demo${workNumber}`);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('signed-in-user')).toContainText(`${workNumber} 号`);
  return page;
}

/** A department user's home: the inbox, with no phone and no agent screens. */
async function expectInbox(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: '待办工单' })).toBeVisible();
  await expect(page.getByTestId('phone-status')).toHaveCount(0);
  await expect(page.getByText('注册失败')).toHaveCount(0);
  await expect(page.getByText(/may not/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: '坐席工作台' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '班长看板' })).toHaveCount(0);
}

async function open(page: Page, id: number): Promise<void> {
  await page
    .getByRole('button', { name: `打开工单 ${id}`, exact: true })
    .first()
    .click();
  await expect(page.getByTestId('order-detail')).toContainText(`工单 ${id}`);
}

/** The step buttons shown on the open order, in order. */
async function buttons(page: Page): Promise<string[]> {
  const actions = page.getByTestId('order-actions');
  if ((await actions.count()) === 0) return [];
  return actions.locator('[data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action') ?? ''));
}

async function step(page: Page, action: string, fields: Record<string, string> = {}): Promise<void> {
  const actions = page.getByTestId('order-actions');
  await actions.locator(`[data-action=${action}]`).click();
  for (const [label, value] of Object.entries(fields)) {
    const field = actions.getByLabel(label, { exact: true });
    if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption({ label: value });
    else await field.fill(value);
  }
  if ((await actions.locator('form').count()) > 0) await actions.locator('form').getByRole('button', { name: /^确认/ }).click();
}

const state = (page: Page) => page.getByTestId('order-state');
const shot = async (page: Page, name: string, testInfo: { outputPath(n: string): string }) => page.screenshot({ path: testInfo.outputPath(`${name}.png`) });

test('one complaint through every role: agent → leader → handler → leader → agent reply → close', async ({
  page,
  browser,
  server,
  consoleErrors,
}, testInfo) => {
  test.setTimeout(120_000);
  // The agent records the complaint; saving it opens the order (§2.4-7).
  await page.setViewportSize(VIEWPORT);
  await page.goto(server.url);
  await page.getByLabel('工号').fill('1001');
  await page.getByLabel('密码').fill('demo1001');
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('.record__categories').getByText('投诉', { exact: true }).click();
  await page.getByLabel('事由').fill('贷款审批超时投诉');
  await page.getByLabel('回电号码').fill('13900000001');
  await page.getByLabel('详细情况').fill('来电人反映贷款审批已超过二十个工作日仍无结果。');
  await page.getByRole('button', { name: '确认无误，保存' }).click();
  await expect(page.getByTestId('record-saved')).toContainText('已生成工单');
  const saved = await page.getByTestId('record-saved').textContent();
  const id = Number(/工单 (\d+)/.exec(saved ?? '')?.[1]);
  expect(id).toBeGreaterThan(0);
  const row = page.getByTestId('work-orders').locator('tr', { hasText: '贷款审批超时投诉' });
  await expect(row).toHaveAttribute('data-state', 'pending_approval');

  // The hotline's department leader lands on the inbox and confirms it to 贷款科.
  const leader = await deskOf(browser, server.url, '3101');
  await expectInbox(leader);
  await shot(leader, '1-leader-inbox', testInfo);
  await open(leader, id);
  expect(await buttons(leader)).toEqual(['dispatch', 'reject']);
  // Confirming without a department: the field is marked, the sentence is Chinese.
  await step(leader, 'dispatch');
  await expect(leader.getByTestId('order-actions').getByRole('alert')).toHaveText('请填写承办部门');
  await expect(leader.getByTestId('order-actions').getByLabel('承办部门', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await shot(leader, '2-leader-missing-department', testInfo);
  await leader.getByTestId('order-actions').getByLabel('承办部门', { exact: true }).selectOption({ label: '贷款科' });
  await leader.getByTestId('order-actions').locator('form').getByRole('button', { name: /^确认/ }).click();
  await expect(state(leader)).toHaveText('已派发');

  // The handler of 贷款科 accepts, asks for more time, which the leader grants.
  const handler = await deskOf(browser, server.url, '3001');
  await expectInbox(handler);
  await open(handler, id);
  expect(await buttons(handler)).toEqual(['accept', 'return']);
  await step(handler, 'accept');
  await expect(state(handler)).toHaveText('办理中');
  expect(await buttons(handler)).toEqual(['request_extension', 'resolve']);
  const dueBefore = await handler.getByTestId('order-due').textContent();
  await step(handler, 'request_extension', { 延期工作日数: '2', 意见或理由: '需向开发商调取材料' });
  await expect(handler.getByTestId('order-due')).toContainText('申请延期 2 个工作日');
  expect(await buttons(handler)).toEqual(['resolve']);

  await leader.getByRole('button', { name: '查询', exact: true }).click();
  await open(leader, id);
  expect(await buttons(leader)).toEqual(['grant_extension', 'deny_extension']);
  await step(leader, 'grant_extension', { 意见或理由: '同意' });
  await expect(leader.getByTestId('order-due')).not.toContainText('申请延期');
  expect(await leader.getByTestId('order-due').textContent()).not.toBe(dueBefore);
  expect(await buttons(leader)).toEqual([]);

  await handler.getByRole('button', { name: '查询', exact: true }).click();
  await open(handler, id);
  await step(handler, 'resolve');
  await expect(handler.getByTestId('order-actions').getByRole('alert')).toHaveText('请填写办理结果');
  await handler.getByTestId('order-actions').getByLabel('办理结果', { exact: true }).fill('已加急审批，本周五前放款，并向来电人致歉。');
  await handler.getByTestId('order-actions').locator('form').getByRole('button', { name: /^确认/ }).click();
  await expect(state(handler)).toHaveText('已办结');
  expect(await buttons(handler)).toEqual([]);
  await shot(handler, '3-handler-resolved', testInfo);

  // The agent sees the solution in the order's detail and replies to the caller, then closes it.
  await expect(row).toHaveAttribute('data-state', 'resolved');
  await open(page, id);
  await expect(page.getByTestId('order-resolution')).toHaveText('已加急审批，本周五前放款，并向来电人致歉。');
  expect(await buttons(page)).toEqual(['reject_resolution', 'reply']);
  await step(page, 'reply', { 回复内容: '已电话告知来电人本周五前放款。', 来电人反馈: '基本满意' });
  await expect(state(page)).toHaveText('已回复');
  await expect(page.getByTestId('order-reply')).toContainText('基本满意');
  await step(page, 'close');
  await expect(state(page)).toHaveText('已关闭');
  expect(await buttons(page)).toEqual([]);

  // Every step on the timeline: who, what, and what they wrote.
  const timeline = page.getByTestId('order-timeline').locator('li');
  await expect(timeline).toHaveCount(9);
  expect(await timeline.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual([
    'create',
    'submit',
    'dispatch',
    'accept',
    'request_extension',
    'grant_extension',
    'resolve',
    'reply',
    'close',
  ]);
  await expect(timeline.nth(2)).toContainText('何刚');
  await expect(timeline.nth(2)).toContainText('贷款科');
  await expect(timeline.nth(4)).toContainText('郑伟');
  await expect(timeline.nth(4)).toContainText('需向开发商调取材料');
  await expect(timeline.nth(7)).toContainText('基本满意');
  await page.getByTestId('order-detail').scrollIntoViewIfNeeded();
  await shot(page, '4-agent-closed-timeline', testInfo);
  expect(consoleErrors).toEqual([]);

  // The leader's on-time rate counts it: resolved within its (extended) due time.
  await leader.reload();
  await expect(leader.getByTestId('on-time').locator('tr', { hasText: '投诉' })).toContainText('100.00%');
  await shot(leader, '4b-leader-on-time', testInfo);
});

test('a rejected draft is edited and resubmitted; a misrouted order is returned and re-dispatched', async ({ page, browser, server }, testInfo) => {
  test.setTimeout(120_000);
  const agentApi = await apiAs(server.url, '1001');
  const { id } = await agentApi.post<{ id: number }>('/api/v1/work-orders', {
    category: 'complaint',
    title: '提取到账慢',
    description: '来电人反映提取一周未到账',
    callerNumber: '13900000002',
    submit: true,
  });

  const leader = await deskOf(browser, server.url, '3101');
  await open(leader, id);
  await step(leader, 'reject', { 意见或理由: '请补充提取申请日期' });
  await expect(state(leader)).toHaveText('草稿');
  await expect(leader.getByTestId('order-actions')).toHaveCount(0);

  // The agent sees why, corrects the draft and submits it again.
  await page.goto(server.url);
  await page.getByLabel('工号').fill('1001');
  await page.getByLabel('密码').fill('demo1001');
  await page.getByRole('button', { name: '登录' }).click();
  await open(page, id);
  await expect(page.getByTestId('order-timeline').locator('li').last()).toContainText('请补充提取申请日期');
  expect(await buttons(page)).toEqual(['submit', 'void']);
  const editor = page.getByRole('form', { name: '修改草稿' });
  await editor.getByLabel('问题描述').fill('来电人 11 月 20 日申请提取，一周未到账');
  await editor.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByTestId('order-timeline').locator('li').last()).toContainText('修改');
  await step(page, 'submit');
  await expect(state(page)).toHaveText('待审核');

  // Misrouted to 归集科, which returns it as not theirs.
  await leader.getByRole('button', { name: '查询', exact: true }).click();
  await open(leader, id);
  await step(leader, 'dispatch', { 承办部门: '归集科' });
  await expect(state(leader)).toHaveText('已派发');
  const fund = await deskOf(browser, server.url, '3002');
  await expectInbox(fund);
  await open(fund, id);
  await step(fund, 'return');
  await expect(fund.getByTestId('order-actions').getByRole('alert')).toHaveText('请填写意见或理由');
  await fund.getByTestId('order-actions').getByLabel('意见或理由', { exact: true }).fill('属贷款业务，非本科室');
  await fund.getByTestId('order-actions').locator('form').getByRole('button', { name: /^确认/ }).click();
  // Gone from 归集科's screen once returned.
  await expect(fund.getByTestId('order-detail')).toHaveCount(0);
  await expect(fund.getByRole('button', { name: `打开工单 ${id}`, exact: true })).toHaveCount(0);

  await leader.getByRole('button', { name: '查询', exact: true }).click();
  await open(leader, id);
  await expect(state(leader)).toHaveText('待审核');
  await step(leader, 'dispatch', { 承办部门: '贷款科' });
  await expect(state(leader)).toHaveText('已派发');
  const timeline = leader.getByTestId('order-timeline').locator('li');
  expect(await timeline.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual([
    'create',
    'submit',
    'reject',
    'edit',
    'submit',
    'dispatch',
    'return',
    'dispatch',
  ]);
  await expect(timeline.nth(6)).toContainText('属贷款业务，非本科室');
  await shot(leader, '5-leader-redispatched', testInfo);

  const loan = await deskOf(browser, server.url, '3001');
  await open(loan, id);
  expect(await buttons(loan)).toEqual(['accept', 'return']);
});

test('each role reaches only its own routes and screens', async ({ page, server }) => {
  const expectations: Array<[string, string, string, number, unknown?]> = [
    // [who, method, path, status, body]
    ['3001', 'GET', '/api/v1/acd/agents', 403],
    ['3001', 'POST', '/api/v1/acd/agents/me/state', 403, { state: 'ready' }],
    ['3001', 'GET', '/api/v1/metrics', 403],
    ['3001', 'POST', '/api/v1/work-orders', 403, { category: 'inquiry', title: 'x', description: 'y' }],
    ['3001', 'POST', '/api/v1/departments', 403, { code: 'x', name: 'x' }],
    ['3001', 'GET', '/api/v1/departments', 200],
    ['3101', 'GET', '/api/v1/acd/agents', 403],
    ['3101', 'POST', '/api/v1/work-orders', 403, { category: 'inquiry', title: 'x', description: 'y' }],
    ['3101', 'POST', '/api/v1/departments', 403, { code: 'x', name: 'x' }],
    ['3101', 'GET', '/api/v1/work-orders', 200],
    ['1001', 'POST', '/api/v1/departments', 403, { code: 'x', name: 'x' }],
    ['1001', 'GET', '/api/v1/metrics', 403],
    ['2001', 'POST', '/api/v1/departments', 403, { code: 'x', name: 'x' }],
  ];
  for (const [who, method, path, status, body] of expectations) {
    const { token } = await apiAs(server.url, who);
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    expect(res.status, `${who} ${method} ${path}`).toBe(status);
  }

  // The agent's desk keeps the phone; the handler's screen has no tabs to anything else.
  await page.goto(server.url);
  await page.getByLabel('工号').fill('3001');
  await page.getByLabel('密码').fill('demo3001');
  await page.getByRole('button', { name: '登录' }).click();
  await expectInbox(page);
  await expect(page.getByRole('heading', { name: '来电记录' })).toHaveCount(0);
  await expect(page.getByTestId('on-time')).toHaveCount(0);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Work-order inbox' })).toBeVisible();
});

test('督办: an overdue order is pushed to its handler and the hotline leader, and stays overdue once resolved', async ({ browser, server }, testInfo) => {
  test.setTimeout(150_000);
  const agentApi = await apiAs(server.url, '1001');
  const { id } = await agentApi.post<{ id: number }>('/api/v1/work-orders', {
    category: 'suggestion',
    title: '网点排队时间长',
    description: '建议增加窗口',
    submit: true,
  });
  await (await apiAs(server.url, '3101')).post(`/api/v1/work-orders/${id}/transitions`, { action: 'dispatch', department: '贷款科' });
  await (await apiAs(server.url, '3001')).post(`/api/v1/work-orders/${id}/transitions`, { action: 'accept' });
  const handler = await deskOf(browser, server.url, '3001');
  const leader = await deskOf(browser, server.url, '3101');
  const fund = await deskOf(browser, server.url, '3002');

  // Its due time passes (the server checks every minute).
  const db = new Database(join(server.dataDir, 'agent-desk.sqlite'));
  db.prepare('UPDATE work_orders SET created_at = ?, due_at = ? WHERE id = ?').run(Date.now() - 7 * 86_400_000, Date.now() - 60_000, id);
  db.close();
  const notice = `工单 ${id} 已超过办结时限`;
  await expect(handler.getByTestId('due-notices')).toContainText(notice, { timeout: 75_000 });
  await expect(leader.getByTestId('due-notices')).toContainText(notice);
  // The inbox shows it overdue at once.
  await expect(handler.getByTestId('orders-results').locator('tr', { hasText: '网点排队时间长' })).toContainText('已超期');
  await shot(handler, '6-handler-overdue-notice', testInfo);
  await expect(fund.getByTestId('due-notices')).toHaveCount(0);

  await handler.getByTestId('due-notices').getByRole('button', { name: '查看' }).click();
  await expect(handler.getByTestId('order-detail')).toContainText(`工单 ${id}`);
  await expect(handler.getByTestId('order-due')).toContainText('已超期');
  await step(handler, 'resolve', { 办理结果: '已增设两个窗口' });
  await expect(state(handler)).toHaveText('已办结');
  await expect(handler.getByTestId('order-due')).toContainText('已超期');
});
