import { join } from 'node:path';
import type { ServerModuleFactory } from '../context.js';
import { createKnowledgeBaseService } from './kb-service.js';
import { seedKnowledgeBase } from './kb-seed.js';
import { registerKbRoutes } from './kb-routes.js';
import { SERVICES } from '../services.js';

/** Knowledge base (§2.4-6): search, articles with versions, hot list; seeded from resources/kb once. */
export const knowledgeBaseModule: ServerModuleFactory = (ctx) => {
  const kb = createKnowledgeBaseService(ctx.db, ctx.clock, ctx.events, ctx.config.timeZone);
  seedKnowledgeBase(kb, join(ctx.config.resourcesDir, 'kb'), ctx.logger);
  ctx.services.provide(SERVICES.knowledgeBase, kb);
  return {
    name: 'knowledge-base',
    registerRoutes(app) {
      const auth = ctx.services.get(SERVICES.auth);
      if (!auth) throw new Error('the knowledge-base routes need the auth module');
      registerKbRoutes(app, kb, auth, ctx.services.get(SERVICES.audit));
    },
  };
};
