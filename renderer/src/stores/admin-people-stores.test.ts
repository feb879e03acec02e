import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stubBrowserGlobals } from '../test-kit/browser-globals';

// The admin console's stores (issue 15) against a real server on loopback: each action reaches
// the server, a refusal is kept with its action, its row and the field it is about.
stubBrowserGlobals();

const { startTestServer } = await import('../../../main/server/auth/server-test-kit');
const { authModule } = await import('../../../main/server/auth/auth-module');
const { acdModule } = await import('../../../main/server/acd/acd-module');
const { calendarModule } = await import('../../../main/server/work-orders/calendar-module');
const { workOrdersModule } = await import('../../../main/server/work-orders/work-orders-module');
const { wrapUpModule } = await import('../../../main/server/wrap-up/wrap-up-module');
const { ApiClient } = await import('../services/api-client');
const { errorField } = await import('../services/api-error-text');
const { createUsersStore } = await import('./users-store');
const { createDepartmentsStore } = await import('./departments-store');
const { createWrapUpAdminStore } = await import('./wrap-up-admin-store');
const { createAuditStore, dayStart } = await import('./audit-store');

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let api: InstanceType<typeof ApiClient>;

beforeAll(async () => {
  server = await startTestServer([authModule, acdModule, calendarModule, workOrdersModule, wrapUpModule], { config: { adminPassword: 'admin-secret-1' } });
  api = new ApiClient({ baseUrl: server.url, token: await server.login('9001', 'admin-secret-1'), validateResponses: true });
});
afterAll(() => server?.stop());

describe('admin console stores', () => {
  it('departments: creates one, refuses a taken name at its field, renames and disables', async () => {
    const store = createDepartmentsStore({ api: () => api });
    expect(await store.getState().create({ code: 'hotline2', name: '热线二科', phone: '88001234' })).toBe(true);
    expect(store.getState().departments.map((d) => d.name)).toContain('热线二科');
    expect(await store.getState().create({ code: 'other', name: '热线二科' })).toBe(false);
    expect(store.getState().error).toMatchObject({ action: 'create', id: undefined, error: { code: 'department_exists' } });
    expect(errorField(store.getState().error?.error)).toBe('name');
    const id = store.getState().departments.find((d) => d.code === 'hotline2')!.id;
    expect(await store.getState().update(id, { name: '热线三科', active: false })).toBe(true);
    expect(store.getState().error).toBeUndefined();
    expect(store.getState().departments.find((d) => d.id === id)).toMatchObject({ name: '热线三科', active: false });
    store.getState().reset();
    expect(store.getState().departments).toEqual([]);
  });

  it('users: creates, marks a bad field, and lists a lockout the admin lifts', async () => {
    const store = createUsersStore({ api: () => api });
    expect(await store.getState().create({ workNumber: '12', displayName: '周新', role: 'agent', password: 'first-pass-1' })).toBe(false);
    expect(errorField(store.getState().error?.error)).toBe('workNumber');
    expect(await store.getState().create({ workNumber: '1101', displayName: '周新', role: 'agent', department: '贷款科', password: 'first-pass-1' })).toBe(
      true,
    );
    const user = store.getState().users.find((u) => u.workNumber === '1101')!;
    expect(user).toMatchObject({ department: '贷款科', active: true, lockedUntil: null });

    for (let i = 0; i < 10; i++) await server.call('POST', '/api/v1/auth/login', undefined, { workNumber: '1101', password: 'wrong-password' });
    await store.getState().load();
    expect(store.getState().users.find((u) => u.id === user.id)?.lockedUntil).toEqual(expect.any(String));
    expect(store.getState().lockouts).toEqual([expect.objectContaining({ workNumber: '1101', userId: user.id })]);
    expect(await store.getState().unlock(user.id)).toBe(true);
    expect(store.getState().lockouts).toEqual([]);

    expect(await store.getState().resetPassword(user.id, 'short')).toBe(false);
    expect(store.getState().error).toMatchObject({ action: 'password', id: user.id });
    expect(errorField(store.getState().error?.error)).toBe('password');
    expect(await store.getState().update(user.id, { active: false })).toBe(true);
    expect(store.getState().users.find((u) => u.id === user.id)?.active).toBe(false);
  });

  it('wrap-up codes: create, retire, require, report; a taken code is marked', async () => {
    const store = createWrapUpAdminStore({ api: () => api });
    expect(await store.getState().create({ code: 'CALLBACK', label: '需回电', sortOrder: 2 })).toBe(true);
    expect(await store.getState().create({ code: 'CALLBACK', label: '重复' })).toBe(false);
    expect(errorField(store.getState().error?.error)).toBe('code');
    const id = store.getState().codes[0]!.id;
    expect(await store.getState().update(id, { active: false })).toBe(true);
    expect(await store.getState().setRequired(true)).toBe(true);
    expect(store.getState()).toMatchObject({ required: true, codes: [{ code: 'CALLBACK', active: false }] });
    expect(await store.getState().loadReport('2026-11-30', '2026-11-01')).toBe(false);
    expect(errorField(store.getState().error?.error)).toBe('to');
    expect(await store.getState().loadReport('2026-11-01', '2026-11-30')).toBe(true);
    expect(store.getState().report).toMatchObject({ from: '2026-11-01', to: '2026-11-30', byCode: [] });
  });

  it('audit: filters by the admin and a family, pages, and asks for local days', async () => {
    const store = createAuditStore({ api: () => api, timeZone: () => 'Asia/Shanghai' });
    const adminId = (await api.call((await import('../../../shared/api/routes')).routes.auth.me)).user.id;
    store.getState().setFilter({ actorUserId: String(adminId), action: 'wrap_up' });
    await store.getState().load();
    expect(store.getState().entries.map((e) => e.action)).toEqual(['wrap_up.settings', 'wrap_up.update', 'wrap_up.create']);
    expect(store.getState()).toMatchObject({ hasMore: false, offset: 0 });
    store.getState().setFilter({ action: '', from: '2000-01-01', to: '2000-01-02' });
    await store.getState().load();
    expect(store.getState().entries).toEqual([]);
    // The center's days: Shanghai's 12-01 starts at 16:00 UTC the day before, whatever the PC's zone.
    expect(dayStart('2026-11-30', 'Asia/Shanghai', 1)).toBe('2026-11-30T16:00:00.000Z');
  });
});
