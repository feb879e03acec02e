import type { ServerModuleFactory } from '../context.js';
import { gatewayModule } from './gateway-module.js';
import { verificationModule } from '../verification/verification-module.js';
import { knowledgeBaseModule } from '../knowledge-base/kb-module.js';

/**
 * The hotline's data domains, in dependency order: the gateway ('gateway'), caller verification
 * ('verification', reads the gateway) and the knowledge base ('knowledgeBase'). After auth.
 */
export const PROVIDENT_FUND_MODULES: readonly ServerModuleFactory[] = [gatewayModule, verificationModule, knowledgeBaseModule];
