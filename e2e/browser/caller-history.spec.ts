import { test, expect } from '../fixtures/test.js';
import { signIn } from '../fixtures/desk.js';
import { apiAs } from '../fixtures/api.js';
import { hasSipp, startSippCaller } from '../fixtures/sipp.js';

test.use({ serverArgs: ['--demo', '--service-hours', 'always'] });

test('a caller with an earlier order rings the desk: the earlier order and its answer show while it rings', async ({
  page,
  server,
  consoleErrors,
}, testInfo) => {
  test.skip(!hasSipp, 'SIPp (Debian sip-tester) is not installed');
  test.setTimeout(90_000);
  // Last time 13800138000 (the SIPp caller) complained to 1002; 贷款科 resolved it.
  const agent = await apiAs(server.url, '1002');
  const order = await agent.post<{ id: number }>('/api/v1/work-orders', {
    category: 'complaint',
    title: '提取一周未到账',
    description: '来电人反映提取未到账',
    callerNumber: '13800138000',
    callbackNumber: '13800138000',
    submit: true,
  });
  await (await apiAs(server.url, '3101')).post(`/api/v1/work-orders/${order.id}/transitions`, { action: 'dispatch', department: '贷款科' });
  const handler = await apiAs(server.url, '3001');
  await handler.post(`/api/v1/work-orders/${order.id}/transitions`, { action: 'accept' });
  await handler.post(`/api/v1/work-orders/${order.id}/transitions`, { action: 'resolve', resolution: '已补发，三个工作日内到账' });

  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, server.url, '1001');
  await expect(page.getByTestId('phone-status')).toContainText('已注册');
  await expect(page.getByTestId('caller-history')).toHaveCount(0); // no call, no history
  await page.getByRole('button', { name: '签入并就绪' }).click();
  await expect(page.getByTestId('agent-state')).toContainText('就绪');

  const caller = startSippCaller('caller-to-agent.xml', server.sipUdpPort, ['-d', '20000', '-rtp_echo']);
  try {
    await expect(page.getByTestId('call-card')).toContainText('来电振铃', { timeout: 20_000 });
    const history = page.getByTestId('caller-history');
    await expect(history.getByTestId('caller-history-order')).toContainText(`#${order.id}`);
    await expect(history).toContainText('提取一周未到账');
    await expect(history).toContainText('已办结');
    await expect(history).toContainText('已补发，三个工作日内到账');
    await expect(history).toContainText('工单 1 件');
    await page.screenshot({ path: testInfo.outputPath('ringing-1366.png') });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: testInfo.outputPath('ringing-1920.png') });
    // Another agent cannot read this caller's history: the call is not at their desk.
    const other = await fetch(`${server.url}/api/v1/callers/13800138000/history`, { headers: { Authorization: `Bearer ${agent.token}` } });
    expect(other.status).toBe(403);
  } finally {
    caller.kill();
  }
  expect(consoleErrors).toEqual([]);
});
