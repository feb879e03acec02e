import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '../fixtures/test.js';
import { signIn } from '../fixtures/desk.js';

test.use({ serverArgs: ['--demo'] });

// Local times in Asia/Shanghai, the demo center's zone.
const sh = (local: string) => Date.parse(`${local}+08:00`);

test('a team lead picks a date, reads its figures in the unit of their limits and exports them', async ({ page, server, consoleErrors }, testInfo) => {
  test.setTimeout(180_000); // four downloads and four screenshots, on a shared 2-core machine
  const db = new Database(join(server.dataDir, 'agent-desk.sqlite'));
  const id = (w: string) => db.prepare('SELECT id FROM users WHERE work_number = ?').pluck().get(w) as number;
  const call =
    db.prepare(`INSERT INTO calls (id, center_code, direction, caller, callee, transport, arrived_at, offered_to_agent, offered_at, queued_at, answered_at, agent_id,
      hung_up_at, talk_ended_at, abandoned_at, abandon_stage, acw_ms, acw_count, survey_result, ended_at)
    VALUES (?, '330100', 'inbound', '13800000000', '12329', 'udp', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const turn = db.prepare(
    "INSERT INTO call_agent_turns (call_id, agent_id, kind, started_at, ended_at, end_reason, acw_started_at, acw_ended_at) VALUES (?, ?, 'answer', ?, ?, ?, ?, ?)",
  );
  const answered = (callId: string, agent: string, at: string, wait: number, talk: number, acw: number, survey: number, agentHangsUp: boolean) => {
    const arrived = sh(at);
    const queued = arrived + 10_000;
    const answer = queued + wait * 1000;
    const end = answer + talk * 1000;
    call.run(callId, arrived, 1, queued, queued, answer, id(agent), end, end, null, null, acw * 1000, 1, survey, end + acw * 1000);
    turn.run(callId, id(agent), answer, end, agentHangsUp ? 'agent_hangup' : 'caller_hangup', end, end + acw * 1000);
  };
  // Monday 2026-11-02: waits 20 s and 60 s (average 40 s, at the limit), talks 120 s and 60 s, ACW 10 s and 20 s.
  answered('m1', '1001', '2026-11-02T09:00:00', 20, 120, 10, 1, true);
  answered('m2', '1002', '2026-11-02T10:00:00', 60, 60, 20, 3, false);
  call.run(
    'm3',
    sh('2026-11-02T11:00:00'),
    1,
    sh('2026-11-02T11:00:10'),
    sh('2026-11-02T11:00:10'),
    null,
    null,
    null,
    null,
    sh('2026-11-02T11:01:00'),
    'queue',
    0,
    0,
    null,
    sh('2026-11-02T11:01:00'),
  );
  call.run('m4', sh('2026-11-02T11:30:00'), 0, null, null, null, null, null, null, null, null, 0, 0, null, sh('2026-11-02T11:31:00'));
  db.prepare("INSERT INTO call_ring_attempts (call_id, agent_id, started_at, ended_at, outcome) VALUES ('m1', ?, ?, ?, 'missed')").run(
    id('1002'),
    sh('2026-11-02T09:00:10'),
    sh('2026-11-02T09:00:20'),
  );
  answered('s1', '1001', '2026-11-01T15:00:00', 5, 30, 5, 1, false); // the Sunday before, on the trend only
  db.close();

  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, server.url, '2001');
  await page.getByRole('button', { name: '统计指标' }).click();
  await page.getByLabel('日期').fill('2026-11-02');
  const tiles = page.getByTestId('indicators');
  const tile = (field: string) => tiles.locator(`[data-field="${field}"]`);
  await expect(page.getByRole('heading', { name: '统计监管指标 2026-11-02' })).toBeVisible();
  await expect(tile('callTotal').locator('.indicator__value')).toHaveText('4');
  // The wait and the ACW in seconds beside limits in seconds (the data standard's 0.67 min / 0.25 min stay in the export).
  await expect(tile('waittimeavg').locator('.indicator__value')).toHaveText('40.0 秒');
  await expect(tile('waittimeavg').locator('.indicator__limit')).toHaveText('不高于 40 秒');
  await expect(tile('waittimeavg')).toHaveClass(/indicator--ok/);
  await expect(tile('acwavg').locator('.indicator__value')).toHaveText('15.0 秒');
  await expect(tile('callavg').locator('.indicator__value')).toHaveText('1 分 30 秒');
  await expect(tile('callconnect').locator('.indicator__value')).toHaveText('66.67%');
  const row1001 = page.getByTestId('agent-table').locator('tr[data-agent="1001"]');
  await expect(row1001.locator('td')).toHaveText(['1001', /./, '1', '2 分 0 秒', '10.0 秒', '0:00:00', '0', '1']);
  await expect(page.getByTestId('agent-table').locator('tr[data-agent="1002"] td').nth(6)).toHaveText('1');
  await expect(page.getByTestId('trend-hours').locator('canvas')).toHaveCount(1);

  // Downloads: the indicators in XLSX and CSV, the agents in CSV, with the data-standard fields.
  const save = async (name: RegExp) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
  };
  const xlsx = await save(/导出指标 XLSX/);
  expect(xlsx.name).toBe('metrics-330100-day-2026-11-02.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.bytes.buffer.slice(xlsx.bytes.byteOffset, xlsx.bytes.byteOffset + xlsx.bytes.byteLength) as ArrayBuffer);
  const sheet = book.getWorksheet('统计监管指标')!;
  expect(sheet.getRow(1).values).toEqual([undefined, '名称', '字段名', '值', '单位']);
  const wait = [2, 3, 4, 5, 6, 7, 8, 9].map((r) => sheet.getRow(r)).find((r) => r.getCell(2).value === 'waittimeavg')!;
  expect([wait.getCell(3).value, wait.getCell(4).value]).toEqual([0.67, '分钟']);
  const csv = await save(/导出指标 CSV/);
  expect(csv.name).toBe('metrics-330100-day-2026-11-02.csv');
  const lines = csv.bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(lines[0]).toBe('名称,字段名,值,单位');
  expect(lines).toContain('平均话后处理时间,acwavg,0.25,分钟');
  const agentsCsv = await save(/导出坐席明细 CSV/);
  const agentLines = agentsCsv.bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(agentLines[1]).toBe('workNumber,displayName,answered,callavg,acwavg,notReadyTime,missedRings,agentHangups');
  expect(
    agentLines
      .find((l) => l.startsWith('1001,'))!
      .split(',')
      .slice(2),
  ).toEqual(['1', '2.00', '0.17', '0.00', '0', '1']);
  const agentsXlsx = await save(/导出坐席明细 XLSX/);
  expect(agentsXlsx.name).toBe('metrics-agents-330100-day-2026-11-02.xlsx');

  // An ISO week, then the screens in both languages at both sizes, for people to look at.
  await page.getByRole('tab', { name: '周' }).click();
  await expect(page.getByRole('heading', { name: '统计监管指标 2026-W45' })).toBeVisible();
  await expect(tile('callTotal').locator('.indicator__value')).toHaveText('4');
  await page.getByRole('tab', { name: '日' }).click();
  await expect(tile('callTotal').locator('.indicator__value')).toHaveText('4');
  await page.screenshot({ path: testInfo.outputPath('indicators-zh-1366.png'), fullPage: true });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: testInfo.outputPath('indicators-zh-1920.png'), fullPage: true });
  await page.getByRole('button', { name: 'English' }).click();
  await expect(tile('waittimeavg').locator('.indicator__value')).toHaveText('40.0 s');
  await expect(tile('waittimeavg').locator('.indicator__limit')).toHaveText('at most 40 s');
  await expect(tile('waittimeavg').locator('.indicator__name')).toContainText('Average wait');
  await page.screenshot({ path: testInfo.outputPath('indicators-en-1920.png'), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: testInfo.outputPath('indicators-en-1366.png'), fullPage: true });
  expect(consoleErrors).toEqual([]);
});
