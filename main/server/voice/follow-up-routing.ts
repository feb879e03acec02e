import { randomUUID } from 'node:crypto';
import type { AuditService } from '../audit/audit-service.js';
import type { CallingAgent, IncomingCall } from '../sip/sip-service.js';
import type { CallRecords } from '../calls/call-records.js';
import { FollowUpCall, type FollowUpCallDeps } from './follow-up-call.js';
import type { TrunkDialer } from './trunk-dialer.js';
import { WORK_ORDER_HEADER } from '../../../shared/sip/desk-headers.js';
import { checkDialledNumber, parseDialPlan, type DialPlan } from '../../../shared/sip/dial-plan.js';

/** Mainland numbers as agents dial them: mobile, landline with area code, or a short service number. */
const DIALLABLE = /^\+?\d{3,20}$/;

export interface FollowUpRoutingDeps extends Omit<FollowUpCallDeps, 'dialer' | 'onEnded' | 'onCallEnded'> {
  /** Unset: the center has no trunk and agents cannot call out. */
  dialer: TrunkDialer | undefined;
  audit: AuditService;
  /** The center that holds a work order, or undefined when there is no such order. */
  workOrderCenter(id: number): string | undefined;
  /** A follow-up call of this order is over (desks refresh the order). */
  followUpEnded(workOrderId: number, callId: string): void;
  centerCode: string;
  records: CallRecords;
  calls: Map<string, FollowUpCall>;
  /** Numbers agents may dial (config `dialPlan`); default: mobiles and the center's own area. */
  dialPlan?: DialPlan;
}

/**
 * SipServiceDelegate.onAgentCall: decides whether an authenticated agent's INVITE to another
 * number becomes a follow-up call, answering the desk with a status it can explain otherwise.
 */
export function createFollowUpRouting(deps: FollowUpRoutingDeps): (incoming: IncomingCall, agent: CallingAgent) => void {
  const { acd, records, logger } = deps;
  const refuse = (incoming: IncomingCall, agent: CallingAgent, status: number, reason: string) => {
    logger.info({ event: 'follow_up_refused', agent: agent.workNumber, to: incoming.to, status, reason }, 'follow-up call refused');
    incoming.reject(status, reason);
  };

  return (incoming, agent) => {
    const number = incoming.to;
    if (!DIALLABLE.test(number)) return refuse(incoming, agent, 484, `Address Incomplete (${number || 'nothing'} is not a phone number)`);
    // Toll fraud stops here (issue 12): abroad, premium or off-plan numbers are refused and audited.
    const dialled = checkDialledNumber(deps.dialPlan ?? parseDialPlan(undefined, deps.centerCode), number);
    if (!dialled.allowed) {
      deps.audit.record({
        actorUserId: agent.userId,
        action: 'call.outbound_refused',
        entityType: 'call',
        entityId: null,
        detail: { number, reason: dialled.reason },
      });
      return refuse(incoming, agent, 403, `Forbidden (${dialled.reason} number not in the dial plan)`);
    }
    const state = acd.agentSnapshot(agent.userId).state;
    if (state === 'signed_out') return refuse(incoming, agent, 403, 'Forbidden (sign in (签入) before calling out)');
    if (state === 'ringing' || state === 'talking') return refuse(incoming, agent, 486, `Busy Here (agent is ${state})`);

    const header = incoming.header(WORK_ORDER_HEADER);
    let workOrderId: number | undefined;
    if (header !== undefined) {
      workOrderId = /^\d{1,12}$/.test(header.trim()) ? Number(header.trim()) : NaN;
      if (!Number.isSafeInteger(workOrderId) || deps.workOrderCenter(workOrderId) !== deps.centerCode) {
        return refuse(incoming, agent, 404, `Not Found (no work order ${header.trim()} in this center)`);
      }
    }

    const dialer = deps.dialer;
    if (!dialer) return refuse(incoming, agent, 503, 'Service Unavailable (no trunk is configured for follow-up calls)');

    const callId = randomUUID();
    const record = records.arrive({
      id: callId,
      direction: 'outbound',
      caller: agent.workNumber,
      callee: number,
      transport: incoming.transport === 'ws' ? 'ws' : 'udp',
      sipCallId: incoming.callId,
      workOrderId: workOrderId ?? null,
    });
    acd.startOutbound(agent.userId, callId);
    // Calls out cost money and reach citizens: each one is on the audit trail with its number.
    deps.audit.record({
      actorUserId: agent.userId,
      action: 'call.outbound',
      entityType: 'call',
      entityId: callId,
      callId,
      detail: { number, ...(workOrderId ? { workOrderId } : {}) },
    });
    logger.info({ event: 'follow_up_dialling', callId, agent: agent.workNumber, workOrderId }, 'follow-up call');

    const call = new FollowUpCall({ callId, agent: { id: agent.userId, workNumber: agent.workNumber }, number, workOrderId }, incoming, record, {
      ...deps,
      dialer,
      onCallEnded: (c) => {
        if (workOrderId) deps.followUpEnded(workOrderId, c.callId);
      },
      onEnded: (c) => deps.calls.delete(c.callId),
    });
    deps.calls.set(callId, call);
    call.run().catch((error: unknown) => logger.error({ err: error, callId }, 'follow-up call failed'));
  };
}
