import { defineRoute } from './route.js';
import { agentsResponseSchema, agentStateResponseSchema, queueResponseSchema, setAgentStateRequestSchema } from './acd.js';

/** Agent states and the queue (the ACD). */
export const acdRoutes = {
  /** An agent sees only their own state. */
  agents: defineRoute({ method: 'GET', path: '/api/v1/acd/agents', response: agentsResponseSchema }),
  queue: defineRoute({ method: 'GET', path: '/api/v1/acd/queue', response: queueResponseSchema }),
  setState: defineRoute({ method: 'POST', path: '/api/v1/acd/agents/me/state', body: setAgentStateRequestSchema, response: agentStateResponseSchema }),
  endAcw: defineRoute({ method: 'POST', path: '/api/v1/acd/agents/me/acw/end', response: agentStateResponseSchema }),
};
