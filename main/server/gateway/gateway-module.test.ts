import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../server.js';
import { loadServerConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { ManualClock } from '../clock.js';
import { gatewayModule, httpOptionsFromConfig } from './gateway-module.js';
import { HttpGateway } from './http-gateway.js';
import { SERVICES } from '../services.js';

describe('gateway module', () => {
  it('seeds the demo center on first start only and registers the gateway service', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gateway-module-'));
    const config = loadServerConfig(['--http-port', '0', '--sip-udp-port', '0', '--data-dir', dataDir, '--log-level', 'silent'], {});
    const clock = new ManualClock(Date.parse('2025-06-11T02:00:00Z'));
    const first = await startServer(config, createLogger('silent'), { modules: [gatewayModule], clock });
    const gateway = first.ctx.services.require(SERVICES.gateway, 'test');
    expect(first.ctx.services.get(SERVICES.gatewayDemo)).toBe(true);
    expect((await gateway.listOutlets()).length).toBe(12);
    const someone = first.db.prepare('SELECT fund_account FROM pf_people LIMIT 1').pluck().get() as string;
    await gateway.setSmsSubscription(someone, true);
    const people = first.db.prepare('SELECT count(*) FROM pf_people').pluck().get();
    await first.stop();

    const second = await startServer(config, createLogger('silent'), { modules: [gatewayModule], clock });
    expect(second.db.prepare('SELECT count(*) FROM pf_people').pluck().get()).toBe(people);
    expect(await second.ctx.services.require(SERVICES.gateway, 'test').getSmsSubscription(someone)).toEqual({ fundAccount: someone, enabled: true });
    await second.stop();
  });
});

describe('gateway module configuration', () => {
  it('uses the core system over HTTP when gatewayUrl is configured, and leaves the embedded tables empty', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gateway-module-'));
    const config = loadServerConfig(['--http-port', '0', '--sip-udp-port', '0', '--data-dir', dataDir, '--log-level', 'silent'], {
      AGENT_DESK_GATEWAY_URL: 'http://127.0.0.1:9/hotline/v1',
      AGENT_DESK_GATEWAY_TOKEN: 'core-token',
      AGENT_DESK_GATEWAY_TIMEOUT_MS: '250',
    });
    const server = await startServer(config, createLogger('silent'), { modules: [gatewayModule] });
    try {
      expect(server.ctx.services.get(SERVICES.gateway)).toBeInstanceOf(HttpGateway);
      expect(server.ctx.services.get(SERVICES.gatewayDemo)).toBe(false);
      expect(server.db.prepare('SELECT count(*) FROM pf_people').pluck().get()).toBe(0);
    } finally {
      await server.stop();
    }
  });

  it('maps the config keys to the HTTP adapter options', () => {
    expect(httpOptionsFromConfig({ gatewayUrl: undefined, gatewayToken: 'x', gatewayTimeoutMs: 3000 })).toBeUndefined();
    expect(httpOptionsFromConfig({ gatewayUrl: 'https://core/v1', gatewayToken: undefined, gatewayTimeoutMs: 1500 })).toEqual({
      baseUrl: 'https://core/v1',
      timeoutMs: 1500,
    });
    expect(httpOptionsFromConfig({ gatewayUrl: 'https://core/v1', gatewayToken: 't', gatewayTimeoutMs: 1500 })).toEqual({
      baseUrl: 'https://core/v1',
      timeoutMs: 1500,
      token: 't',
    });
  });
});
