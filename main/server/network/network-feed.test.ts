// Issue 16, done when: real server processes — two centers (杭州 330100, 宁波 330200), their
// province (浙江 330000) and the ministry (000000) — SIPp calls on both centers, and the province's
// and the ministry's figures equal a computation straight from the centers' SQLite files, after a
// province outage, a late day, a corrected day and a replayed upload. Feed turns are 150 ms; most
// of the run is the four servers starting from source (a few seconds each on an idle machine).
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../server-process-test-kit.js';
import { SIPP_MISSING, runSipp, sippSuite } from '../sip/sipp-test-kit.js';
import { DATABASE_FILE } from '../db/database.js';
import { computeIndicators } from '../../../shared/metrics/indicators.js';
import type { RawCounts } from '../../../shared/metrics/raw-counts.js';
import type { NetworkDay, OverviewResponse, PullDaysResponse } from '../../../shared/api/network.js';
import { call, countsFromDatabase, cstDate, eventually, freeTcpPort, registerChild, signIn, sumCounts } from './network-test-kit.js';

const FEED_MS = '150';
const dirs: string[] = [];
const children: ChildProcess[] = [];
const tempDir = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `network-${name}-`));
  dirs.push(dir);
  return dir;
};
async function launch(dataDir: string, args: string[], env: Record<string, string> = {}, logs?: Array<Record<string, unknown>>): Promise<ServerProcess> {
  const server = await startServerProcess(dataDir, {
    args: ['--network-feed-ms', FEED_MS, '--log-level', 'debug', ...args],
    env,
    startTimeoutMs: 90_000,
    ...(logs ? { logs } : {}),
  });
  children.push(server.child);
  return server;
}
async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

const today = cstDate(Date.now());
const yearOf = (date: string) => date.slice(0, 4);

describe.skipIf(SIPP_MISSING)(sippSuite('the supervision network: centers → province → ministry, as processes'), () => {
  let ministry: ServerProcess;
  let province: ServerProcess;
  let hangzhou: ServerProcess;
  let ningbo: ServerProcess;
  const provinceDir = tempDir('province');
  const centerDirs = { '330100': tempDir('hangzhou'), '330200': tempDir('ningbo') };
  const provinceLogs: Array<Record<string, unknown>> = [];
  let provinceArgs: string[];
  let provinceEnv: Record<string, string>;
  let ministryAdmin: string;
  let provinceAdmin: string;
  let provinceToken: string;
  const centerTokens: Record<string, string> = {};

  /** Each center's counts per day, from its database file. */
  const independent = () => ({ '330100': countsFromDatabase(centerDirs['330100']), '330200': countsFromDatabase(centerDirs['330200']) });
  const yearSum = (days: Map<string, RawCounts>) => sumCounts([...days].filter(([d]) => yearOf(d) === yearOf(today)).map(([, c]) => c));
  const overview = async (url: string, token: string, query: string) => {
    const answer = await call(url, 'GET', `/api/v1/network/overview?${query}`, token);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body as unknown as OverviewResponse;
  };

  /** The province's and the ministry's year figures equal the centers' own rows, center by center and in total. */
  async function figuresAgree(): Promise<void> {
    await eventually(async () => {
      const truth = independent();
      const hz = yearSum(truth['330100']);
      const nb = yearSum(truth['330200']);
      const atProvince = await overview(province.url, provinceAdmin, `period=year&date=${today}`);
      expect(atProvince.level).toBe('province');
      expect(atProvince.rows.map((r) => r.code)).toEqual(['330100', '330200']);
      expect(atProvince.rows[0]!.counts).toEqual(hz);
      expect(atProvince.rows[1]!.counts).toEqual(nb);
      expect(atProvince.total.counts).toEqual(sumCounts([hz, nb]));
      // Indicators from the summed raw counts, never an average of the two centers' rates.
      expect(atProvince.total.indicators).toEqual(computeIndicators(sumCounts([hz, nb])));
      const atMinistry = await overview(ministry.url, ministryAdmin, `period=year&date=${today}`);
      expect(atMinistry.level).toBe('ministry');
      expect(atMinistry.rows.map((r) => [r.code, r.name])).toEqual([['330000', '浙江省']]);
      expect(atMinistry.rows[0]!.counts).toEqual(sumCounts([hz, nb]));
      expect(atMinistry.total.indicators).toEqual(computeIndicators(sumCounts([hz, nb])));
      const drill = await overview(ministry.url, ministryAdmin, `period=year&date=${today}&under=330000`);
      expect(drill.rows.map((r) => [r.code, r.counts])).toEqual([
        ['330100', hz],
        ['330200', nb],
      ]);
    }, 60_000);
  }

  const pull = async (): Promise<NetworkDay[]> => {
    const answer = await call(province.url, 'GET', `/api/v1/network/days?from=${today}&to=${today}`, provinceToken);
    expect(answer.status).toBe(200);
    return (answer.body as unknown as PullDaysResponse).days;
  };

  beforeAll(async () => {
    ministry = await launch(tempDir('ministry'), ['--mode', 'ministry', '--area-code', '000000']);
    ministryAdmin = await signIn(ministry.url);
    provinceToken = await registerChild(ministry.url, ministryAdmin, '330000');
    provinceArgs = ['--mode', 'province', '--area-code', '330000', '--parent-url', ministry.url, '--http-port', String(await freeTcpPort())];
    provinceEnv = { AGENT_DESK_PARENT_TOKEN: provinceToken };
    province = await launch(provinceDir, provinceArgs, provinceEnv, provinceLogs);
    provinceAdmin = await signIn(province.url);
    for (const code of ['330100', '330200'] as const) centerTokens[code] = await registerChild(province.url, provinceAdmin, code);
    const center = (code: '330100' | '330200') =>
      launch(centerDirs[code], ['--center-code', code, '--parent-url', province.url, '--service-hours', 'always'], {
        AGENT_DESK_PARENT_TOKEN: centerTokens[code]!,
      });
    // One after the other: two servers compiling from source at once on a busy machine start slower than in turn.
    hangzhou = await center('330100');
    ningbo = await center('330200');
  }, 400_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('a province or ministry server runs no SIP and no call modules', () => {
    const started = (logs: Array<Record<string, unknown>>) => logs.find((l) => l.event === 'listening')?.modules;
    expect(started(provinceLogs)).toEqual(['auth', 'backup', 'network']);
    expect(started(hangzhou.logs)).toEqual(expect.arrayContaining(['sip', 'voice', 'metrics', 'network']));
  });

  it('calls placed with SIPp on both centers reach the province and the ministry, summed from raw counts', async () => {
    const [a, b] = await Promise.all([
      runSipp('uac-call.xml', hangzhou.sipUdpPort, ['-m', '3', '-d', '300']),
      runSipp('uac-call.xml', ningbo.sipUdpPort, ['-m', '2', '-d', '300']),
    ]);
    expect(a.code, a.errors).toBe(0);
    expect(b.code, b.errors).toBe(0);
    await eventually(() => expect(yearSum(independent()['330100']).callTotal).toBe(3));
    await figuresAgree();
    const atProvince = await overview(province.url, provinceAdmin, `period=day&date=${today}`);
    expect(atProvince.total.counts.callTotal).toBe(5);
    expect(atProvince.rows.every((r) => r.reportedDays === 1 && r.expectedDays === 1)).toBe(true);
  }, 120_000);

  it('a province that is down gets the backlog when it is back: nothing lost, nothing doubled', async () => {
    await stop(province);
    const [a, b] = await Promise.all([
      runSipp('uac-call.xml', hangzhou.sipUdpPort, ['-m', '2', '-d', '300']),
      runSipp('uac-call.xml', ningbo.sipUdpPort, ['-m', '1', '-d', '300']),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    // Both centers noticed and keep the days in their outbox.
    await eventually(() => expect(hangzhou.logs.some((l) => l.event === 'network_parent_unreachable')).toBe(true));
    await eventually(() => expect(ningbo.logs.some((l) => l.event === 'network_parent_unreachable')).toBe(true));
    province = await launch(provinceDir, provinceArgs, provinceEnv, provinceLogs);
    await figuresAgree();
    expect((await overview(ministry.url, ministryAdmin, `period=day&date=${today}`)).total.counts.callTotal).toBe(8);
  }, 120_000);

  it('a late row for an earlier day, written into a center, is sent again as a new revision of that day', async () => {
    const lateDay = cstDate(Date.now() - 3 * 86_400_000);
    const db = new Database(join(centerDirs['330100'], DATABASE_FILE));
    db.pragma('busy_timeout = 5000');
    // A call recovered late (a crash, an import): a copy of one of today's calls, three days back.
    const columns = (db.prepare('PRAGMA table_info(calls)').all() as Array<{ name: string }>).map((c) => c.name);
    const shifted = columns.map((c) => (c === 'id' ? "id || '-late'" : c.endsWith('_at') ? `${c} - ${3 * 86_400_000}` : c));
    db.prepare(`INSERT INTO calls (${columns.join(', ')}) SELECT ${shifted.join(', ')} FROM calls WHERE direction = 'inbound' LIMIT 1`).run();
    db.close();
    await figuresAgree();
    const series = await call(province.url, 'GET', `/api/v1/network/series?code=330100&from=${lateDay}&to=${lateDay}`, provinceAdmin);
    expect((series.body.days as Array<{ counts: RawCounts }>)[0]!.counts.callTotal).toBe(1);
  }, 120_000);

  it('a corrected day replaces the kept one with a higher revision', async () => {
    const before = (await pull()).find((d) => d.code === '330200')!;
    const db = new Database(join(centerDirs['330200'], DATABASE_FILE));
    db.pragma('busy_timeout = 5000');
    // The correction: one IVR call was in fact offered to the agents and given up in the queue.
    const changed = db
      .prepare(
        `UPDATE calls SET offered_to_agent = 1, offered_at = arrived_at + 1, queued_at = arrived_at + 1, abandon_stage = 'queue'
         WHERE id = (SELECT id FROM calls WHERE direction = 'inbound' AND abandon_stage = 'ivr' LIMIT 1)`,
      )
      .run().changes;
    db.close();
    expect(changed).toBe(1);
    await figuresAgree();
    const after = (await pull()).find((d) => d.code === '330200')!;
    expect(after.revision).toBeGreaterThan(before.revision);
    expect(after.counts.abandoned).toBe(before.counts.abandoned + 1);
    // The ministry kept the province's forward of the new revision too.
    const atMinistry = await overview(ministry.url, ministryAdmin, `period=day&date=${today}&under=330000`);
    expect(atMinistry.rows.find((r) => r.code === '330200')!.counts).toEqual(after.counts);
  }, 120_000);

  it('a replayed upload is unchanged, an older one refused, and the figures are not doubled', async () => {
    const kept = (await pull()).find((d) => d.code === '330100')!;
    const body = { revision: kept.revision, counts: kept.counts, ...(kept.attendance ? { attendance: kept.attendance } : {}) };
    const path = `/api/v1/network/days/330100/${today}`;
    expect((await call(province.url, 'PUT', path, centerTokens['330100'], body)).body).toEqual({ result: 'unchanged' });
    expect((await call(province.url, 'PUT', path, centerTokens['330100'], body)).body).toEqual({ result: 'unchanged' });
    const stale = await call(province.url, 'PUT', path, centerTokens['330100'], {
      ...body,
      revision: kept.revision - 1 || 1,
      counts: { ...kept.counts, callTotal: kept.counts.callTotal + 1 },
    });
    expect(stale.status).toBe(409);
    await figuresAgree();
  }, 120_000);

  it('refuses a bad token, another center, an unknown center and impossible counts, and logs and audits each', async () => {
    const kept = (await pull()).find((d) => d.code === '330100')!;
    const body = { revision: kept.revision + 100, counts: kept.counts };
    const put = (code: string, token: string, b: unknown = body) => call(province.url, 'PUT', `/api/v1/network/days/${code}/${today}`, token, b);
    expect(await put('330100', 'not-a-token')).toMatchObject({ status: 401, body: { code: 'bad_token' } });
    expect(await put('330200', centerTokens['330100']!)).toMatchObject({ status: 403, body: { code: 'not_your_center' } });
    expect(await put('330300', centerTokens['330100']!)).toMatchObject({ status: 404, body: { code: 'unknown_center' } });
    const impossible = { ...body, counts: { ...kept.counts, answered: kept.counts.offered + 1 } };
    expect(await put('330100', centerTokens['330100']!, impossible)).toMatchObject({ status: 422, body: { code: 'impossible_counts' } });
    // Nothing of that was kept.
    expect((await pull()).find((d) => d.code === '330100')!.revision).toBe(kept.revision);
    const refusals = provinceLogs.filter((l) => l.event === 'network_feed_refused').map((l) => l.reason);
    expect(refusals).toEqual(expect.arrayContaining(['bad_token', 'not_your_center', 'unknown_center', 'impossible_counts', 'stale_revision']));
    const audit = await call(province.url, 'GET', '/api/v1/audit?entityType=network_day', provinceAdmin);
    expect(JSON.stringify(audit.body)).toContain('impossible_counts');
    // A revoked token stops working at once.
    expect((await call(province.url, 'DELETE', '/api/v1/network/children/330200/token', provinceAdmin)).status).toBe(204);
    expect(await put('330200', centerTokens['330200']!, { ...body, counts: kept.counts })).toMatchObject({ status: 401 });
    const registry = await call(province.url, 'GET', '/api/v1/network/children', provinceAdmin);
    expect(registry.body.children).toEqual([
      expect.objectContaining({ code: '330100', name: '杭州市', level: 'center', hasToken: true, lastReportAt: expect.any(Number) }),
      expect.objectContaining({ code: '330200', name: '宁波市', hasToken: false }),
    ]);
  }, 120_000);
});
