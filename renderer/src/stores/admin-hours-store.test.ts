/* eslint-disable no-restricted-imports -- a test in Node, never in the renderer bundle: the store is driven against a real server (real parts over mocks) */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stubBrowserGlobals } from '../test-kit/browser-globals';
import { startTestServer, type TestServer } from '../../../main/server/auth/server-test-kit';
import { authModule } from '../../../main/server/auth/auth-module';
import { calendarModule } from '../../../main/server/work-orders/calendar-module';
import { serviceHoursModule } from '../../../main/server/voice/service-hours-module';
import { issueField, marks } from '../components/admin/content/form-issues';

stubBrowserGlobals();
const { useAdminHoursStore } = await import('./admin-hours-store');
const { useSessionStore } = await import('./session-store');
const { ApiClient } = await import('../services/api-client');

const ADMIN_PASSWORD = 'hours-store-secret-1';

describe('admin hours store (系统管理 → 服务时间) against a real server', () => {
  let server: TestServer;
  beforeAll(async () => {
    process.env.AGENT_DESK_ADMIN_PASSWORD = ADMIN_PASSWORD;
    try {
      server = await startTestServer([authModule, calendarModule, serviceHoursModule], { config: { logLevel: 'silent' } });
    } finally {
      delete process.env.AGENT_DESK_ADMIN_PASSWORD;
    }
    const token = await server.login('9001', ADMIN_PASSWORD);
    useSessionStore.setState({ api: new ApiClient({ baseUrl: server.url, token, validateResponses: true }) });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('loads the flow default, saves an edited week at once, and marks a bad period by its path', async () => {
    const store = useAdminHoursStore.getState;
    await store().load();
    expect(store().current?.source).toBe('flow');
    expect(store().schedule?.weekly).toHaveLength(7);

    store().setDay(6, [{ from: '09:00', to: '12:00' }]);
    store().addException('2099-10-08');
    // A load arriving after an edit (the section opened twice) keeps the edit.
    await store().load();
    expect(store().schedule?.weekly[5]?.periods).toEqual([{ from: '09:00', to: '12:00' }]);
    await store().save();
    expect(store()).toMatchObject({ saved: true, dirty: false, error: undefined });
    expect(store().current).toMatchObject({ source: 'saved' });
    expect(store().current?.schedule.exceptions).toEqual([{ date: '2099-10-08', periods: [], note: '' }]);
    expect(store().current?.closedPromptText).toContain('周六上午九点至中午十二点');

    store().setDay(2, [{ from: '18:00', to: '08:00' }]);
    await store().save();
    const error = store().error;
    expect(error?.code).toBe('invalid_request');
    expect(marks(error, 'weekly.1.periods.0.to')).toBe(true);
    expect(marks(error, 'to')).toBe(true);
    expect(marks(error, 'weekly.0')).toBe(false);
    expect(store().saved).toBe(false);
  });

  it('names an issue by its deepest field', () => {
    expect(issueField({ path: 'article.title', message: '' })).toBe('title');
    expect(issueField({ path: 'weekly.3.periods.1.from', message: '' })).toBe('from');
    expect(issueField({ path: 'holidays.2', message: '' })).toBe('holidays');
  });
});
