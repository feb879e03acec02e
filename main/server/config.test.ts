import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ConfigError, loadServerConfig, SECRET_KEYS, SETTINGS } from './config.js';
import { createLogger } from './logger.js';

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

describe('admin password and core-system gateway', () => {
  it('reads the admin password from the environment or the config file, never from a flag', () => {
    expect(loadServerConfig([], {}).adminPassword).toBeUndefined();
    expect(loadServerConfig([], { AGENT_DESK_ADMIN_PASSWORD: 'long-enough-1' }).adminPassword).toBe('long-enough-1');
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const file = join(dir, 'server.json');
    writeFileSync(file, JSON.stringify({ adminPassword: 'from-the-file' }));
    expect(loadServerConfig(['--config', file], {}).adminPassword).toBe('from-the-file');
    expect(() => loadServerConfig(['--admin-password', 'x'], {})).toThrow(/bad command line/);
    // A short password is refused, and the message names the key without echoing the value.
    let message = '';
    try {
      loadServerConfig([], { AGENT_DESK_ADMIN_PASSWORD: 'short7!' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/adminPassword/);
    expect(message).not.toContain('short7!');
  });

  it('takes the gateway from flags over the environment, with a 3 s default timeout', () => {
    const defaults = loadServerConfig([], {});
    expect(defaults.gatewayUrl).toBeUndefined();
    expect(defaults.gatewayToken).toBeUndefined();
    expect(defaults.gatewayTimeoutMs).toBe(3000);
    const env = { AGENT_DESK_GATEWAY_URL: 'https://core.example.gov.cn/hotline/v1', AGENT_DESK_GATEWAY_TOKEN: 'tkn', AGENT_DESK_GATEWAY_TIMEOUT_MS: '5000' };
    expect(loadServerConfig([], env)).toMatchObject({ gatewayUrl: env.AGENT_DESK_GATEWAY_URL, gatewayToken: 'tkn', gatewayTimeoutMs: 5000 });
    const flagged = loadServerConfig(['--gateway-url', 'http://10.0.0.5:8080/api', '--gateway-timeout-ms', '800'], env);
    expect(flagged).toMatchObject({ gatewayUrl: 'http://10.0.0.5:8080/api', gatewayToken: 'tkn', gatewayTimeoutMs: 800 });
  });

  it('refuses a gateway URL that is not http(s) and a timeout out of range', () => {
    expect(() => loadServerConfig(['--gateway-url', 'ftp://core/x'], {})).toThrow(/gatewayUrl/);
    expect(() => loadServerConfig(['--gateway-url', 'not a url'], {})).toThrow(/gatewayUrl/);
    expect(() => loadServerConfig([], { AGENT_DESK_GATEWAY_TIMEOUT_MS: '0' })).toThrow(/gatewayTimeoutMs/);
  });

  it('takes the trunk for follow-up calls as sip:IP[:port], with caller id and ring limit', () => {
    const defaults = loadServerConfig([], {});
    expect(defaults).toMatchObject({ outboundCallerId: '12329', outboundRingSeconds: 60 });
    expect(defaults.trunk).toBeUndefined();
    const flagged = loadServerConfig(['--trunk', 'sip:10.1.2.3:5080', '--outbound-caller-id', '057112329', '--outbound-ring', '30'], {
      AGENT_DESK_TRUNK: 'sip:10.9.9.9',
    });
    expect(flagged).toMatchObject({ trunk: 'sip:10.1.2.3:5080', outboundCallerId: '057112329', outboundRingSeconds: 30 });
    expect(loadServerConfig([], { AGENT_DESK_TRUNK: 'sip:[::1]:5060' }).trunk).toBe('sip:[::1]:5060');
  });

  it('takes a trunk by name, and refuses one with a user part or parameters, and a bad caller id', () => {
    expect(loadServerConfig(['--trunk', 'sip:sbc.carrier-example.cn:5080'], {}).trunk).toBe('sip:sbc.carrier-example.cn:5080');
    expect(() => loadServerConfig(['--trunk', 'sip:12329@10.0.0.1'], {})).toThrow(/trunk: sip:host/);
    expect(() => loadServerConfig(['--trunk', 'sip:10.0.0.1;transport=tcp'], {})).toThrow(/trunk/);
    expect(() => loadServerConfig(['--trunk', 'http://10.0.0.1'], {})).toThrow(/trunk/);
    expect(() => loadServerConfig(['--outbound-caller-id', '12-329'], {})).toThrow(/outboundCallerId/);
  });

  it('keeps the admin password and the gateway token out of log lines', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    const config = loadServerConfig(['--trunk-user', 'center0571'], {
      AGENT_DESK_ADMIN_PASSWORD: 'secret-admin-pw',
      AGENT_DESK_GATEWAY_TOKEN: 'secret-gw-token',
      AGENT_DESK_TRUNK_PASSWORD: 'secret-trunk-pw',
      AGENT_DESK_OPS_TOKEN: 'secret-ops-token-0123',
    });
    expect(config).toMatchObject({ trunkUser: 'center0571', trunkPassword: 'secret-trunk-pw', opsToken: 'secret-ops-token-0123' });
    logger.info({ config }, 'nested');
    logger.info(
      { adminPassword: config.adminPassword, gatewayToken: config.gatewayToken, trunkPassword: config.trunkPassword, opsToken: config.opsToken },
      'top level',
    );
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toContain('secret-admin-pw');
      expect(line).not.toContain('secret-gw-token');
      expect(line).not.toContain('secret-trunk-pw');
      expect(line).not.toContain('secret-ops-token');
      expect(line).toContain('[redacted]');
    }
  });
});

describe('ACD timing', () => {
  it('defaults to a 20 s ring and 30 s of after-call work, and refuses silly values', () => {
    expect(loadServerConfig([], {})).toMatchObject({ ringTimeoutSeconds: 20, acwLimitSeconds: 30 });
    expect(loadServerConfig(['--ring-timeout', '8', '--acw-limit', '45'], {})).toMatchObject({ ringTimeoutSeconds: 8, acwLimitSeconds: 45 });
    expect(() => loadServerConfig(['--ring-timeout', '1'], {})).toThrow(/ringTimeoutSeconds/);
  });
});

describe('the settings table', () => {
  it('gives no secret a flag, and marks the six secrets', () => {
    expect([...SECRET_KEYS].sort()).toEqual(['adminPassword', 'gatewayToken', 'opsToken', 'parentToken', 'smsToken', 'trunkPassword']);
    for (const key of SECRET_KEYS) expect((SETTINGS[key] as { flag?: string }).flag).toBeUndefined();
    expect(() => loadServerConfig(['--ops-token', 'x'], {})).toThrow(/bad command line/);
  });

  it('reads every flag and every environment variable it lists into its key', () => {
    // One value each that every schema accepts as given, so a miswired name cannot pass.
    const sample: Record<string, string> = {
      host: '10.0.0.1',
      httpPort: '1234',
      sipUdpPort: '5070',
      dataDir: '/tmp/x',
      logLevel: 'warn',
      centerCode: '110000',
      serviceHours: 'always',
      ringTimeoutSeconds: '9',
      acwLimitSeconds: '11',
      deskDir: '/tmp/d',
      resourcesDir: '/tmp/r',
      sqliteNativeBinding: '/tmp/b.node',
      gatewayUrl: 'http://10.0.0.2/api',
      gatewayTimeoutMs: '700',
      trunk: 'sip:10.0.0.3',
      trunkUser: 'u1',
      outboundCallerId: '0571',
      outboundRingSeconds: '33',
      adminPassword: 'long-enough-1',
      gatewayToken: 'gt',
      trunkPassword: 'tp',
      opsToken: 'ops-token-0123456789',
    };
    for (const [key, spec] of Object.entries(SETTINGS) as Array<[string, { flag?: string; env?: string }]>) {
      const value = sample[key];
      if (value === undefined) continue;
      if (spec.env) expect(String((loadServerConfig([], { [spec.env]: value }) as Record<string, unknown>)[key]), spec.env).toBe(value);
      if (spec.flag) expect(String((loadServerConfig([`--${spec.flag}`, value], {}) as Record<string, unknown>)[key]), spec.flag).toBe(value);
    }
  });

  it('refuses a short ops token without echoing it', () => {
    expect(() => loadServerConfig([], { AGENT_DESK_OPS_TOKEN: 'short' })).toThrow(/opsToken/);
  });
});
