import type { ServerConfig } from '../config.js';
import type { ServerContext, ServerModule } from '../context.js';
import { localDateOf } from '../../../shared/time/zoned.js';
import { gatewayTablesEmpty, hasDemoData, seedDemoData } from './demo-data.js';
import { HttpGateway, type HttpGatewayOptions } from './http-gateway.js';
import type { ProvidentFundGateway } from './provident-fund-gateway.js';
import { SqliteGateway } from './sqlite-gateway.js';
import { SERVICES } from '../services.js';

export interface GatewayModuleOptions {
  /** Use a center's core system instead of the embedded database. */
  http?: HttpGatewayOptions;
}

/**
 * Registers ctx.services 'gateway' (ProvidentFundGateway). Without a core system, the embedded
 * tables are used and, when empty (first start, or --demo on a fresh data folder), filled with
 * the demo center in one transaction.
 */
export function createGatewayModule(options: GatewayModuleOptions = {}) {
  return (ctx: ServerContext): ServerModule => {
    const http = options.http ?? httpOptionsFromConfig(ctx.config);
    let gateway: ProvidentFundGateway;
    if (http) {
      gateway = new HttpGateway(http);
      ctx.logger.info({ event: 'gateway', adapter: 'http' }, 'provident-fund data from the core system');
    } else {
      if (gatewayTablesEmpty(ctx.db)) {
        const started = performance.now();
        const summary = seedDemoData(ctx.db, { today: localDateOf(ctx.clock.now(), ctx.config.timeZone) });
        ctx.logger.info({ event: 'gateway_demo_seeded', ...summary, ms: Math.round(performance.now() - started) }, 'demo provident-fund data loaded');
      }
      // Bookable days follow the working-day calendar when its module started before this one.
      const calendar = ctx.services.get(SERVICES.calendar);
      const embedded = new SqliteGateway(ctx.db, ctx.clock, ctx.config.timeZone, calendar ? (d) => calendar.isWorkingDay(d) : undefined, {
        demoPins: hasDemoData(ctx.db),
      });
      // Only a center on the embedded store keeps PINs here; a core system keeps its own.
      ctx.services.provide(SERVICES.pinStore, embedded.pins);
      gateway = embedded;
    }
    ctx.services.provide(SERVICES.gateway, gateway);
    ctx.services.provide(SERVICES.gatewayDemo, !http && hasDemoData(ctx.db));
    return { name: 'gateway' };
  };
}

export const gatewayModule = createGatewayModule();

/** gatewayUrl, gatewayToken, gatewayTimeoutMs (flags, AGENT_DESK_GATEWAY_* or the config file). */
export function httpOptionsFromConfig(config: Pick<ServerConfig, 'gatewayUrl' | 'gatewayToken' | 'gatewayTimeoutMs'>): HttpGatewayOptions | undefined {
  if (!config.gatewayUrl) return undefined;
  return { baseUrl: config.gatewayUrl, timeoutMs: config.gatewayTimeoutMs, ...(config.gatewayToken ? { token: config.gatewayToken } : {}) };
}
