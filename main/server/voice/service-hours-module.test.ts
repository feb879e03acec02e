import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { authModule } from '../auth/auth-module.js';
import { calendarModule } from '../work-orders/calendar-module.js';
import { ManualClock } from '../clock.js';
import { serviceHoursModule } from './service-hours-module.js';
import type { ServiceSchedule } from '../../../shared/api/service-hours.js';

const ADMIN_PASSWORD = 'hours-admin-secret-1';
let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function start(clock: ManualClock, config: Record<string, string> = {}) {
  process.env.AGENT_DESK_ADMIN_PASSWORD = ADMIN_PASSWORD;
  try {
    server = await startTestServer([authModule, calendarModule, serviceHoursModule], { clock, config });
  } finally {
    delete process.env.AGENT_DESK_ADMIN_PASSWORD;
  }
  return { server, admin: await server.login('9001', ADMIN_PASSWORD), agent: await server.login('1001') };
}

const weekdays = (periods: Array<{ from: string; to: string }>, saturday: Array<{ from: string; to: string }> = []): ServiceSchedule['weekly'] =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, periods: weekday <= 5 ? periods : weekday === 6 ? saturday : [] }));

describe('GET /api/v1/service-hours (the desk banner when 人工 is closed)', () => {
  it('says closed at 22:10 and on a holiday, open in the morning of a working day', async () => {
    // Monday 2026-11-30 22:10 in Beijing.
    const clock = new ManualClock(Date.parse('2026-11-30T22:10:00+08:00'));
    const { server: s, agent } = await start(clock, { serviceHours: '08:30-12:00,13:30-17:30' });
    expect((await s.call('GET', '/api/v1/service-hours', agent)).body).toMatchObject({
      open: false,
      always: false,
      source: 'flag',
      periods: [
        { from: '08:30', to: '12:00' },
        { from: '13:30', to: '17:30' },
      ],
    });
    clock.advance(11 * 3600_000); // Tuesday 09:10
    expect((await s.call('GET', '/api/v1/service-hours', await s.login('1001'))).body.open).toBe(true);
    expect((await s.call('GET', '/api/v1/service-hours')).status).toBe(401);
  });
});

describe('PUT /api/v1/service-hours (系统管理 → 服务时间)', () => {
  it('applies a saved schedule at once (Saturday mornings, a local holiday, a weekend work day), audits it and speaks the hours in the closed prompt', async () => {
    // Saturday 2026-12-05 10:00.
    const clock = new ManualClock(Date.parse('2026-12-05T10:00:00+08:00'));
    const { server: s, admin, agent } = await start(clock);
    const before = (await s.call('GET', '/api/v1/service-hours', agent)).body;
    expect(before).toMatchObject({ open: false, source: 'flow', closedPromptMade: false });
    expect(before.schedule.weekly[5]).toEqual({ weekday: 6, periods: [] });

    const schedule: ServiceSchedule = {
      weekly: weekdays(
        [
          { from: '08:30', to: '12:00' },
          { from: '13:00', to: '17:30' },
        ],
        [{ from: '09:00', to: '12:00' }],
      ),
      exceptions: [
        { date: '2026-12-07', periods: [], note: '地方假日' },
        { date: '2026-12-13', periods: [{ from: '09:00', to: '16:00' }], note: '周日上班' },
      ],
    };
    expect((await s.call('PUT', '/api/v1/service-hours', agent, schedule)).status).toBe(403);
    const saved = await s.call('PUT', '/api/v1/service-hours', admin, schedule);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ open: true, source: 'saved', closedPromptMade: true });
    expect(saved.body.closedPromptText).toBe(
      '现在是非工作时间，人工服务时间为周一至周五上午八点半至中午十二点、下午一点至五点半，周六上午九点至中午十二点，法定节假日除外。十二月七日暂停人工服务。您可以继续使用自助语音服务。',
    );
    // The IVR's prompt, spoken with the build's TTS into the data folder: an 8 kHz WAV of a few seconds.
    const wav = join(s.ctx.config.dataDir, 'prompts', 'zh', 'agent-closed.wav');
    expect(existsSync(wav)).toBe(true);
    const header = readFileSync(wav).subarray(0, 44);
    expect(header.toString('ascii', 0, 4)).toBe('RIFF');
    expect(header.readUInt32LE(24)).toBe(8000);
    expect(statSync(wav).size).toBeGreaterThan(8000 * 2 * 3);

    // A fresh sign-in each time: the clock jumps past a session's life.
    const open = async () => (await s.call('GET', '/api/v1/service-hours', await s.login('1001'))).body.open as boolean;
    clock.set(Date.parse('2026-12-05T12:30:00+08:00')); // Saturday afternoon
    expect(await open()).toBe(false);
    clock.set(Date.parse('2026-12-07T10:00:00+08:00')); // Monday, the local holiday
    expect(await open()).toBe(false);
    clock.set(Date.parse('2026-12-08T08:30:00+08:00')); // Tuesday, on the minute
    expect(await open()).toBe(true);
    // A new day: the sentence names the coming week's exceptions, so it is spoken again.
    const madeBefore = readFileSync(wav);
    const hours = async () => (await s.call('GET', '/api/v1/service-hours', await s.login('1001'))).body;
    expect((await hours()).closedPromptText).toContain('法定节假日除外。十二月十三日人工服务时间为上午九点至下午四点。');
    await expect.poll(async () => (await hours()).closedPromptMade, { timeout: 15_000 }).toBe(true);
    expect(readFileSync(wav).equals(madeBefore)).toBe(false);
    expect(readFileSync(join(s.ctx.config.dataDir, 'prompts', 'zh', 'agent-closed.txt'), 'utf8')).toContain('十二月十三日');
    clock.set(Date.parse('2026-12-13T15:59:00+08:00')); // Sunday work day
    expect(await open()).toBe(true);
    clock.set(Date.parse('2027-01-01T10:00:00+08:00')); // 元旦, a Friday: the holiday over the weekday rule
    expect(await open()).toBe(false);

    const audit = s.db.prepare("SELECT actor_user_id, detail FROM audit_log WHERE action = 'service_hours.save'").all() as Array<{ detail: string }>;
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ weekly: { 1: '08:30-12:00,13:00-17:30', 6: '09:00-12:00', 7: 'closed' }, replaced: 'flow' });
  });

  it('refuses bad input with the field that is wrong', async () => {
    const { server: s, admin } = await start(new ManualClock(Date.parse('2026-12-05T10:00:00+08:00')));
    const bad = async (body: unknown) => {
      const r = await s.call('PUT', '/api/v1/service-hours', admin, body);
      expect(r.status).toBe(400);
      return (r.body.details as Array<{ path: string; code: string }>).map((d) => `${d.path}:${d.code}`);
    };
    expect(await bad({ weekly: weekdays([{ from: '12:00', to: '09:00' }]), exceptions: [] })).toContain('weekly.0.periods.0.to:time_order');
    expect(await bad({ weekly: weekdays([{ from: '9:00', to: '12:00' }]), exceptions: [] })).toContain('weekly.0.periods.0.from:time');
    expect(
      await bad({
        weekly: weekdays([
          { from: '09:00', to: '12:00' },
          { from: '11:00', to: '17:00' },
        ]),
        exceptions: [],
      }),
    ).toContain('weekly.0.periods.1.from:overlap');
    expect(
      await bad({
        weekly: weekdays([]),
        exceptions: [
          { date: '2026-02-30', periods: [] },
          { date: '2026-13-45', periods: [] },
          { date: '2026-12-07', periods: [] },
          { date: '2026-12-07', periods: [] },
        ],
      }),
    ).toEqual(expect.arrayContaining(['exceptions.0.date:date', 'exceptions.1.date:date', 'exceptions.3.date:duplicate']));
    expect((await bad({ weekly: weekdays([]).slice(1), exceptions: [] }))[0]).toMatch(/^weekly:/);
  });
});
