import { z } from 'zod';
import { defineRoute } from './route.js';
import {
  callIdParamsSchema,
  consultActionResponseSchema,
  consultActionSchema,
  monitorRequestSchema,
  monitorResponseSchema,
  monitorStopResponseSchema,
  startVerificationResponseSchema,
  surveyHandoffResponseSchema,
  transferRequestSchema,
  transferResponseSchema,
} from './calls.js';
import { callerProfileSchema } from './verification.js';
import { callerHistoryParamsSchema, callerHistoryQuerySchema, callerHistoryResponseSchema } from './caller-history.js';

/** Actions an agent takes on the call they are talking on. */
export const callRoutes = {
  /** §2.1: the caller keys their account and password; the outcome comes as call.verification events. */
  verify: defineRoute({ method: 'POST', path: '/api/v1/calls/:callId/verification', params: callIdParamsSchema, response: startVerificationResponseSchema }),
  transfer: defineRoute({
    method: 'POST',
    path: '/api/v1/calls/:callId/transfer',
    params: callIdParamsSchema,
    body: transferRequestSchema,
    response: transferResponseSchema,
  }),
  consult: defineRoute({
    method: 'POST',
    path: '/api/v1/calls/:callId/consult',
    params: callIdParamsSchema,
    body: consultActionSchema,
    response: consultActionResponseSchema,
  }),
  survey: defineRoute({ method: 'POST', path: '/api/v1/calls/:callId/survey', params: callIdParamsSchema, response: surveyHandoffResponseSchema }),
  /** A team lead listens, whispers or barges from their own softphone (it rings); PATCH switches mode, DELETE hangs the lead's leg up. */
  startMonitor: defineRoute({
    method: 'POST',
    path: '/api/v1/calls/:callId/monitor',
    params: callIdParamsSchema,
    body: monitorRequestSchema,
    response: monitorResponseSchema,
  }),
  switchMonitor: defineRoute({
    method: 'PATCH',
    path: '/api/v1/calls/:callId/monitor',
    params: callIdParamsSchema,
    body: monitorRequestSchema,
    response: monitorResponseSchema,
  }),
  stopMonitor: defineRoute({ method: 'DELETE', path: '/api/v1/calls/:callId/monitor', params: callIdParamsSchema, response: monitorStopResponseSchema }),
};

/** The verified caller's account, loans and employer, for the agent on the call. */
export const callerRoutes = {
  get: defineRoute({
    method: 'GET',
    path: '/api/v1/callers/:subjectRef',
    params: z.object({ subjectRef: z.string().regex(/^cv_[\w-]{24}$/, 'a subject reference from a verification') }),
    response: callerProfileSchema,
  }),
  /** A caller's earlier work orders and calls, while their call rings or is answered at the desk. */
  history: defineRoute({
    method: 'GET',
    path: '/api/v1/callers/:number/history',
    params: callerHistoryParamsSchema,
    query: callerHistoryQuerySchema,
    response: callerHistoryResponseSchema,
  }),
};
