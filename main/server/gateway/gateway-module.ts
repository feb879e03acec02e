import type { ServerContext, ServerModule } from '../context.js';
import { localDate } from './local-date.js';
import { gatewayTablesEmpty, hasDemoData, seedDemoData } from './demo-data.js';
import { HttpGateway, type HttpGatewayOptions } from './http-gateway.js';
import type { ProvidentFundGateway } from './provident-fund-gateway.js';
import { SqliteGateway } from './sqlite-gateway.js';

export const GATEWAY_SERVICE = 'gateway';
/** A boolean service: the embedded tables hold the demo center (PINs are DEMO_PIN). */
export const GATEWAY_DEMO_SERVICE = 'gateway.demo';

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
    const http = options.http ?? httpOptionsFromEnv(process.env);
    let gateway: ProvidentFundGateway;
    if (http) {
      gateway = new HttpGateway(http);
      ctx.logger.info({ event: 'gateway', adapter: 'http' }, 'provident-fund data from the core system');
    } else {
      if (gatewayTablesEmpty(ctx.db)) {
        const started = performance.now();
        const summary = seedDemoData(ctx.db, { today: localDate(ctx.clock.now(), ctx.config.timeZone) });
        ctx.logger.info({ event: 'gateway_demo_seeded', ...summary, ms: Math.round(performance.now() - started) }, 'demo provident-fund data loaded');
      }
      gateway = new SqliteGateway(ctx.db, ctx.clock, ctx.config.timeZone);
    }
    ctx.services.set(GATEWAY_SERVICE, gateway);
    ctx.services.set(GATEWAY_DEMO_SERVICE, !http && hasDemoData(ctx.db));
    return { name: 'gateway' };
  };
}

export const gatewayModule = createGatewayModule();

/** Until the server config has gateway keys: AGENT_DESK_GATEWAY_URL (+ _TOKEN, _TIMEOUT_MS). */
function httpOptionsFromEnv(env: NodeJS.ProcessEnv): HttpGatewayOptions | undefined {
  const baseUrl = env.AGENT_DESK_GATEWAY_URL;
  if (!baseUrl) return undefined;
  const timeoutMs = Number(env.AGENT_DESK_GATEWAY_TIMEOUT_MS);
  return {
    baseUrl,
    ...(env.AGENT_DESK_GATEWAY_TOKEN ? { token: env.AGENT_DESK_GATEWAY_TOKEN } : {}),
    ...(Number.isFinite(timeoutMs) && timeoutMs > 0 ? { timeoutMs } : {}),
  };
}
