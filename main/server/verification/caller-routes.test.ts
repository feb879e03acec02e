import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { authModule } from '../auth/auth-module.js';
import { gatewayModule } from '../gateway/gateway-module.js';
import { DEMO_PIN } from '../gateway/demo-data.js';
import { verificationModule } from './verification-module.js';
import type { VerificationService } from './verification-service.js';
import { SERVICES } from '../services.js';

describe('GET /api/v1/callers/:subjectRef', () => {
  let server: TestServer;
  let verification: VerificationService;
  let agentId: number;
  let borrower: { fund_account: string; id_card_no: string };
  beforeAll(async () => {
    server = await startTestServer([authModule, gatewayModule, verificationModule]);
    verification = server.ctx.services.require(SERVICES.verification, 'test');
    agentId = server.db.prepare("SELECT id FROM users WHERE work_number = '1001'").pluck().get() as number;
    borrower = server.db
      .prepare('SELECT fund_account, id_card_no FROM pf_people p WHERE EXISTS (SELECT 1 FROM pf_loans WHERE person_id = p.id) ORDER BY id LIMIT 1')
      .get() as typeof borrower;
  });
  afterAll(async () => {
    await server.stop();
  });

  async function verifiedRef(callId: string, agentUserId?: number): Promise<string> {
    const result = await verification.verifyCaller({
      loginType: 'id_card',
      account: borrower.id_card_no,
      pin: DEMO_PIN,
      channel: 'agent',
      callId,
      ...(agentUserId ? { agentUserId } : {}),
    });
    expect(result.outcome).toBe('verified');
    return verification.grantForCall(callId, result.subject!, agentUserId).subjectRef;
  }

  it('shows the agent on the call the account, loans and employer, with identity numbers masked', async () => {
    const ref = await verifiedRef('call-a', agentId);
    const agent = await server.login('1001');
    const { status, body } = await server.call('GET', `/api/v1/callers/${ref}`, agent);
    expect(status).toBe(200);
    expect(body.subject).toEqual({ kind: 'person', id: borrower.fund_account });
    expect(body.callId).toBe('call-a');
    expect(body.person.fundAccount).toBe(borrower.fund_account);
    expect(body.person.idCardNo).toBe(`${borrower.id_card_no.slice(0, 4)}**********${borrower.id_card_no.slice(-4)}`);
    expect(body.loans.length).toBeGreaterThan(0);
    expect(body.employer?.employerAccount ?? null).toBe(body.person.employerAccount);
  });

  it('refuses other agents, other roles, no session, unknown and revoked references', async () => {
    const ref = await verifiedRef('call-b', agentId);
    expect((await server.call('GET', `/api/v1/callers/${ref}`, await server.login('1002'))).status).toBe(403);
    expect((await server.call('GET', `/api/v1/callers/${ref}`, await server.login('3001'))).status).toBe(403);
    expect((await server.call('GET', `/api/v1/callers/${ref}`)).status).toBe(401);
    const agent = await server.login('1001');
    expect((await server.call('GET', `/api/v1/callers/cv_${'x'.repeat(24)}`, agent)).body.code).toBe('no_verification');
    expect((await server.call('GET', '/api/v1/callers/person:123', agent)).status).toBe(400);
    // The team lead supervising the call may look too.
    expect((await server.call('GET', `/api/v1/callers/${ref}`, await server.login('2001'))).status).toBe(200);
    verification.revokeGrantsForCall('call-b');
    expect((await server.call('GET', `/api/v1/callers/${ref}`, agent)).status).toBe(404);
  });

  // Last, as agreed: depends on the audit service of the auth module.
  it('audits every look-up: who, whom, which call', async () => {
    const ref = await verifiedRef('call-c', agentId);
    const agent = await server.login('1001');
    await server.call('GET', `/api/v1/callers/${ref}`, agent);
    await server.call('GET', `/api/v1/callers/${ref}`, agent);
    const rows = server.db
      .prepare("SELECT actor_user_id, entity_type, entity_id, call_id, detail FROM audit_log WHERE action = 'caller.lookup' AND call_id = 'call-c'")
      .all() as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ actor_user_id: agentId, entity_type: 'person', entity_id: borrower.fund_account, call_id: 'call-c' });
    expect(JSON.stringify(rows)).not.toContain(DEMO_PIN);
  });
});
