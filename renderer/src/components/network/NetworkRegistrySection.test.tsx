import { beforeEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { routes } from '../../../../shared/api/routes';
import type { RouteShape } from '../../../../shared/api/route';
import type { NetworkChild } from '../../../../shared/api/network';
import { stubBrowserGlobals } from '../../test-kit/browser-globals';
import { scriptedApi, type RecordedCall } from '../../test-kit/network-fixtures';

stubBrowserGlobals();

const { default: i18n } = await import('../../i18n');
const { createNetworkRegistryStore } = await import('../../stores/network-registry-store');
const { registryErrorText } = await import('./NetworkRegistrySection');
const { ApiError } = await import('../../services/api-client');

/** A registry as the server keeps it: register, issue, revoke change what the next list says. */
function registryServer() {
  const children = new Map<string, NetworkChild>();
  const answers = new Map<RouteShape, (args: RecordedCall['args']) => unknown>([
    [routes.network.children, () => ({ children: [...children.values()] })],
    [
      routes.network.registerChild,
      (args) => {
        const code = String((args?.body as { code: string }).code);
        if (code === '999999') throw new ApiError(400, 'unknown_region', 'no such region');
        if (children.has(code)) throw new ApiError(409, 'conflict', 'registered');
        const child: NetworkChild = { code, name: code === '330100' ? '杭州市' : '宁波市', level: 'center', hasToken: false, lastReportAt: null };
        children.set(code, child);
        return child;
      },
    ],
    [
      routes.network.issueToken,
      (args) => {
        const code = String(args?.params?.code);
        children.set(code, { ...children.get(code)!, hasToken: true });
        return { token: `tok-${code}-${children.size}` };
      },
    ],
    [
      routes.network.revokeToken,
      (args) => {
        const code = String(args?.params?.code);
        children.set(code, { ...children.get(code)!, hasToken: false });
      },
    ],
  ]);
  return scriptedApi(answers);
}

describe('registry store (系统管理 → 下级单位)', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('registers a code, issues a token shown once, copies it, and revokes it', async () => {
    const server = registryServer();
    const copied: string[] = [];
    const store = createNetworkRegistryStore({ api: () => server.api, copy: async (text) => void copied.push(text) });
    store.getState().setCode(' 330 100 ');
    expect(store.getState().code).toBe('330100');
    await store.getState().register();
    expect(store.getState()).toMatchObject({ code: '', error: undefined });
    expect(store.getState().children.map((c) => [c.code, c.hasToken])).toEqual([['330100', false]]);

    await store.getState().issueToken('330100');
    expect(store.getState().issued).toEqual({ code: '330100', token: 'tok-330100-1' });
    expect(store.getState().children[0]?.hasToken).toBe(true);
    await store.getState().copyToken();
    expect(copied).toEqual(['tok-330100-1']);
    expect(store.getState().copied).toBe('yes');
    store.getState().closeToken();
    expect(store.getState()).toMatchObject({ issued: undefined, copied: undefined });

    await store.getState().issueToken('330100');
    await store.getState().revokeToken('330100');
    // The token of a revoked child is not left on screen.
    expect(store.getState().issued).toBeUndefined();
    expect(store.getState().children[0]?.hasToken).toBe(false);
  });

  it('keeps a refused code in the form with the reason; a browser that refuses the clipboard is said so', async () => {
    const server = registryServer();
    const store = createNetworkRegistryStore({ api: () => server.api, copy: () => Promise.reject(new Error('denied')) });
    store.getState().setCode('999999');
    await store.getState().register();
    expect(store.getState().code).toBe('999999');
    expect(store.getState().error?.action).toBe('register');
    expect(registryErrorText(i18n.t, store.getState().error?.error)).toBe('没有这个行政区划代码，请核对。');
    // Typing again clears the message.
    store.getState().setCode('33010');
    expect(store.getState().error).toBeUndefined();

    store.getState().setCode('330100');
    await store.getState().register();
    store.getState().setCode('330100');
    await store.getState().register();
    expect(registryErrorText(i18n.t, store.getState().error?.error)).toBe('这个单位已经登记。');
    await i18n.changeLanguage('en');
    expect(registryErrorText(i18n.t, store.getState().error?.error)).toBe('This unit is already registered.');

    await store.getState().issueToken('330100');
    await store.getState().copyToken();
    expect(store.getState().copied).toBe('failed');
    expect(store.getState().issued?.token).toBe('tok-330100-1');
  });
});

describe('registry section as rendered', () => {
  it('lists the children with their token state and last report; the token box only once issued', async () => {
    await i18n.changeLanguage('zh-CN');
    const { NetworkRegistryView } = await import('./NetworkRegistrySection');
    const children: NetworkChild[] = [
      { code: '330100', name: '杭州市', level: 'center', hasToken: true, lastReportAt: Date.parse('2026-11-02T16:05:00Z') },
      { code: '330200', name: '宁波市', level: 'center', hasToken: false, lastReportAt: null },
    ];
    const state = { children, code: '', issued: undefined, copied: undefined, error: undefined, busy: false };
    const html = renderToStaticMarkup(
      createElement(NetworkRegistryView, {
        s: { ...createNetworkRegistryStore({ api: () => ({}) as never, copy: async () => undefined }).getState(), ...state },
      }),
    );
    expect(html).toContain('2026-11-03 00:05');
    expect(html).toContain('从未上报');
    expect(html).toContain('重新签发');
    expect(html).toContain('吊销令牌');
    expect(html).not.toContain('data-testid="network-token"');
    const withToken = renderToStaticMarkup(
      createElement(NetworkRegistryView, {
        s: {
          ...createNetworkRegistryStore({ api: () => ({}) as never, copy: async () => undefined }).getState(),
          ...state,
          issued: { code: '330200', token: 'secret-token' },
        },
      }),
    );
    expect(withToken).toContain('宁波市 的上报令牌');
    expect(withToken).toContain('<code>secret-token</code>');
    expect(withToken).toContain('令牌只显示这一次');
  });
});
