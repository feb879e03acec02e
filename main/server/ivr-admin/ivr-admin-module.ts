import { join } from 'node:path';
import type { ServerModuleFactory } from '../context.js';
import { SERVICES } from '../services.js';
import { loadFlowFile } from '../ivr/flow-loader.js';
import { promptDirs } from '../ivr/prompt-dirs.js';
import { SpokenPrompts } from '../ivr/spoken-prompts.js';
import { PlayTickets } from '../recordings/play-tickets.js';
import { SqliteGateway } from '../gateway/sqlite-gateway.js';
import { PromptLibrary } from '../voice/prompt-library.js';
import { loadPromptCatalog } from './prompt-catalog.js';
import { PromptReplacements } from './prompt-replacements.js';
import { registerPromptRoutes } from './ivr-prompt-routes.js';
import { SelfServiceContent } from './self-service-content.js';
import { registerContentRoutes } from './self-service-content-routes.js';

/** A preview lasts minutes; the ticket outlives it, and the session behind it is checked on every request. */
const TICKET_TTL_MS = 30 * 60_000;

/**
 * 语音导航 for the center admin: the IVR's prompts (replace by upload or from text, preview, revert)
 * and the policies and outlets the IVR reads. Nothing needs a restart: the voice module's prompt
 * library looks for a replacement on every play. After auth and the gateway.
 */
export const ivrAdminModule: ServerModuleFactory = (ctx) => {
  const auth = ctx.services.require(SERVICES.auth, 'ivr-admin');
  const audit = ctx.services.get(SERVICES.audit);
  const dirs = promptDirs(ctx.config);
  const { flow } = loadFlowFile(join(ctx.config.resourcesDir, 'ivr', '12329.json'), dirs.shipped);
  const catalog = loadPromptCatalog(dirs.shipped, flow);
  const replacements = new PromptReplacements(ctx.db, dirs.replaced, () => ctx.clock.now());
  // The database is the record (a restored backup brings its replacements back, and takes later ones away).
  const restored = replacements.restoreFiles();
  if (restored.written.length + restored.adopted.length + restored.removed.length > 0)
    ctx.logger.info({ event: 'ivr_prompts_restored', ...restored }, 'prompt replacements in the data folder made to match the database');
  const library = new PromptLibrary(dirs);
  const tickets = new PlayTickets(() => ctx.clock.now(), TICKET_TTL_MS);
  const spoken = new SpokenPrompts(dirs.spoken);
  const gateway = () => ctx.services.require(SERVICES.gateway, 'ivr-admin');
  // Only the embedded store's tables are the center's to edit here.
  const content = ctx.services.get(SERVICES.gateway) instanceof SqliteGateway ? new SelfServiceContent(ctx.db) : undefined;
  const centerCode = ctx.config.centerCode;
  return {
    name: 'ivr-admin',
    registerRoutes(app) {
      registerPromptRoutes(app, { auth, audit, centerCode, catalog, replacements, library, tickets });
      registerContentRoutes(app, { auth, audit, centerCode, gateway, content, spoken });
    },
  };
};
