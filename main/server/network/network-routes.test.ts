// The network routes in process, on a province and a ministry server (real HTTP, real SQLite):
// the registry, the feed's refusals and roll-ups, who may read, and what a center answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { SUPERVISION_MODULES } from '../modules.js';
import { ManualClock } from '../clock.js';
import { computeIndicators } from '../../../shared/metrics/indicators.js';
import { emptyRawCounts, type RawCounts } from '../../../shared/metrics/raw-counts.js';
import { openDatabase } from '../db/database.js';
import { createLogger } from '../logger.js';
import { NetworkFeeder } from './network-feeder.js';
import { NetworkOutbox } from './network-outbox.js';

const ADMIN = process.env.AGENT_DESK_ADMIN_PASSWORD ?? 'demo9001';
const counts = (callTotal: number, answered: number, talkMs: number): RawCounts => ({
  ...emptyRawCounts(),
  callTotal,
  offered: callTotal,
  answered,
  abandoned: callTotal - answered,
  talkMsSum: talkMs,
});

describe('network routes on a province and a ministry', () => {
  // 2026-11-30 15:00 in China Standard Time.
  const clock = new ManualClock(Date.UTC(2026, 10, 30, 7));
  let province: TestServer;
  let ministry: TestServer;
  let admin: string;
  let agent: string;
  const tokens: Record<string, string> = {};
  const put = (code: string, date: string, token: string, body: unknown) => province.call('PUT', `/api/v1/network/days/${code}/${date}`, token, body);

  beforeAll(async () => {
    province = await startTestServer(SUPERVISION_MODULES, { clock, config: { mode: 'province', areaCode: '330000', adminPassword: ADMIN } });
    ministry = await startTestServer(SUPERVISION_MODULES, { clock, config: { mode: 'ministry', areaCode: '000000', adminPassword: ADMIN } });
    admin = await province.login('9001', ADMIN);
    agent = await province.login('1001');
  });
  afterAll(async () => {
    await province?.stop();
    await ministry?.stop();
  });

  it('registers centers of its own province by code, named from GB/T 2260, and issues tokens shown once', async () => {
    expect(await province.call('POST', '/api/v1/network/children', admin, { code: '330100' })).toMatchObject({
      status: 201,
      body: { code: '330100', name: '杭州市', level: 'center', hasToken: false },
    });
    expect((await province.call('POST', '/api/v1/network/children', admin, { code: '330200' })).status).toBe(201);
    expect(await province.call('POST', '/api/v1/network/children', admin, { code: '339900' })).toMatchObject({ status: 400, body: { code: 'unknown_region' } });
    expect(await province.call('POST', '/api/v1/network/children', admin, { code: '320100' })).toMatchObject({ status: 400, body: { code: 'wrong_level' } });
    expect(await province.call('POST', '/api/v1/network/children', admin, { code: '330000' })).toMatchObject({ status: 400, body: { code: 'wrong_level' } });
    expect((await province.call('POST', '/api/v1/network/children', agent, { code: '330300' })).status).toBe(403);
    for (const code of ['330100', '330200']) tokens[code] = (await province.call('POST', `/api/v1/network/children/${code}/token`, admin)).body.token;
    expect(tokens['330100']).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Issuing again replaces the token.
    const old = tokens['330200']!;
    tokens['330200'] = (await province.call('POST', '/api/v1/network/children/330200/token', admin)).body.token;
    expect((await put('330200', '2026-11-30', old, { revision: 1, counts: counts(1, 1, 1) })).body.code).toBe('bad_token');
    const listed = (await province.call('GET', '/api/v1/network/children', admin)).body.children;
    expect(listed).toEqual([
      { code: '330100', name: '杭州市', level: 'center', hasToken: true, lastReportAt: null },
      { code: '330200', name: '宁波市', level: 'center', hasToken: true, lastReportAt: null },
    ]);
    // The token itself is nowhere in the database, only its hash.
    expect(JSON.stringify(province.db.prepare('SELECT * FROM network_children').all())).not.toContain(tokens['330100']);
  });

  it('rolls the centers up from raw counts: the province rate is not the mean of the centers’ rates', async () => {
    expect((await put('330100', '2026-11-30', tokens['330100']!, { revision: 1, counts: counts(100, 90, 90 * 120_000) })).body).toEqual({ result: 'stored' });
    expect((await put('330200', '2026-11-30', tokens['330200']!, { revision: 1, counts: counts(10, 5, 5 * 60_000) })).body).toEqual({ result: 'stored' });
    expect((await put('330200', '2026-11-29', tokens['330200']!, { revision: 3, counts: counts(4, 4, 0) })).body).toEqual({ result: 'stored' });
    const day = (await province.call('GET', '/api/v1/network/overview?period=day&date=2026-11-30', admin)).body;
    expect(day).toMatchObject({ level: 'province', code: '330000', name: '浙江省', period: { kind: 'day', from: '2026-11-30', to: '2026-11-30' } });
    expect(day.total.indicators.callconnect).toBe(86.36); // 95 / 110, not (90 + 50) / 2
    expect(day.total.indicators).toEqual(computeIndicators(counts(110, 95, 90 * 120_000 + 5 * 60_000)));
    expect(day.rows.map((r: { code: string; reportedDays: number; expectedDays: number }) => [r.code, r.reportedDays, r.expectedDays])).toEqual([
      ['330100', 1, 1],
      ['330200', 1, 1],
    ]);
    const week = (await province.call('GET', '/api/v1/network/overview?period=week&date=2026-11-30', admin)).body;
    expect(week.period).toEqual({ kind: 'week', label: '2026-W49', from: '2026-11-30', to: '2026-12-06' });
    const month = (await province.call('GET', '/api/v1/network/overview?period=month&date=2026-11-15', admin)).body;
    expect(month.total.counts.callTotal).toBe(114);
    expect(month.rows[1]).toMatchObject({ code: '330200', reportedDays: 2, expectedDays: 30 });
    const series = (await province.call('GET', '/api/v1/network/series?code=330200&from=2026-11-28&to=2026-11-30', admin)).body;
    expect(series.days.map((d: { counts: RawCounts | null }) => d.counts?.callTotal ?? null)).toEqual([null, 4, 10]);
    const missing = (await province.call('GET', '/api/v1/network/missing?from=2026-11-28&to=2026-12-05', admin)).body;
    expect(missing.children).toEqual([
      { code: '330100', name: '杭州市', missingDays: ['2026-11-28', '2026-11-29'] },
      { code: '330200', name: '宁波市', missingDays: ['2026-11-28'] },
    ]);
  });

  it('answers the feed’s refusals with their codes and audits them', async () => {
    const ok = { revision: 2, counts: counts(100, 90, 90 * 120_000) };
    expect((await put('330100', '2026-11-30', 'x', ok)).body.code).toBe('bad_token');
    expect((await put('330200', '2026-11-30', tokens['330100']!, ok)).body.code).toBe('not_your_center');
    expect((await put('330300', '2026-11-30', tokens['330100']!, ok)).body.code).toBe('unknown_center');
    expect((await put('330100', '2026-12-05', tokens['330100']!, ok)).body.code).toBe('future_day');
    expect((await put('330100', '2026-11-30', tokens['330100']!, { ...ok, counts: { ...ok.counts, answered: 101 } })).body.code).toBe('impossible_counts');
    expect((await put('330200', '2026-11-29', tokens['330200']!, { revision: 2, counts: counts(4, 4, 0) })).body).toMatchObject({
      code: 'stale_revision',
      details: { storedRevision: 3 },
    });
    expect((await put('330100', '2026-11-30', tokens['330100']!, { revision: 1, counts: counts(7, 7, 0) })).body.code).toBe('revision_conflict');
    expect((await put('330100', '2026-11-30', tokens['330100']!, { ...ok, revision: 0 })).status).toBe(400);
    const audit = (await province.call('GET', '/api/v1/audit?entityType=network_day', admin)).body;
    expect(JSON.stringify(audit)).toContain('impossible_counts');
    expect(province.logs.filter((l) => l.event === 'network_feed_refused')).not.toHaveLength(0);
  });

  it('lets only center admins, province and ministry users read, and answers 404 where a route does not apply', async () => {
    expect((await province.call('GET', '/api/v1/network/overview', agent)).status).toBe(403);
    expect((await province.call('GET', '/api/v1/network/overview')).status).toBe(401);
    // A province feeds no parent here: it answers no pull.
    expect((await province.call('GET', '/api/v1/network/days?from=2026-11-01&to=2026-11-30', tokens['330100'])).body.code).toBe('not_a_child');
    expect((await province.call('GET', '/api/v1/network/overview?under=320000', admin)).body.code).toBe('wrong_level');
  });

  it('at a ministry, provinces are the sums of their centers and drill down to them', async () => {
    const madmin = await ministry.login('9001', ADMIN);
    expect((await ministry.call('POST', '/api/v1/network/children', madmin, { code: '330100' })).body.code).toBe('wrong_level');
    expect((await ministry.call('POST', '/api/v1/network/children', madmin, { code: '330000' })).status).toBe(201);
    const token = (await ministry.call('POST', '/api/v1/network/children/330000/token', madmin)).body.token;
    const send = (code: string, body: unknown) => ministry.call('PUT', `/api/v1/network/days/${code}/2026-11-30`, token, body);
    expect((await send('330100', { revision: 1, counts: counts(100, 90, 0) })).body).toEqual({ result: 'stored' });
    expect((await send('330200', { revision: 1, counts: counts(10, 5, 0) })).body).toEqual({ result: 'stored' });
    expect((await send('320100', { revision: 1, counts: counts(10, 5, 0) })).body.code).toBe('not_your_center');
    expect((await send('339900', { revision: 1, counts: counts(10, 5, 0) })).body.code).toBe('unknown_center');
    const top = (await ministry.call('GET', '/api/v1/network/overview?period=year&date=2026-11-30', madmin)).body;
    expect(top).toMatchObject({ level: 'ministry', code: '000000', name: '住房和城乡建设部' });
    expect(top.rows).toHaveLength(1);
    expect(top.rows[0]).toMatchObject({ code: '330000', name: '浙江省', counts: { callTotal: 110, answered: 95 }, reportedDays: 2, expectedDays: 2 * 334 });
    const drill = (await ministry.call('GET', '/api/v1/network/overview?period=day&date=2026-11-30&under=330000', madmin)).body;
    expect(drill).toMatchObject({ level: 'province', code: '330000' });
    expect(drill.rows.map((r: { code: string }) => r.code)).toEqual(['330100', '330200']);
    const series = (await ministry.call('GET', '/api/v1/network/series?code=330000&from=2026-11-30&to=2026-11-30', madmin)).body;
    expect(series.days[0].counts.callTotal).toBe(110);
  });

  it('at a ministry, lists the centers a province registered before they ever report (未报送), told by the province’s feeder', async () => {
    const madmin = await ministry.login('9001', ADMIN);
    const token = (await ministry.call('POST', '/api/v1/network/children/330000/token', madmin)).body.token as string;
    const db = openDatabase(':memory:');
    let registered = ['330100', '330200', '330300'];
    const feeder = new NetworkFeeder({
      db,
      clock,
      logger: createLogger('silent'),
      outbox: new NetworkOutbox(db),
      code: '330000',
      parentUrl: ministry.url,
      parentToken: token,
      intervalMs: 1000,
      centers: () => registered,
    });
    await feeder.runOnce();
    const listed = () => ministry.db.prepare('SELECT code FROM network_listed_centers ORDER BY code').pluck().all();
    expect(listed()).toEqual(['330100', '330200', '330300']);
    // 温州 (330300) never reported: it is a row of the drill-down and in 未报送, every day.
    const drill = (await ministry.call('GET', '/api/v1/network/overview?period=day&date=2026-11-30&under=330000', madmin)).body;
    expect(drill.rows.map((r: { code: string; counts: RawCounts }) => [r.code, r.counts.callTotal])).toEqual([
      ['330100', 100],
      ['330200', 10],
      ['330300', 0],
    ]);
    const missing = (await ministry.call('GET', '/api/v1/network/missing?from=2026-11-29&to=2026-11-30', madmin)).body.children;
    expect(missing.find((c: { code: string }) => c.code === '330300')).toEqual({ code: '330300', name: '温州市', missingDays: ['2026-11-29', '2026-11-30'] });
    const top = (await ministry.call('GET', '/api/v1/network/overview?period=day&date=2026-11-30', madmin)).body;
    expect(top.rows[0]).toMatchObject({ code: '330000', reportedDays: 2, expectedDays: 3 });
    // A center leaves the province's registry: the next turn says so.
    registered = ['330100', '330200'];
    await feeder.runOnce();
    expect(listed()).toEqual(['330100', '330200']);

    const putCenters = (t: string | undefined, centers: unknown) => ministry.call('PUT', '/api/v1/network/centers', t, { centers });
    expect(await putCenters(token, ['330100', '320100'])).toMatchObject({ status: 400, body: { details: [{ path: 'centers.1' }] } });
    expect(listed()).toEqual(['330100', '330200']);
    expect((await putCenters('not-a-token', ['330100'])).status).toBe(401);
    expect((await province.call('PUT', '/api/v1/network/centers', tokens['330100'], { centers: [] })).body.code).toBe('not_a_ministry');
    await feeder.stop();
  });
});
