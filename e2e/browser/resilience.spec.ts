import Database from 'better-sqlite3';
import { join } from 'node:path';
import { test, expect } from '../fixtures/test.js';
import { signIn } from '../fixtures/desk.js';
import { hasSipp, startSippCaller } from '../fixtures/sipp.js';
import { apiAs } from '../fixtures/api.js';

test.use({ serverArgs: ['--demo', '--service-hours', 'always'] });

test('the desk recovers by itself when the server restarts while the agent is idle', async ({ page, server }) => {
  test.setTimeout(90_000);
  await signIn(page, server.url, '1007');
  await expect(page.getByTestId('phone-status')).toContainText('已注册');
  await page.getByRole('button', { name: '签入并就绪' }).click();
  await expect(page.getByTestId('agent-state')).toContainText('就绪');

  await server.restart();
  await expect(page.getByTestId('connection-status')).toContainText('已连接', { timeout: 30_000 });
  await expect(page.getByTestId('phone-status')).toContainText('已注册', { timeout: 30_000 });
  // Still signed in: the session lives in the database, not in the server process.
  await expect(page.getByTestId('signed-in-user')).toContainText('1007 号');
  // And still 就绪 where it counts, in the ACD: the state came back with the desk's registration.
  const lead = await apiAs(server.url, '2001');
  await expect
    .poll(
      async () =>
        (await lead.get<{ agents: Array<{ workNumber: string; state: string; registered: boolean }> }>('/api/v1/acd/agents')).agents.find(
          (a) => a.workNumber === '1007',
        ),
      { timeout: 15_000 },
    )
    .toMatchObject({ state: 'ready', registered: true });
  await expect(page.getByTestId('agent-state')).toHaveText(/^就绪/);
  const kb = page.getByLabel('搜索知识库');
  await kb.fill('退休');
  await expect(page.getByTestId('kb-results').getByRole('button').first()).toContainText('退休');
});

test('a reload in the middle of a call shows the call as lost, and the call record says so', async ({ page, server }) => {
  test.skip(!hasSipp, 'SIPp (Debian sip-tester) is not installed');
  test.setTimeout(90_000);
  await signIn(page, server.url, '1008');
  await expect(page.getByTestId('phone-status')).toContainText('已注册');
  await page.getByRole('button', { name: '签入并就绪' }).click();
  const caller = startSippCaller('caller-to-agent.xml', server.sipUdpPort, ['-d', '40000', '-rtp_echo']);
  await expect(page.getByTestId('call-card')).toContainText('来电振铃', { timeout: 20_000 });
  await page.getByRole('button', { name: '接听' }).click();
  await expect(page.getByTestId('call-card')).toContainText('通话中');

  await page.reload();
  await expect(page.getByTestId('lost-call')).toContainText('13800138000');
  await expect(page.getByTestId('phone-status')).toContainText('已注册');
  // The agent's turn ends as a lost desk; the caller is not cut off but waits first in line
  // (docs/voice-core.md), so the call is still open and never counted as an abandon.
  const read = <T>(sql: string) => {
    const db = new Database(join(server.dataDir, 'agent-desk.sqlite'), { readonly: true });
    const value = db.prepare(sql).get() as T;
    db.close();
    return value;
  };
  await expect.poll(() => read<{ end_reason: string | null }>('SELECT end_reason FROM call_agent_turns').end_reason).toBe('agent_connection_lost');
  expect(read<{ ended_at: number | null; abandon_stage: string | null }>('SELECT ended_at, abandon_stage FROM calls')).toEqual({
    ended_at: null,
    abandon_stage: null,
  });
  caller.kill();
});
