import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { authModule } from './auth-module.js';
import { calendarModule } from '../work-orders/calendar-module.js';
import { workOrdersModule } from '../work-orders/work-orders-module.js';
import { startTestServer, type TestServer } from './server-test-kit.js';
import { PAIR_LIMIT } from './login-throttle.js';

// Issue 15 item 1: the admin console's server side — lockouts and unlock, departments that exist,
// the audit log filtered by who and what, a page at a time.
describe('user administration: lockouts, departments, audit', () => {
  let server: TestServer;
  let admin: string;
  const clock = new ManualClock(Date.parse('2026-11-30T02:00:00Z'));
  beforeAll(async () => {
    server = await startTestServer([authModule, calendarModule, workOrdersModule], { clock, config: { adminPassword: 'admin-secret-1' } });
    admin = await server.login('9001', 'admin-secret-1');
  });
  afterAll(() => server?.stop());

  const wrong = (workNumber: string) => server.call('POST', '/api/v1/auth/login', undefined, { workNumber, password: 'not-the-password' });

  it('shows a work number locked by failed sign-ins and lets the admin unlock it, audited', async () => {
    for (let i = 0; i < PAIR_LIMIT; i++) expect((await wrong('1003')).status).toBe(401);
    expect((await server.call('POST', '/api/v1/auth/login', undefined, { workNumber: '1003', password: 'demo1003' })).status).toBe(429);
    for (let i = 0; i < 2; i++) await wrong('1004');

    const lockouts = await server.call('GET', '/api/v1/users/lockouts', admin);
    expect(lockouts.body.lockouts).toEqual([{ workNumber: '1003', userId: expect.any(Number), failures: PAIR_LIMIT, lockedUntil: expect.any(String) }]);
    const users = (await server.call('GET', '/api/v1/users', admin)).body.users as Array<{ workNumber: string; lockedUntil: string | null }>;
    expect(users.find((u) => u.workNumber === '1003')?.lockedUntil).toBe(new Date(clock.now() + 15 * 60_000 + 1).toISOString());
    expect(users.find((u) => u.workNumber === '1004')?.lockedUntil).toBeNull();

    const agent = await server.login('1001');
    const id = lockouts.body.lockouts[0].userId as number;
    expect((await server.call('POST', `/api/v1/users/${id}/unlock`, agent)).status).toBe(403);
    expect((await server.call('GET', '/api/v1/users/lockouts', agent)).status).toBe(403);
    expect((await server.call('POST', `/api/v1/users/${id}/unlock`, admin)).status).toBe(204);
    expect((await server.call('GET', '/api/v1/users/lockouts', admin)).body.lockouts).toEqual([]);
    expect((await server.call('POST', '/api/v1/auth/login', undefined, { workNumber: '1003', password: 'demo1003' })).status).toBe(200);
    expect((await server.call('POST', '/api/v1/users/99999/unlock', admin)).status).toBe(404);

    const trail = await server.call('GET', `/api/v1/audit?action=user.unlock`, admin);
    expect(trail.body.entries).toEqual([
      expect.objectContaining({ action: 'user.unlock', actorWorkNumber: '9001', entityId: String(id), detail: { workNumber: '1003', hadFailures: true } }),
    ]);
  });

  it('lists a guessed work number nobody has, so the admin sees the guessing', async () => {
    for (let i = 0; i < PAIR_LIMIT; i++) await wrong('7777');
    const lockouts = await server.call('GET', '/api/v1/users/lockouts', admin);
    expect(lockouts.body.lockouts).toContainEqual(expect.objectContaining({ workNumber: '7777', userId: null }));
  });

  it('puts a user only in a department that exists, by its name, and marks the field otherwise', async () => {
    const dept = await server.call('POST', '/api/v1/departments', admin, { code: 'audit', name: '稽核科', phone: '057188001234' });
    expect(dept.status).toBe(201);
    const bad = await server.call('POST', '/api/v1/users', admin, {
      workNumber: '3050',
      displayName: '王办',
      role: 'department_handler',
      department: '没有的科',
      password: 'first-pass-1',
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'unknown_department', details: { field: 'department' } });
    const missing = await server.call('POST', '/api/v1/users', admin, {
      workNumber: '3050',
      displayName: '王办',
      role: 'department_handler',
      password: 'first-pass-1',
    });
    expect(missing.body.details).toEqual([expect.objectContaining({ path: 'department', code: 'required' })]);
    const ok = await server.call('POST', '/api/v1/users', admin, {
      workNumber: '3050',
      displayName: '王办',
      role: 'department_handler',
      department: 'audit',
      password: 'first-pass-1',
    });
    expect(ok.body).toMatchObject({ department: '稽核科', lockedUntil: null });
    const handlers = (await server.call('GET', '/api/v1/departments', admin)).body.departments.find((d: { code: string }) => d.code === 'audit').handlers;
    expect(handlers.map((h: { workNumber: string }) => h.workNumber)).toEqual(['3050']);
    const taken = await server.call('POST', '/api/v1/users', admin, { workNumber: '3050', displayName: 'x', role: 'agent', password: 'first-pass-1' });
    expect(taken.body).toMatchObject({ code: 'work_number_taken', details: { field: 'workNumber' } });
    const unassign = await server.call('PATCH', `/api/v1/users/${ok.body.id}`, admin, { department: null });
    expect(unassign.body.details).toEqual([expect.objectContaining({ path: 'department', code: 'required' })]);
  });

  it('filters the audit log by who, by action family and by time, a page at a time, newest first', async () => {
    const lead = await server.login('2001');
    const leadId = (await server.call('GET', '/api/v1/auth/me', lead)).body.user.id as number;
    const adminId = (await server.call('GET', '/api/v1/auth/me', admin)).body.user.id as number;
    clock.advance(60_000);
    const since = clock.now();
    for (const n of ['3051', '3052', '3053']) {
      clock.advance(1000);
      await server.call('POST', '/api/v1/users', admin, { workNumber: n, displayName: `坐席${n}`, role: 'agent', password: 'first-pass-1' });
    }
    const mine = await server.call('GET', `/api/v1/audit?actorUserId=${adminId}&action=user&from=${since}&limit=2`, admin);
    expect(mine.body.entries.map((e: { detail: { workNumber: string } }) => e.detail.workNumber)).toEqual(['3053', '3052']);
    expect(mine.body.hasMore).toBe(true);
    const next = await server.call('GET', `/api/v1/audit?actorUserId=${adminId}&action=user&from=${since}&limit=2&offset=2`, admin);
    expect(next.body).toMatchObject({ hasMore: false, entries: [expect.objectContaining({ action: 'user.create', actorName: expect.any(String) })] });
    expect((await server.call('GET', `/api/v1/audit?actorUserId=${leadId}&action=user.create`, admin)).body.entries).toEqual([]);
    expect((await server.call('GET', `/api/v1/audit?actorUserId=${leadId}&action=auth`, admin)).body.entries[0]).toMatchObject({
      action: 'auth.login',
      actorWorkNumber: '2001',
    });
    // 'user' is a family, not a prefix of any word: 'use' finds nothing.
    expect((await server.call('GET', `/api/v1/audit?action=use&from=${since}`, admin)).body.entries).toEqual([]);
    const bad = await server.call('GET', '/api/v1/audit?from=yesterday', admin);
    expect(bad.status).toBe(400);
    expect(bad.body.details[0]).toMatchObject({ path: 'from' });
  });
});
