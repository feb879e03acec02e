import type { ServerModuleFactory } from '../context.js';
import { createAuditService } from '../audit/audit-service.js';
import { registerAuditRoutes } from '../audit/audit-routes.js';
import { createAuthService } from './auth-service.js';
import { bootstrapAdmin, bootstrapDemoUsers } from './bootstrap-users.js';
import { registerAuthRoutes } from './auth-routes.js';
import { registerUsersRoutes } from './users-routes.js';
import { SERVICES } from '../services.js';

/**
 * Sign-in, sessions, roles, users and the audit trail. First in the module list: the others read
 * ctx.services.get(SERVICES.auth) and ctx.services.get(SERVICES.audit).
 */
export const authModule: ServerModuleFactory = async (ctx) => {
  const audit = createAuditService(ctx.db, ctx.clock);
  const auth = createAuthService(ctx.db, ctx.clock, audit, ctx.events);
  // Events sockets live no longer than their sessions (issue 12): checked every 30 s and before
  // an event goes out after a quiet spell.
  ctx.events.setSessionCheck({ isLive: (session) => auth.isSessionLive(session), now: () => ctx.clock.now() });
  const sessionSweep = setInterval(() => ctx.events.revalidate(), 30_000);
  sessionSweep.unref();
  ctx.services.provide(SERVICES.audit, audit);
  ctx.services.provide(SERVICES.auth, auth);

  await bootstrapAdmin(auth.users, ctx.clock, ctx.config.centerCode, ctx.logger, ctx.config.adminPassword);
  if (ctx.config.demo) await bootstrapDemoUsers(auth.users, ctx.clock, ctx.config.centerCode, ctx.logger);

  return {
    name: 'auth',
    stop: () => clearInterval(sessionSweep),
    registerRoutes(app) {
      registerAuthRoutes(app, auth);
      // Departments come with the work-orders module, started after this one; a subset without it skips the check.
      const departments = ctx.services.get(SERVICES.departments);
      registerUsersRoutes(app, auth, audit, ctx.clock, departments && ((nameOrCode) => departments.resolve(nameOrCode).name));
      registerAuditRoutes(app, audit, auth, ctx.config.centerCode);
    },
  };
};
