import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../auth/auth-service.js';
import type { EventHub } from '../events/event-hub.js';
import type { VerificationService } from '../verification/verification-service.js';
import { principalOf } from '../auth/principal.js';
import { HttpError } from '../http/http-app.js';
import { registerRoute } from '../http/register-route.js';
import { callRoutes as routes } from '../../../shared/api/calls-routes.js';
import { AcdError, type Acd } from '../acd/acd.js';
import type { CallSession } from './call-session.js';
import type { FollowUpCall } from './follow-up-call.js';
import { verifyCallerOnCall, type VerificationDialogue } from './caller-verification.js';
import { departmentTarget, type DepartmentTargetDeps } from './department-target.js';

export interface CallRouteDeps {
  auth: AuthService;
  acd: Acd;
  sessions: Map<string, CallSession>;
  /** Calls agents placed (回访): only the survey handoff applies to them. */
  followUps: Map<string, FollowUpCall>;
  verification: VerificationService;
  dialogues: VerificationDialogue;
  events: EventHub;
  /** Departments' extensions as transfer targets. */
  departments: DepartmentTargetDeps;
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
  /** Transfer and consult work the same on an inbound call and a follow-up call (voice/consult-transfer.ts). */
  const ownAgentCall = (callId: string, userId: number): CallSession | FollowUpCall => {
    const followUp = deps.followUps.get(callId);
    if (!followUp) return ownCall(callId, userId);
    if (followUp.agent?.id !== userId) throw new HttpError(409, 'not_your_call', 'this call is not connected to you');
    return followUp;
  };

  registerRoute(app, routes.verify, guard, ({ params: { callId } }, request) => {
    const session = ownCall(callId, principalOf(request).userId);
    // Runs while the caller keys; the desk learns the outcome through call.verification events.
    void verifyCallerOnCall(session, { verification: deps.verification, dialogue: deps.dialogues, events: deps.events }).catch((error: unknown) =>
      request.log.warn({ err: error, callId }, 'verification ended early'),
    );
    return { started: true as const };
  });

  registerRoute(app, routes.transfer, guard, async ({ params: { callId }, body }, request) => {
    const principal = principalOf(request);
    if (body.target === 'ivr') {
      if (deps.followUps.has(callId)) throw new HttpError(409, 'not_inbound', 'only an inbound caller can be handed to self-service');
      const inbound = ownCall(callId, principal.userId);
      if (inbound.phase !== 'talking') throw new HttpError(409, 'not_talking', 'the caller is not talking with you');
      return { stage: await inbound.transfer('ivr') };
    }
    const session = ownAgentCall(callId, principal.userId);
    if (body.target === 'department') return { stage: await session.transfer(departmentTarget(deps.departments, body.departmentId, body.mode)) };
    const colleague = deps.auth.listAgents().find((u) => u.workNumber === body.workNumber);
    if (!colleague) throw new HttpError(404, 'agent_not_found', `no agent with work number ${body.workNumber}`);
    if (colleague.id === principal.userId) throw new HttpError(409, 'transfer_to_self', 'a call cannot be transferred to the agent who has it');
    try {
      const stage = await session.transfer({ agentId: colleague.id, workNumber: colleague.workNumber, mode: body.mode });
      return { stage };
    } catch (error) {
      // Refused before anything changed: the agent keeps the caller and says why.
      if (error instanceof AcdError && error.code !== 'unknown_agent' && error.code !== 'not_in_acw')
        throw new HttpError(409, `colleague_${error.code}`, error.message);
      throw error;
    }
  });

  registerRoute(app, routes.consult, guard, async ({ params: { callId }, body: { action } }, request) => {
    const session = ownAgentCall(callId, principalOf(request).userId);
    if (session.phase !== 'consulting') throw new HttpError(409, 'no_consult', 'no consult is in progress on this call');
    try {
      return { phase: await session.consultAction(action) };
    } catch (error) {
      throw new HttpError(409, 'colleague_not_answered', error instanceof Error ? error.message : String(error));
    }
  });

  registerRoute(app, routes.survey, guard, ({ params: { callId } }, request) => {
    const followUp = deps.followUps.get(callId);
    if (followUp) {
      if (followUp.agent?.id !== principalOf(request).userId || followUp.phase !== 'talking')
        throw new HttpError(409, 'not_your_call', 'this call is not connected to you');
      void followUp.handOffToSurvey().catch((error: unknown) => request.log.warn({ err: error, callId }, 'survey handoff failed'));
      return { handedOff: true as const };
    }
    const session = ownCall(callId, principalOf(request).userId);
    void session.handOffToSurvey().catch((error: unknown) => request.log.warn({ err: error, callId }, 'survey handoff failed'));
    return { handedOff: true as const };
  });
}
