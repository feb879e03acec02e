import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ConfigError, loadServerConfig } from './config.js';

describe('loadServerConfig', () => {
  it('uses the documented defaults', () => {
    const config = loadServerConfig([], {});
    expect(config).toMatchObject({ host: '127.0.0.1', httpPort: 8329, sipUdpPort: 5060, demo: false });
  });

  it('reads flags over environment over config file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const file = join(dir, 'server.json');
    writeFileSync(file, JSON.stringify({ httpPort: 1111, sipUdpPort: 2222, host: '0.0.0.0', demo: true }));
    const config = loadServerConfig(['--config', file, '--http-port', '3333'], { AGENT_DESK_SIP_UDP_PORT: '4444', AGENT_DESK_DEMO: 'false' });
    expect(config.httpPort).toBe(3333);
    expect(config.sipUdpPort).toBe(4444);
    expect(config.host).toBe('0.0.0.0');
    expect(config.demo).toBe(false);
  });

  it('turns --demo and AGENT_DESK_DEMO=1 on', () => {
    expect(loadServerConfig(['--demo'], {}).demo).toBe(true);
    expect(loadServerConfig([], { AGENT_DESK_DEMO: '1' }).demo).toBe(true);
  });

  it('rejects bad values with a message naming the field', () => {
    expect(() => loadServerConfig(['--http-port', '70000'], {})).toThrow(/httpPort/);
    expect(() => loadServerConfig(['--http-port', 'abc'], {})).toThrow(ConfigError);
    expect(() => loadServerConfig(['--bogus'], {})).toThrow(/bad command line/);
    expect(() => loadServerConfig([], { AGENT_DESK_DEMO: 'maybe' })).toThrow(/demo/);
  });

  it('explains an unreadable or malformed config file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ not json');
    expect(() => loadServerConfig(['--config', bad], {})).toThrow(/not valid JSON/);
    expect(() => loadServerConfig(['--config', join(dir, 'missing.json')], {})).toThrow(/cannot read config file/);
  });
});

describe('service hours override', () => {
  it('accepts always or a list of periods and refuses anything else', () => {
    expect(loadServerConfig(['--service-hours', 'always'], {}).serviceHours).toBe('always');
    expect(loadServerConfig([], { AGENT_DESK_SERVICE_HOURS: '08:30-12:00,13:30-17:30' }).serviceHours).toBe('08:30-12:00,13:30-17:30');
    expect(() => loadServerConfig(['--service-hours', '9-5'], {})).toThrow(/serviceHours/);
  });
});
