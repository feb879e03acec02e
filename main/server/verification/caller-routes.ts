import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http/http-app.js';
import { registerRoute } from '../http/register-route.js';
import { callerRoutes } from '../../../shared/api/calls-routes.js';
import { principalOf } from '../auth/principal.js';
import type { AuthService } from '../auth/auth-service.js';
import type { AuditService } from '../audit/audit-service.js';
import { GatewayError, type ProvidentFundGateway } from '../gateway/provident-fund-gateway.js';
import { maskAccount, type CallerProfile } from '../../../shared/api/verification.js';
import type { VerificationService } from './verification-service.js';

export interface CallerRouteDeps {
  auth: AuthService;
  verification: VerificationService;
  gateway: ProvidentFundGateway;
  /** Looked up per request: the audit service may register after this module. */
  audit: () => AuditService | undefined;
}

/**
 * GET /api/v1/callers/:subjectRef: the verified caller's account, loans and employer, for the
 * agent on the call (team leads supervising it too). Every read is audited; without the audit
 * service the read is refused rather than done unrecorded.
 */
export function registerCallerRoutes(app: FastifyInstance, deps: CallerRouteDeps): void {
  registerRoute(app, callerRoutes.get, { preHandler: deps.auth.requireRole('agent', 'team_lead') }, async ({ params: { subjectRef } }, request) => {
    const principal = principalOf(request);
    const grant = deps.verification.activeGrant(subjectRef);
    if (!grant) throw new HttpError(404, 'no_verification', 'no active verification for this caller: verify the caller on the call first');
    if (principal.role === 'agent' && grant.agentUserId !== null && grant.agentUserId !== principal.userId) {
      throw new HttpError(403, 'forbidden', 'this caller was verified on another agent’s call');
    }
    const audit = deps.audit();
    if (!audit) throw new HttpError(503, 'audit_unavailable', 'the audit trail is not available, so caller data cannot be shown');

    let profile: CallerProfile;
    try {
      profile =
        grant.subject.kind === 'person'
          ? await personProfile(deps.gateway, grant.subject.id, grant.callId)
          : await employerProfile(deps.gateway, grant.subject.id, grant.callId);
    } catch (error) {
      if (error instanceof GatewayError && error.code === 'unavailable')
        throw new HttpError(503, 'gateway_unavailable', 'the provident-fund system is not answering; try again shortly');
      throw error;
    }
    audit.record({
      actorUserId: principal.userId,
      action: 'caller.lookup',
      entityType: grant.subject.kind,
      entityId: grant.subject.id,
      callId: grant.callId,
      detail: { sections: profile.person ? ['account', 'loans', 'employer'] : ['employer'] },
    });
    return profile;
  });
}

async function personProfile(gateway: ProvidentFundGateway, fundAccount: string, callId: string): Promise<CallerProfile> {
  const person = await gateway.findPerson({ fundAccount });
  if (!person) throw new HttpError(404, 'not_found', 'the verified account no longer exists');
  const [loans, employer] = await Promise.all([gateway.listLoans(fundAccount), person.employerAccount ? gateway.findEmployer(person.employerAccount) : null]);
  return {
    subject: { kind: 'person', id: fundAccount },
    callId,
    // The desk needs neither full identity number: masked, as on a receipt.
    person: { ...person, idCardNo: maskAccount(person.idCardNo), cobrandCardNo: person.cobrandCardNo && maskAccount(person.cobrandCardNo) },
    loans,
    employer,
  };
}

async function employerProfile(gateway: ProvidentFundGateway, employerAccount: string, callId: string): Promise<CallerProfile> {
  const employer = await gateway.findEmployer(employerAccount);
  if (!employer) throw new HttpError(404, 'not_found', 'the verified employer no longer exists');
  return { subject: { kind: 'employer', id: employerAccount }, callId, person: null, loans: [], employer };
}
