import { defineRoute } from './route.js';
import { callIdParamsSchema } from './calls.js';
import {
  agentIdParamsSchema,
  assignCallRequestSchema,
  assignCallResponseSchema,
  callbackResponseSchema,
  forceAgentRequestSchema,
  forceAgentResponseSchema,
  lostCallersQuerySchema,
  lostCallersResponseSchema,
} from './supervision.js';

/** The team lead acting on agents and the queue, and the lost callers anyone who takes calls may call back. */
export const supervisionRoutes = {
  /** 示忙 or sign out an agent, now or when their call ends (the reason is shown on their desk). */
  forceAgent: defineRoute({
    method: 'POST',
    path: '/api/v1/supervision/agents/:agentId/force',
    params: agentIdParamsSchema,
    body: forceAgentRequestSchema,
    response: forceAgentResponseSchema,
  }),
  /** Ring this waiting caller at a chosen ready agent. */
  assignCall: defineRoute({
    method: 'POST',
    path: '/api/v1/supervision/queue/:callId/assign',
    params: callIdParamsSchema,
    body: assignCallRequestSchema,
    response: assignCallResponseSchema,
  }),
  lostCallers: defineRoute({ method: 'GET', path: '/api/v1/supervision/lost-callers', query: lostCallersQuerySchema, response: lostCallersResponseSchema }),
  /** Marks the caller called back and gives the whole number to dial. */
  callBack: defineRoute({
    method: 'POST',
    path: '/api/v1/supervision/lost-callers/:callId/callback',
    params: callIdParamsSchema,
    response: callbackResponseSchema,
  }),
};
