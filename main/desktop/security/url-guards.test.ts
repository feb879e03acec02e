import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, isAllowedNavigation, isAllowedPermission, resolveAppAsset } from './url-guards.js';

describe('navigation guard', () => {
  it.each([
    ['app://desk/', true],
    ['app://desk/index.html#/calls', true],
    ['app://evil/', false],
    ['https://desk/', false],
    ['file:///etc/passwd', false],
    ['http://127.0.0.1:8329/', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => expect(isAllowedNavigation(url)).toBe(allowed));
});

describe('external link allowlist', () => {
  it.each([
    ['https://www.mohurd.gov.cn/xxgk/', true],
    ['http://www.mohurd.gov.cn/', false],
    ['https://www.mohurd.gov.cn.evil.com/', false],
    ['https://evil.com/?https://www.mohurd.gov.cn', false],
    ['https://user:pw@www.gov.cn/', false],
    ['https://www.gov.cn:8443/', false],
    ['file:///C:/Windows/system32/calc.exe', false],
    ['smb://host/share', false],
    ['%%%', false],
  ])('%s → %s', (url, allowed) => expect(isAllowedExternalUrl(url)).toBe(allowed));

  it('uses the given allowlist', () => {
    expect(isAllowedExternalUrl('https://gjj.example.gov.cn/a', ['gjj.example.gov.cn'])).toBe(true);
  });
});

describe('permission guard', () => {
  it('grants audio capture and speaker choice to the desk only', () => {
    expect(isAllowedPermission({ permission: 'media', requestingUrl: 'app://desk/', mediaTypes: ['audio'] })).toBe(true);
    expect(isAllowedPermission({ permission: 'speaker-selection', requestingUrl: 'app://desk/' })).toBe(true);
  });

  it.each([
    { permission: 'media', requestingUrl: 'app://desk/', mediaTypes: ['audio', 'video'] },
    { permission: 'media', requestingUrl: 'app://desk/', mediaTypes: [] },
    { permission: 'media', requestingUrl: 'https://evil.com/', mediaTypes: ['audio'] },
    { permission: 'geolocation', requestingUrl: 'app://desk/' },
    { permission: 'notifications', requestingUrl: 'app://desk/' },
    { permission: 'openExternal', requestingUrl: 'app://desk/' },
  ])('denies %o', (query) => expect(isAllowedPermission(query)).toBe(false));
});

describe('app:// asset resolution', () => {
  it('maps desk URLs below the root', () => {
    expect(resolveAppAsset('app://desk/', '/r')).toBe('/r/index.html');
    expect(resolveAppAsset('app://desk/assets/a.js', '/r')).toBe('/r/assets/a.js');
  });

  it('keeps dot segments inside the root (the URL parser resolves them first)', () => {
    expect(resolveAppAsset('app://desk/%2e%2e/%2e%2e/etc/passwd', '/r')).toBe('/r/etc/passwd');
  });

  it('refuses escapes and other hosts', () => {
    expect(resolveAppAsset('app://desk/a/..%2f..%2fsecret', '/r')).toBeUndefined();
    expect(resolveAppAsset('app://desk/%00', '/r')).toBeUndefined();
    expect(resolveAppAsset('app://desk/%E0%A4%A', '/r')).toBeUndefined();
    expect(resolveAppAsset('app://other/index.html', '/r')).toBeUndefined();
  });
});
