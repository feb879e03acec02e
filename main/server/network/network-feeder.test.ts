// The feeder against a real parent on loopback: the outbox goes up in order, waits with backoff
// while the parent is down, and the backlog arrives once it is back on the same port.
import { healthResponseSchema } from '../../../shared/api/health.js';
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { SUPERVISION_MODULES } from '../modules.js';
import { openDatabase } from '../db/database.js';
import { createLogger } from '../logger.js';
import { systemClock } from '../clock.js';
import { emptyRawCounts } from '../../../shared/metrics/raw-counts.js';
import { NetworkOutbox } from './network-outbox.js';
import { NetworkFeeder } from './network-feeder.js';
import { freeTcpPort } from './network-test-kit.js';

const ADMIN = process.env.AGENT_DESK_ADMIN_PASSWORD ?? 'demo9001';
const dataDir = mkdtempSync(join(tmpdir(), 'network-feeder-'));
let parent: TestServer | undefined;
afterAll(async () => {
  await parent?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the network feeder', () => {
  it('sends the outbox, backs off while the parent is down, and delivers the backlog when it is back', async () => {
    const port = await freeTcpPort();
    const start = () =>
      startTestServer(SUPERVISION_MODULES, { dataDir, config: { mode: 'province', areaCode: '330000', httpPort: port, adminPassword: ADMIN } });
    parent = await start();
    // A province server says what it supervises, and offers no phone.
    const health = healthResponseSchema.parse(await (await fetch(`${parent.url}/healthz`)).json());
    expect(health).toMatchObject({ center: { code: '330000', name: '浙江省' }, network: { mode: 'province', code: '330000' } });
    expect(health.sip).toBeUndefined();
    expect(health.center.serviceHours).toBeUndefined();
    const admin = await parent.login('9001', ADMIN);
    await parent.call('POST', '/api/v1/network/children', admin, { code: '330100' });
    const token = (await parent.call('POST', '/api/v1/network/children/330100/token', admin)).body.token as string;

    const db = openDatabase(':memory:');
    const outbox = new NetworkOutbox(db);
    const logs: string[] = [];
    const logger = createLogger('debug', { write: (line: string) => void logs.push(line) });
    const feeder = new NetworkFeeder({ db, clock: systemClock, logger, outbox, code: '330100', parentUrl: parent.url, parentToken: token, intervalMs: 50 });
    const body = (calls: number) => JSON.stringify({ counts: { ...emptyRawCounts(), callTotal: calls } });
    outbox.enqueue('330100', '2026-11-28', 1, body(3), Date.now());
    outbox.enqueue('330100', '2026-11-29', 1, body(4), Date.now());
    await feeder.flush();
    expect(outbox.pending()).toBe(0);

    await parent.stop();
    outbox.enqueue('330100', '2026-11-30', 1, body(5), Date.now());
    await feeder.flush();
    expect(outbox.pending()).toBe(1);
    expect(logs.some((l) => l.includes('network_parent_unreachable'))).toBe(true);
    // Within the backoff nothing is tried.
    await feeder.flush();
    expect(logs.filter((l) => l.includes('network_parent_unreachable'))).toHaveLength(1);

    parent = await start();
    for (let i = 0; i < 40 && outbox.pending() > 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      await feeder.flush();
    }
    expect(outbox.pending()).toBe(0);
    const kept = parent.db.prepare('SELECT date, call_total FROM network_days ORDER BY date').all();
    expect(kept).toEqual([
      { date: '2026-11-28', call_total: 3 },
      { date: '2026-11-29', call_total: 4 },
      { date: '2026-11-30', call_total: 5 },
    ]);

    // A refused day is logged as an error and waits.
    outbox.enqueue('330100', '2026-11-30', 2, JSON.stringify({ counts: { ...emptyRawCounts(), answered: 1 } }), Date.now());
    await feeder.flush();
    expect(logs.some((l) => l.includes('network_day_refused') && l.includes('impossible_counts'))).toBe(true);
    expect(outbox.pending()).toBe(1);
  }, 60_000);

  it('answers the parent’s pull on demand: the days asked for go up again, once, and the request is done', async () => {
    await parent?.stop();
    const port = await freeTcpPort();
    parent = await startTestServer(SUPERVISION_MODULES, {
      dataDir: join(dataDir, 'resend'),
      config: { mode: 'province', areaCode: '330000', httpPort: port, adminPassword: ADMIN },
    });
    const admin = await parent.login('9001', ADMIN);
    await parent.call('POST', '/api/v1/network/children', admin, { code: '330100' });
    const token = (await parent.call('POST', '/api/v1/network/children/330100/token', admin)).body.token as string;
    const db = openDatabase(':memory:');
    const outbox = new NetworkOutbox(db);
    const logger = createLogger('silent', { write: () => undefined });
    const counts = (calls: number) => ({ ...emptyRawCounts(), callTotal: calls });
    // The center's produced days: the parent lost two of them (restored from an old backup, say).
    const produced = [
      { code: '330100', date: '2026-11-27', revision: 1, counts: counts(7) },
      { code: '330100', date: '2026-11-28', revision: 2, counts: counts(8) },
      { code: '330100', date: '2026-11-29', revision: 1, counts: counts(9) },
    ];
    const daysFor = (from: string, to: string) => produced.filter((d) => d.date >= from && d.date <= to);
    const feeder = new NetworkFeeder({
      db,
      clock: systemClock,
      logger,
      outbox,
      code: '330100',
      parentUrl: parent.url,
      parentToken: token,
      intervalMs: 50,
      daysFor,
    });

    // Nothing asked: nothing sent.
    await feeder.runOnce();
    expect(parent.db.prepare('SELECT COUNT(*) FROM network_days').pluck().get()).toBe(0);

    expect((await parent.call('POST', '/api/v1/network/children/330999/resend', admin, { from: '2026-11-27', to: '2026-11-28' })).status).toBe(404);
    expect((await parent.call('POST', '/api/v1/network/children/330100/resend', admin, { from: '2026-11-28', to: '2026-11-27' })).status).toBe(400);
    const asked = await parent.call('POST', '/api/v1/network/children/330100/resend', admin, { from: '2026-11-27', to: '2026-11-28' });
    expect(asked.status).toBe(201);
    // Only the child holding the token sees the request.
    expect((await fetch(`${parent.url}/api/v1/network/resend-requests`, { headers: { authorization: 'Bearer not-the-token' } })).status).toBe(401);

    await feeder.runOnce();
    expect(parent.db.prepare('SELECT date, revision, call_total FROM network_days ORDER BY date').all()).toEqual([
      { date: '2026-11-27', revision: 1, call_total: 7 },
      { date: '2026-11-28', revision: 2, call_total: 8 },
    ]);
    expect(outbox.pending()).toBe(0);
    expect(parent.db.prepare('SELECT done_at IS NOT NULL FROM network_resend_requests WHERE id = ?').pluck().get(asked.body.id)).toBe(1);
    const audited = parent.db.prepare("SELECT detail FROM audit_log WHERE action = 'network.resend_requested'").pluck().all() as string[];
    expect(audited.map((d) => JSON.parse(d))).toEqual([{ from: '2026-11-27', to: '2026-11-28', via: '330100' }]);

    // Done once: the next turn sends nothing again.
    const before = parent.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get();
    await feeder.runOnce();
    expect(outbox.pending()).toBe(0);
    expect(parent.db.prepare('SELECT COUNT(*) FROM network_days').pluck().get()).toBe(2);
    expect(parent.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get()).toBe(before);
  }, 60_000);
});
