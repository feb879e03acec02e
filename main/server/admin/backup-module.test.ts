import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ManualClock } from '../clock.js';
import { authModule } from '../auth/auth-module.js';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { MIGRATIONS } from '../db/migrations/index.js';
import { backupResponseSchema } from '../../../shared/api/admin.js';
import { ADMIN_BACKUPS_KEPT, backupModule } from './backup-module.js';

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
    const files = readdirSync(join(server.ctx.config.dataDir, 'backups'));
    expect(files).toHaveLength(ADMIN_BACKUPS_KEPT);
    expect(files).not.toContain('agent-desk-20250611-100304.sqlite');
  });
});
