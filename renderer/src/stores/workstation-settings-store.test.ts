import { beforeAll, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { DeskBridge, ServerCheck, ServerSettings } from '../../../shared/ipc/contract';
import { stubBrowserGlobals } from '../test-kit/browser-globals';

// main's side (the settings file, the /healthz check against real servers) is tested in
// main/desktop/settings/server-settings.test.ts; here the bridge answers as those handlers do.
const CENTER = 'http://127.0.0.1:18329';
let saved: ServerSettings = { mode: 'embedded' };
let relaunched = 0;
const check = async (url: string): Promise<ServerCheck> => {
  if (!/^https?:\/\//.test(url)) return { ok: false, reason: 'invalid_url' };
  return url.replace(/\/$/, '') === CENTER
    ? { ok: true, url: CENTER, centerName: '杭州中心', version: '1.0.0' }
    : { ok: false, reason: 'unreachable', detail: 'ECONNREFUSED' };
};
const bridge: Partial<DeskBridge> = {
  getServerSettings: async () => ({ saved, activeUrl: 'http://127.0.0.1:8329', overriddenByEnvironment: false }),
  checkServer: check,
  async saveServerSettings(settings) {
    if (settings.mode === 'embedded') return { ok: true, saved: (saved = { mode: 'embedded' }) };
    const result = await check(settings.serverUrl);
    if (!result.ok) return { ok: false, check: result };
    return { ok: true, saved: (saved = { mode: 'remote', serverUrl: result.url }) };
  },
  relaunch: async () => void relaunched++,
};
stubBrowserGlobals({ desk: bridge });

const { default: i18n } = await import('../i18n');
const { useWorkstationSettingsStore } = await import('./workstation-settings-store');
const { SettingsView } = await import('../components/settings/SettingsScreen');
const screen = () => renderToStaticMarkup(createElement(SettingsView, { s: useWorkstationSettingsStore.getState() }));
const { SignInScreen } = await import('../components/SignInScreen');

describe('the workstation settings (设置) in the desktop app', () => {
  const url = CENTER;
  beforeAll(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('is offered on the sign-in screen when the bridge is there', () => {
    expect(renderToStaticMarkup(createElement(SignInScreen))).toContain('data-testid="sign-in-settings"');
  });

  it('says why a server cannot be reached', async () => {
    const store = useWorkstationSettingsStore;
    await store.getState().show();
    store.getState().setMode('remote');
    store.getState().setServerUrl('http://10.9.9.9:8329');
    await store.getState().runCheck();
    expect(screen()).toContain('无法连接该服务器：对方拒绝连接');
  });

  it('refuses to save an address that is not a desk server, saying why, and keeps the old choice', async () => {
    const store = useWorkstationSettingsStore;
    await store.getState().show();
    expect(store.getState()).toMatchObject({ open: true, mode: 'embedded', view: { activeUrl: 'http://127.0.0.1:8329' } });
    store.getState().setMode('remote');
    store.getState().setServerUrl('12329.example');
    await store.getState().save();
    expect(store.getState().check).toEqual({ ok: false, reason: 'invalid_url' });
    const html = screen();
    expect(html).toContain('地址应以 http:// 或 https:// 开头');
    expect(html).toContain('aria-invalid="true"');
    expect(saved).toEqual({ mode: 'embedded' });
  });

  it("checks, saves a center's server for the next start, offers the restart; and goes back to embedded", async () => {
    const store = useWorkstationSettingsStore;
    await store.getState().show();
    store.getState().setMode('remote');
    store.getState().setServerUrl(`${url}/`);
    await store.getState().runCheck();
    expect(store.getState().check?.ok).toBe(true);
    expect(screen()).toContain(`服务器应答正常（杭州中心 · ${url}）`);
    await store.getState().save();
    expect(store.getState()).toMatchObject({ phase: 'saved', serverUrl: url, view: { saved: { mode: 'remote', serverUrl: url } } });
    expect(saved).toEqual({ mode: 'remote', serverUrl: url });
    expect(screen()).toContain('已保存，重新启动后生效');
    await store.getState().relaunch();
    expect(relaunched).toBe(1);
    store.getState().setMode('embedded');
    await store.getState().save();
    expect(saved).toEqual({ mode: 'embedded' });
  });
});
