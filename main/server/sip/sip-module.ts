import type { ServerModuleFactory } from '../context.js';
import { LoginThrottle, type CredentialThrottle } from '../auth/login-throttle.js';
import type { SipCredentialLookup } from './registrar.js';
import { SipStack, type SipStackOptions } from './sip-stack.js';
import { SERVICES } from '../services.js';

export interface SipModuleOptions extends Partial<Pick<SipStackOptions, 'timers' | 'limits' | 'serviceNumbers' | 'registrar'>> {
  /** Overrides the auth module's credentials (tests, or before the auth module is present). */
  credentials?: SipCredentialLookup;
}

/**
 * The SIP stack as a server module: publishes ctx.services 'sip' (SipService) and, once bound,
 * 'sip.udpPort'; owns the /sip WebSocket route and SIP over UDP.
 */
export function sipModule(options: SipModuleOptions = {}): ServerModuleFactory {
  return (ctx) => {
    // The auth service is looked up on each REGISTER, so module order does not matter.
    const fromAuth: SipCredentialLookup = (workNumber) => ctx.services.get(SERVICES.auth)?.sipCredentials(workNumber);
    // One throttle for SIP and HTTP: the auth service's when present (looked up per use, like the
    // credentials), else one of our own (tests without the auth module).
    const own = new LoginThrottle(ctx.clock);
    const throttle = (): CredentialThrottle => (options.credentials ? undefined : ctx.services.get(SERVICES.auth)?.throttle) ?? own;
    const shared: CredentialThrottle = {
      retryAfterMs: (account, address) => throttle().retryAfterMs(account, address),
      recordFailure: (account, address) => throttle().recordFailure(account, address),
      reset: (account, address) => throttle().reset(account, address),
    };
    const stack = new SipStack({
      throttle: shared,
      host: ctx.config.host,
      logger: ctx.logger.child({ module: 'sip' }),
      clock: ctx.clock,
      credentials: options.credentials ?? fromAuth,
      deskProbeMs: ctx.config.deskProbeSeconds * 1000,
      ...(options.timers ? { timers: options.timers } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.serviceNumbers ? { serviceNumbers: options.serviceNumbers } : {}),
      ...(options.registrar ? { registrar: options.registrar } : {}),
    });
    ctx.services.provide(SERVICES.sip, stack);
    return {
      name: 'sip',
      websocketRoutes: () => [stack.websocketRoute()],
      async start() {
        const port = await stack.listenUdp(ctx.config.sipUdpPort);
        ctx.services.provide(SERVICES.sipUdpPort, port);
        ctx.logger.info({ event: 'sip-listening', udpPort: port, websocketPath: '/sip' }, 'sip stack listening');
      },
      stop: () => stack.close(),
    };
  };
}

export const sipServerModule: ServerModuleFactory = sipModule();
