import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../auth/auth-service.js';
import type { EventHub } from '../events/event-hub.js';
import type { VerificationService } from '../verification/verification-service.js';
import { principalOf } from '../auth/principal.js';
import { HttpError } from '../http/http-app.js';
import { parseOrThrow } from '../http/validation.js';
import { callIdParamsSchema, transferRequestSchema } from '../../../shared/api/calls.js';
import type { CallSession } from './call-session.js';
import type { FollowUpCall } from './follow-up-call.js';
import { verifyCallerOnCall, type VerificationDialogue } from './caller-verification.js';

export interface CallRouteDeps {
  auth: AuthService;
  sessions: Map<string, CallSession>;
  /** Calls agents placed (回访): only the survey handoff applies to them. */
  followUps: Map<string, FollowUpCall>;
  verification: VerificationService;
  dialogues: VerificationDialogue;
  events: EventHub;
}

/** Actions an agent takes on the call they are talking on. */
export function registerCallRoutes(app: FastifyInstance, deps: CallRouteDeps): void {
  const guard = { preHandler: deps.auth.requireRole('agent', 'team_lead') };

  const ownCall = (callId: string, userId: number): CallSession => {
    const session = deps.sessions.get(callId);
    if (!session) throw new HttpError(404, 'call_not_found', `no call ${callId} in progress`);
    if (session.agent?.id !== userId) throw new HttpError(409, 'not_your_call', 'this call is not connected to you');
    return session;
  };

  app.post('/api/v1/calls/:callId/verification', guard, async (request) => {
    const { callId } = parseOrThrow(callIdParamsSchema, request.params, 'path');
    const session = ownCall(callId, principalOf(request).userId);
    // Runs while the caller keys; the desk learns the outcome through call.verification events.
    void verifyCallerOnCall(session, { verification: deps.verification, dialogue: deps.dialogues, events: deps.events }).catch((error: unknown) =>
      request.log.warn({ err: error, callId }, 'verification ended early'),
    );
    return { started: true as const };
  });

  app.post('/api/v1/calls/:callId/transfer', guard, async (request) => {
    const { callId } = parseOrThrow(callIdParamsSchema, request.params, 'path');
    const body = parseOrThrow(transferRequestSchema, request.body);
    const principal = principalOf(request);
    const session = ownCall(callId, principal.userId);
    if (body.target === 'ivr') {
      await session.transfer('ivr');
      return { transferred: true as const };
    }
    const colleague = deps.auth.listAgents().find((u) => u.workNumber === body.workNumber);
    if (!colleague) throw new HttpError(404, 'agent_not_found', `no agent with work number ${body.workNumber}`);
    if (colleague.id === principal.userId) throw new HttpError(409, 'transfer_to_self', 'a call cannot be transferred to the agent who has it');
    await session.transfer({ agentId: colleague.id });
    return { transferred: true as const };
  });

  app.post('/api/v1/calls/:callId/survey', guard, async (request) => {
    const { callId } = parseOrThrow(callIdParamsSchema, request.params, 'path');
    const followUp = deps.followUps.get(callId);
    if (followUp) {
      if (followUp.agentId !== principalOf(request).userId || followUp.phase !== 'talking') throw new HttpError(409, 'not_your_call', 'this call is not connected to you');
      void followUp.handOffToSurvey().catch((error: unknown) => request.log.warn({ err: error, callId }, 'survey handoff failed'));
      return { handedOff: true as const };
    }
    const session = ownCall(callId, principalOf(request).userId);
    void session.handOffToSurvey().catch((error: unknown) => request.log.warn({ err: error, callId }, 'survey handoff failed'));
    return { handedOff: true as const };
  });
}
