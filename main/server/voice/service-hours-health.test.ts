import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { SERVER_MODULES } from '../modules.js';
import { healthResponseSchema } from '../../../shared/api/health.js';

// The desk's §2.4-10 sign-out warning reads the hours the IVR runs, from /healthz.
describe('service hours in /healthz', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  const centerOf = async (s: TestServer) => healthResponseSchema.parse((await s.call('GET', '/healthz')).body).center;

  it("are the IVR flow's when not overridden", async () => {
    server = await startTestServer(SERVER_MODULES, { config: { demo: false } });
    expect((await centerOf(server)).serviceHours).toEqual({
      weekdays: [1, 2, 3, 4, 5],
      periods: [
        { from: '09:00', to: '12:00' },
        { from: '13:00', to: '17:00' },
      ],
    });
  });

  it('follow --service-hours, periods or always', async () => {
    server = await startTestServer(SERVER_MODULES, { config: { demo: false, serviceHours: '08:30-12:00,13:30-17:30' } });
    expect((await centerOf(server)).serviceHours).toEqual({
      weekdays: [1, 2, 3, 4, 5],
      periods: [
        { from: '08:30', to: '12:00' },
        { from: '13:30', to: '17:30' },
      ],
    });
    await server.stop();
    server = await startTestServer(SERVER_MODULES, { config: { demo: false, serviceHours: 'always' } });
    expect((await centerOf(server)).serviceHours).toBe('always');
  });

  it("follow the admin's saved schedule at once (Saturday mornings open)", async () => {
    process.env.AGENT_DESK_ADMIN_PASSWORD = 'health-admin-secret-1';
    try {
      server = await startTestServer(SERVER_MODULES, { config: { demo: false } });
    } finally {
      delete process.env.AGENT_DESK_ADMIN_PASSWORD;
    }
    const admin = await server.login('9001', 'health-admin-secret-1');
    const day = [{ from: '08:30', to: '17:30' }];
    const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, periods: weekday <= 5 ? day : weekday === 6 ? [{ from: '09:00', to: '12:00' }] : [] }));
    expect((await server.call('PUT', '/api/v1/service-hours', admin, { weekly, exceptions: [] })).status).toBe(200);
    expect((await centerOf(server)).serviceHours).toEqual({ weekdays: [1, 2, 3, 4, 5, 6], periods: day });
  });

  it('are absent on a server without the voice module', async () => {
    server = await startTestServer([]);
    expect((await centerOf(server)).serviceHours).toBeUndefined();
  });
});
