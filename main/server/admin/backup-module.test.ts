import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ManualClock } from '../clock.js';
import { authModule } from '../auth/auth-module.js';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { MIGRATIONS } from '../db/migrations/index.js';
import { backupListResponseSchema, backupResponseSchema, backupScheduleSchema, backupVerifyResponseSchema } from '../../../shared/api/admin.js';
import { backupModule } from './backup-module.js';
import { BackupService } from './backup-service.js';
import { SERVICES } from '../services.js';
import { DEFAULT_BACKUPS_KEPT as ADMIN_BACKUPS_KEPT } from './backup-schedule.js';

const ADMIN_PASSWORD = 'backup-admin-secret';

describe('POST /api/v1/admin/backup', () => {
  let server: TestServer;
  const clock = new ManualClock(Date.parse('2025-06-11T02:03:04Z'));
  beforeAll(async () => {
    server = await startTestServer([authModule, backupModule], { clock, config: { adminPassword: ADMIN_PASSWORD } });
  });
  afterAll(() => server?.stop());

  it('answers 401 without a session and 403 to an agent or a team lead, and writes nothing', async () => {
    expect((await server.call('POST', '/api/v1/admin/backup')).status).toBe(401);
    for (const workNumber of ['1001', '2001']) {
      const res = await server.call('POST', '/api/v1/admin/backup', await server.login(workNumber));
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden');
    }
    expect(existsSync(join(server.ctx.config.dataDir, 'backups'))).toBe(false);
  });

  it('writes a verified copy of the live database into <dataDir>/backups for the center admin', async () => {
    const token = await server.login('9001', ADMIN_PASSWORD);
    const res = await server.call('POST', '/api/v1/admin/backup', token);
    expect(res.status).toBe(200);
    const body = backupResponseSchema.parse(res.body);
    expect(body).toMatchObject({ file: 'agent-desk-20250611-100304.sqlite', schemaVersion: MIGRATIONS.length, removed: [] });
    const copy = new Database(join(server.ctx.config.dataDir, 'backups', body.file), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    // Rows committed before the request are in the copy.
    expect(copy.prepare("SELECT count(*) FROM users WHERE work_number = '9001'").pluck().get()).toBe(1);
    copy.close();
    const audit = server.db.prepare("SELECT entity_id FROM audit_log WHERE action = 'admin.backup'").pluck().all();
    expect(audit).toEqual([body.file]);
  });

  it(`keeps the newest ${ADMIN_BACKUPS_KEPT}`, async () => {
    const token = await server.login('9001', ADMIN_PASSWORD);
    let last;
    for (let i = 0; i < ADMIN_BACKUPS_KEPT + 1; i++) {
      clock.advance(60_000);
      last = await server.call('POST', '/api/v1/admin/backup', token);
      expect(last.status).toBe(200);
    }
    expect(last!.body.removed).toEqual(['agent-desk-20250611-100404.sqlite']);
    const files = readdirSync(join(server.ctx.config.dataDir, 'backups')).filter((f) => f.endsWith('.sqlite'));
    expect(files).toHaveLength(ADMIN_BACKUPS_KEPT);
    expect(files).not.toContain('agent-desk-20250611-100304.sqlite');
  }, 90_000);
});

describe('the backup list, a check of one copy, the daily schedule', () => {
  let server: TestServer;
  let token: string;
  const clock = new ManualClock(Date.parse('2025-06-11T02:03:04Z'));
  const backupsDir = () => join(server.ctx.config.dataDir, 'backups');
  beforeAll(async () => {
    server = await startTestServer([authModule, backupModule], { clock, config: { adminPassword: ADMIN_PASSWORD } });
    token = await server.login('9001', ADMIN_PASSWORD);
  });
  afterAll(() => server?.stop());

  it('lists the copies newest first, each with the check made when it was written', async () => {
    expect(backupListResponseSchema.parse((await server.call('GET', '/api/v1/admin/backups', token)).body)).toMatchObject({
      backups: [],
      schedule: { dailyAt: null, keep: ADMIN_BACKUPS_KEPT, nextRunAt: null, lastRunAt: null },
    });
    const first = (await server.call('POST', '/api/v1/admin/backup', token)).body.file;
    clock.advance(90_000);
    const second = (await server.call('POST', '/api/v1/admin/backup', token)).body.file;
    const list = backupListResponseSchema.parse((await server.call('GET', '/api/v1/admin/backups', token)).body);
    expect(list.backups.map((b) => b.file)).toEqual([second, first]);
    expect(list.backups[0]!.bytes).toBeGreaterThan(4096);
    expect(list.backups[0]!.check).toMatchObject({ ok: true, kind: 'written', schemaVersion: MIGRATIONS.length, problem: null });
    expect((await server.call('GET', '/api/v1/admin/backups', await server.login('2001'))).status).toBe(403);
  });

  it('checks a stored copy again: ok for a good one, the problem for a damaged one, audited; 404 and 400 for others', async () => {
    const [good, damaged] = backupListResponseSchema.parse((await server.call('GET', '/api/v1/admin/backups', token)).body).backups;
    clock.advance(60_000);
    const ok = await server.call('POST', `/api/v1/admin/backups/${good!.file}/verify`, token);
    expect(ok.status).toBe(200);
    expect(backupVerifyResponseSchema.parse(ok.body)).toMatchObject({ file: good!.file, ok: true, kind: 'verified', schemaVersion: MIGRATIONS.length });
    // Overwrite pages in the middle of the other copy: integrity_check must notice.
    const path = join(backupsDir(), damaged!.file);
    const bytes = readFileSync(path);
    bytes.fill(0x5a, 4096 * 2, bytes.length - 4096);
    writeFileSync(path, bytes);
    const bad = await server.call('POST', `/api/v1/admin/backups/${damaged!.file}/verify`, token);
    expect(bad.status).toBe(200);
    expect(bad.body).toMatchObject({ ok: false, kind: 'verified' });
    expect(bad.body.problem).toMatch(/./);
    const list = backupListResponseSchema.parse((await server.call('GET', '/api/v1/admin/backups', token)).body);
    expect(list.backups.map((b) => [b.file, b.check?.ok, b.check?.kind])).toEqual([
      [good!.file, true, 'verified'],
      [damaged!.file, false, 'verified'],
    ]);
    const trail = server.db.prepare("SELECT entity_id, detail FROM audit_log WHERE action = 'admin.backup_verify' ORDER BY id").all() as Array<{
      entity_id: string;
      detail: string;
    }>;
    expect(trail.map((r) => [r.entity_id, JSON.parse(r.detail).ok])).toEqual([
      [good!.file, true],
      [damaged!.file, false],
    ]);
    expect((await server.call('POST', '/api/v1/admin/backups/agent-desk-20990101-000000.sqlite/verify', token)).status).toBe(404);
    const traversal = await server.call('POST', `/api/v1/admin/backups/${encodeURIComponent('../agent-desk.sqlite')}/verify`, token);
    expect(traversal.status).toBe(400);
  });

  it('takes a daily time and a number to keep at once: fewer kept rotates now; bad input names the field', async () => {
    const bad = await server.call('PUT', '/api/v1/admin/backups/schedule', token, { dailyAt: '25:00', keep: 0 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('dailyAt');
    expect(JSON.stringify(bad.body)).toContain('keep');
    // 10:05 in Shanghai now; 03:30 is past for today, so the first run is tomorrow's.
    const res = await server.call('PUT', '/api/v1/admin/backups/schedule', token, { dailyAt: '03:30', keep: 1 });
    expect(res.status).toBe(200);
    expect(backupScheduleSchema.parse(res.body)).toEqual({ dailyAt: '03:30', keep: 1, nextRunAt: '2025-06-12T03:30:00+08:00', lastRunAt: null });
    expect(readdirSync(backupsDir()).filter((f) => f.endsWith('.sqlite'))).toHaveLength(1);
    const audit = server.db.prepare("SELECT detail FROM audit_log WHERE action = 'admin.backup_schedule'").pluck().get() as string;
    expect(JSON.parse(audit)).toMatchObject({ dailyAt: '03:30', keep: 1, before: { dailyAt: null, keep: ADMIN_BACKUPS_KEPT } });
  });

  it('runs the scheduled backup once when its time has come, with no restart', async () => {
    const service = new BackupService({
      db: server.db,
      clock,
      logger: server.ctx.logger,
      dir: backupsDir(),
      timeZone: server.ctx.config.timeZone,
      audit: () => server.ctx.services.get(SERVICES.audit),
    });
    expect(await service.tick()).toBeUndefined();
    clock.set(Date.parse('2025-06-11T19:29:59Z')); // 03:29:59 next day, Shanghai
    expect(await service.tick()).toBeUndefined();
    clock.set(Date.parse('2025-06-11T19:30:00Z'));
    const run = await service.tick();
    expect(run?.file).toBe('agent-desk-20250612-033000.sqlite');
    clock.advance(60_000);
    expect(await service.tick()).toBeUndefined();
    const list = service.list();
    expect(list.backups.map((b) => b.file)).toEqual(['agent-desk-20250612-033000.sqlite']);
    expect(list.schedule).toMatchObject({ lastRunAt: '2025-06-12T03:30:00+08:00', nextRunAt: '2025-06-13T03:30:00+08:00' });
    const scheduled = server.db.prepare("SELECT actor_user_id, detail FROM audit_log WHERE action = 'admin.backup' ORDER BY id DESC LIMIT 1").get() as {
      actor_user_id: number | null;
      detail: string;
    };
    expect(scheduled.actor_user_id).toBeNull();
    expect(JSON.parse(scheduled.detail).scheduled).toBe(true);
  });
});
