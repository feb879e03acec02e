import type { EventHub } from '../events/event-hub.js';
import type { VerificationService } from '../verification/verification-service.js';
import type { LoginType, VerifyOutcome } from '../../../shared/api/verification.js';
import type { CallSession } from './call-session.js';

/** What the caller keyed in the verification dialogue; never logged, never shown to the agent. */
export interface CallerCredentials {
  loginType: LoginType;
  account: string;
  pin: string;
}

export interface VerificationDialogue {
  /** Asks for login type, account (ended by #) and the 6-digit PIN; undefined if the caller gave up. */
  collectCredentials(session: CallSession): Promise<CallerCredentials | undefined>;
  /** Tells the caller the result before returning to the agent. */
  announceResult(session: CallSession, outcome: VerifyOutcome): Promise<void>;
}

/**
 * §2.1 started by the agent: the caller is cut off from the agent (audio and digits) while the IVR
 * asks for account and PIN; the agent gets only the outcome, and on success a reference to read
 * the caller's data (audited by the verification module).
 */
export async function verifyCallerOnCall(
  session: CallSession,
  deps: { verification: VerificationService; dialogue: VerificationDialogue; events: EventHub },
): Promise<void> {
  const agent = session.agent;
  if (!agent || session.phase !== 'talking') throw new Error('the call is not connected to an agent');
  const publish = (
    outcome: 'started' | VerifyOutcome | 'abandoned',
    extra: { subjectRef?: string; subjectKind?: 'person' | 'employer'; attemptsLeft?: number } = {},
  ) => deps.events.publish({ type: 'call.verification', callId: session.callId, agentUserId: agent.id, outcome, ...extra });

  session.isolateCaller(true);
  publish('started');
  try {
    const credentials = await deps.dialogue.collectCredentials(session);
    if (!credentials) return publish('abandoned');
    const result = await deps.verification.verifyCaller({ ...credentials, channel: 'agent', callId: session.callId, agentUserId: agent.id });
    await deps.dialogue.announceResult(session, result.outcome);
    if (result.outcome === 'verified' && result.subject) {
      const grant = deps.verification.grantForCall(session.callId, result.subject, agent.id);
      publish('verified', { subjectRef: grant.subjectRef, subjectKind: result.subject.kind });
    } else {
      publish(result.outcome, result.attemptsLeft === undefined ? {} : { attemptsLeft: result.attemptsLeft });
    }
  } finally {
    if (!session.isOver()) session.isolateCaller(false);
  }
}
