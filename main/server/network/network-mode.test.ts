import { describe, expect, it } from 'vitest';
import { loadServerConfig } from '../config.js';
import { areaCodeOf, networkSettingsProblem } from './network-mode.js';
import { modulesForMode, SERVER_MODULES, SUPERVISION_MODULES } from '../modules.js';

const TOKEN = 'a-parent-token-of-some-length';

describe('network modes', () => {
  it('accepts a center, a province and a ministry each with its own kind of code', () => {
    expect(networkSettingsProblem({ mode: 'center', centerCode: '330100' })).toBeUndefined();
    expect(networkSettingsProblem({ mode: 'province', centerCode: '330100', areaCode: '330000', parentUrl: 'http://m', parentToken: TOKEN })).toBeUndefined();
    expect(networkSettingsProblem({ mode: 'ministry', centerCode: '330100', areaCode: '000000' })).toBeUndefined();
    // A municipality's center may carry the municipality's own code.
    expect(networkSettingsProblem({ mode: 'center', centerCode: '110000' })).toBeUndefined();
    expect(areaCodeOf({ centerCode: '330100' })).toBe('330100');
    expect(areaCodeOf({ centerCode: '330100', areaCode: '330000' })).toBe('330000');
  });

  it('refuses at start, with a sentence, a mode whose code is of another level', () => {
    expect(() => loadServerConfig(['--mode', 'center', '--area-code', '330000'], {})).toThrow(/--mode center needs the code of a city.*330000 is a province/);
    expect(() => loadServerConfig(['--mode', 'province'], {})).toThrow(/--mode province needs a province code.*330100 is a city/);
    expect(() => loadServerConfig(['--mode', 'province', '--area-code', '990000'], {})).toThrow(/province code/);
    expect(() => loadServerConfig(['--mode', 'ministry', '--area-code', '330000'], {})).toThrow(/--mode ministry needs --area-code 000000/);
    expect(() => loadServerConfig(['--mode', 'ministry', '--area-code', '000000', '--parent-url', 'http://x'], { AGENT_DESK_PARENT_TOKEN: TOKEN })).toThrow(
      /no parent/,
    );
    expect(() => loadServerConfig(['--parent-url', 'http://127.0.0.1:1'], {})).toThrow(/AGENT_DESK_PARENT_TOKEN/);
    expect(() => loadServerConfig(['--mode', 'county'], {})).toThrow(/mode/);
    const ok = loadServerConfig(['--mode', 'province', '--area-code', '330000', '--parent-url', 'http://127.0.0.1:1'], { AGENT_DESK_PARENT_TOKEN: TOKEN });
    expect(ok).toMatchObject({ mode: 'province', areaCode: '330000', parentToken: TOKEN, networkFeedMs: 60_000 });
  });

  it('runs no SIP, IVR, queue or media module above a center', () => {
    expect(modulesForMode('center')).toBe(SERVER_MODULES);
    expect(modulesForMode('province')).toBe(SUPERVISION_MODULES);
    expect(modulesForMode('ministry')).toHaveLength(3);
  });
});
