import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../server.js';
import { loadServerConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { ManualClock } from '../clock.js';
import { gatewayModule } from './gateway-module.js';
import type { ProvidentFundGateway } from './provident-fund-gateway.js';

describe('gateway module', () => {
  it('seeds the demo center on first start only and registers the gateway service', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gateway-module-'));
    const config = loadServerConfig(['--http-port', '0', '--sip-udp-port', '0', '--data-dir', dataDir, '--log-level', 'silent'], {});
    const clock = new ManualClock(Date.parse('2025-06-11T02:00:00Z'));
    const first = await startServer(config, createLogger('silent'), { modules: [gatewayModule], clock });
    const gateway = first.ctx.services.get('gateway') as ProvidentFundGateway;
    expect(first.ctx.services.get('gateway.demo')).toBe(true);
    expect((await gateway.listOutlets()).length).toBe(12);
    const someone = first.db.prepare('SELECT fund_account FROM pf_people LIMIT 1').pluck().get() as string;
    await gateway.setSmsSubscription(someone, true);
    const people = first.db.prepare('SELECT count(*) FROM pf_people').pluck().get();
    await first.stop();

    const second = await startServer(config, createLogger('silent'), { modules: [gatewayModule], clock });
    expect(second.db.prepare('SELECT count(*) FROM pf_people').pluck().get()).toBe(people);
    expect(await (second.ctx.services.get('gateway') as ProvidentFundGateway).getSmsSubscription(someone)).toEqual({ fundAccount: someone, enabled: true });
    await second.stop();
  });
});
