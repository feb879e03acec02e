import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { stubBrowserGlobals } from '../../test-kit/browser-globals';

// A plain browser: no window.desk, so no 设置 anywhere and the store does nothing.
stubBrowserGlobals();
const { default: i18n } = await import('../../i18n');
const { SignInScreen } = await import('../SignInScreen');
const { useWorkstationSettingsStore } = await import('../../stores/workstation-settings-store');

describe('设置 in a browser', () => {
  it('is not offered, and cannot be opened', async () => {
    await i18n.changeLanguage('zh-CN');
    const html = renderToStaticMarkup(createElement(SignInScreen));
    expect(html).toContain('登录');
    expect(html).not.toContain('sign-in-settings');
    await useWorkstationSettingsStore.getState().show();
    expect(useWorkstationSettingsStore.getState().open).toBe(false);
  });
});
