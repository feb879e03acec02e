import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../auth/auth-service.js';
import { principalOf } from '../auth/principal.js';
import { HttpError } from '../http/http-app.js';
import { registerRoute } from '../http/register-route.js';
import { IllegalAgentTransitionError } from '../../../shared/acd/agent-state-machine.js';
import { acdRoutes as routes } from '../../../shared/api/acd-routes.js';
import { AcdError, type Acd } from './acd.js';

/** Who may read the wallboard figures; an agent sees only their own state. */
const READ_ROLES = ['agent', 'team_lead', 'center_admin'] as const;
/** Who takes calls: team leads answer too on a busy day. */
const CALL_TAKER_ROLES = ['agent', 'team_lead'] as const;

/** HTTP of shared/api/acd-routes.ts. */
export function registerAcdRoutes(app: FastifyInstance, acd: Acd, auth: AuthService): void {
  registerRoute(app, routes.agents, { preHandler: auth.requireRole(...READ_ROLES) }, (_, request) => {
    const principal = principalOf(request);
    const agents = acd.agents();
    return { agents: principal.role === 'agent' ? agents.filter((a) => a.agentId === principal.userId) : agents };
  });

  registerRoute(app, routes.queue, { preHandler: auth.requireRole(...READ_ROLES) }, () => acd.queueSnapshot());

  registerRoute(app, routes.setState, { preHandler: auth.requireRole(...CALL_TAKER_ROLES) }, ({ body }, request) => {
    const principal = principalOf(request);
    acd.addAgent({ id: principal.userId, workNumber: principal.workNumber, displayName: principal.displayName });
    return { agent: asHttp(() => acd.setState(principal.userId, body.state, body.state === 'not_ready' ? body.reason : undefined)) };
  });

  registerRoute(app, routes.endAcw, { preHandler: auth.requireRole(...CALL_TAKER_ROLES) }, (_, request) => {
    const principal = principalOf(request);
    return { agent: asHttp(() => acd.endAcw(principal.userId)) };
  });
}

function asHttp<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof IllegalAgentTransitionError) throw new HttpError(409, 'illegal_transition', error.message);
    if (error instanceof AcdError) throw new HttpError(error.code === 'unknown_agent' ? 404 : 409, error.code, error.message);
    throw error;
  }
}
