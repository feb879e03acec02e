import { defineRoute } from './route.js';
import { callIdParamsSchema } from './calls.js';
import { callHistoryQuerySchema, callHistoryResponseSchema, setWrapUpResponseSchema } from './call-history.js';
import { setWrapUpRequestSchema } from './wrap-up.js';

/** An agent's calls of the day and the wrap-up code of each (the codes themselves: wrap-up routes). */
export const callHistoryRoutes = {
  /** Agents read their own; team leads and admins anyone's, numbers masked. */
  today: defineRoute({ method: 'GET', path: '/api/v1/call-history', query: callHistoryQuerySchema, response: callHistoryResponseSchema }),
  /** The agent's code for their part of the call (again to change it). */
  setWrapUp: defineRoute({
    method: 'POST',
    path: '/api/v1/calls/:callId/wrap-up',
    params: callIdParamsSchema,
    body: setWrapUpRequestSchema,
    response: setWrapUpResponseSchema,
  }),
};
