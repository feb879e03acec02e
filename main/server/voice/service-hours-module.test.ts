import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { authModule } from '../auth/auth-module.js';
import { calendarModule } from '../work-orders/calendar-module.js';
import { ManualClock } from '../clock.js';
import { serviceHoursModule } from './service-hours-module.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe('GET /api/v1/service-hours (the desk banner when 人工 is closed)', () => {
  it('says closed at 22:10 and on a holiday, open in the morning of a working day', async () => {
    // Monday 2026-11-30 22:10 in Beijing.
    const clock = new ManualClock(Date.parse('2026-11-30T22:10:00+08:00'));
    server = await startTestServer([authModule, calendarModule, serviceHoursModule], { clock, config: { serviceHours: '08:30-12:00,13:30-17:30' } });
    const token = await server.login('1001');
    expect((await server.call('GET', '/api/v1/service-hours', token)).body).toEqual({
      open: false,
      always: false,
      periods: [
        { from: '08:30', to: '12:00' },
        { from: '13:30', to: '17:30' },
      ],
    });
    clock.advance(11 * 3600_000); // Tuesday 09:10
    expect((await server.call('GET', '/api/v1/service-hours', await server.login('1001'))).body.open).toBe(true);
    expect((await server.call('GET', '/api/v1/service-hours')).status).toBe(401);
  });
});
