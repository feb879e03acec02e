import type { ServerModuleFactory } from '../context.js';
import { createVerificationService } from './verification-service.js';
import { registerCallerRoutes } from './caller-routes.js';
import { registerPinRoutes } from './pin-routes.js';
import { SERVICES } from '../services.js';

/** Caller verification (§2.1) and the agent's look-ups of verified callers. After auth and gateway. */
export const verificationModule: ServerModuleFactory = (ctx) => {
  const gateway = ctx.services.get(SERVICES.gateway);
  if (!gateway) throw new Error('the verification module needs the gateway module before it');
  const verification = createVerificationService({
    db: ctx.db,
    clock: ctx.clock,
    logger: ctx.logger,
    gateway,
    timeZone: ctx.config.timeZone,
  });
  ctx.services.provide(SERVICES.verification, verification);
  return {
    name: 'verification',
    registerRoutes(app) {
      const auth = ctx.services.get(SERVICES.auth);
      if (!auth) throw new Error('the verification routes need the auth module');
      registerCallerRoutes(app, { auth, verification, gateway, audit: () => ctx.services.get(SERVICES.audit) });
      registerPinRoutes(app, { auth, verification, pins: () => ctx.services.get(SERVICES.pinStore), audit: () => ctx.services.get(SERVICES.audit) });
    },
  };
};
