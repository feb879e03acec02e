import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { ProvidentFundGateway } from '../gateway/provident-fund-gateway.js';
import { localDateOf } from '../../../shared/time/zoned.js';
import { checkIdCardNumber } from '../../../shared/id-card/gb11643.js';
import {
  MAX_PIN_FAILURES,
  maskAccount,
  type VerifiedSubject,
  type VerifyCallerRequest,
  type VerifyCallerResult,
  type VerifyOutcome,
} from '../../../shared/api/verification.js';
import { burnPinCheck } from './pin-hash.js';
import { VerificationRepository, type GrantRow } from './verification-repository.js';

/** How long an agent may read a verified caller's data after the verification. */
export const GRANT_TTL_MS = 2 * 60 * 60 * 1000;

export interface CallerGrant {
  /** Opaque, unguessable: GET /api/v1/callers/:subjectRef. */
  subjectRef: string;
  callId: string;
  subject: VerifiedSubject;
  agentUserId: number | null;
  expiresAt: number;
}

/** Registered as ctx.services.get(SERVICES.verification); used by the IVR and by agent-started checks. */
export interface VerificationService {
  verifyCaller(request: VerifyCallerRequest): Promise<VerifyCallerResult>;
  /**
   * After a successful verification on this call: lets the agent on the call (or any agent when
   * agentUserId is omitted) read the subject's data until the call ends or GRANT_TTL_MS passes.
   * Throws when the subject was not verified on this call.
   */
  grantForCall(callId: string, subject: VerifiedSubject, agentUserId?: number): CallerGrant;
  /** Who a login names (ID-card check digit first), or null: for the outlet's PIN workflow. */
  resolveSubject(loginType: VerifyCallerRequest['loginType'], account: string): Promise<VerifiedSubject | null>;
  /** At hang-up: every grant of the call ends. Returns how many were active. */
  revokeGrantsForCall(callId: string): number;
  /** The active grant behind a subjectRef, or undefined (unknown, expired, revoked). */
  activeGrant(subjectRef: string): CallerGrant | undefined;
}

export interface VerificationServiceOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  gateway: ProvidentFundGateway;
  timeZone: string;
}

const PIN_SHAPE = /^\d{6}$/;

export function createVerificationService(options: VerificationServiceOptions): VerificationService {
  const { db, clock, logger, gateway, timeZone } = options;
  const repo = new VerificationRepository(db);

  const resolve = async (loginType: VerifyCallerRequest['loginType'], account: string): Promise<VerifiedSubject | null> => {
    switch (loginType) {
      case 'id_card': {
        // A mistyped number is refused here, without asking the core system.
        const check = checkIdCardNumber(account, localDateOf(clock.now(), timeZone));
        if (!check.valid) return null;
        const person = await gateway.findPerson({ idCardNo: check.normalized });
        return person && { kind: 'person', id: person.fundAccount };
      }
      case 'fund_account': {
        const person = await gateway.findPerson({ fundAccount: account });
        return person && { kind: 'person', id: person.fundAccount };
      }
      case 'cobrand_card': {
        const person = await gateway.findPerson({ cobrandCardNo: account });
        return person && { kind: 'person', id: person.fundAccount };
      }
      case 'employer_account': {
        const employer = await gateway.findEmployer(account);
        return employer && { kind: 'employer', id: employer.employerAccount };
      }
    }
  };

  const toGrant = (row: GrantRow): CallerGrant => ({
    subjectRef: row.ref,
    callId: row.call_id,
    subject: { kind: row.subject_kind, id: row.subject_id },
    agentUserId: row.agent_user_id,
    expiresAt: row.expires_at,
  });

  return {
    async verifyCaller(request) {
      const account = request.account.replace(/\s+/g, '');
      const day = localDateOf(clock.now(), timeZone);
      const finish = (outcome: VerifyOutcome, subject: VerifiedSubject | null, attemptsLeft?: number): VerifyCallerResult => {
        repo.recordAttempt({
          at: clock.now(),
          localDay: day,
          loginType: request.loginType,
          accountMasked: maskAccount(account),
          subject,
          result: outcome,
          channel: request.channel,
          callId: request.callId,
          agentUserId: request.agentUserId ?? null,
        });
        // Nothing with digits goes to the log: no account, no PIN, no ids.
        logger.info({ event: 'caller_verification', outcome, loginType: request.loginType, channel: request.channel }, 'caller verification');
        return { outcome, ...(subject && outcome === 'verified' ? { subject } : {}), ...(attemptsLeft !== undefined ? { attemptsLeft } : {}) };
      };

      const subject = await resolve(request.loginType, account);
      if (!subject) {
        await burnPinCheck(request.pin);
        return finish('invalid_account', null);
      }
      if (repo.failuresToday(subject, day) >= MAX_PIN_FAILURES) return finish('locked', subject, 0);
      // Anything but six digits never leaves the hotline; the PIN itself is the core system's to check.
      const check = PIN_SHAPE.test(request.pin) ? await gateway.checkPin(subject, request.pin) : (await burnPinCheck(request.pin), 'no_match' as const);
      // Known account without a telephone PIN: the caller sets one at an outlet first (not a failure).
      if (check === 'no_pin') return finish('no_pin', subject);
      const ok = check === 'match';
      // Recount after the slow hash: parallel attempts cannot slip past the limit together.
      return db
        .transaction(() => {
          const failures = repo.failuresToday(subject, day);
          if (failures >= MAX_PIN_FAILURES) return finish('locked', subject, 0);
          return ok ? finish('verified', subject) : finish('failed', subject, MAX_PIN_FAILURES - failures - 1);
        })
        .immediate();
    },

    resolveSubject: (loginType, account) => resolve(loginType, account.replace(/\s+/g, '')),

    grantForCall(callId, subject, agentUserId) {
      if (!repo.wasVerifiedOnCall(callId, subject)) throw new Error('the subject was not verified on this call');
      const now = clock.now();
      const row = {
        ref: `cv_${randomBytes(18).toString('base64url')}`,
        call_id: callId,
        subject_kind: subject.kind,
        subject_id: subject.id,
        agent_user_id: agentUserId ?? null,
        granted_at: now,
        expires_at: now + GRANT_TTL_MS,
      };
      repo.insertGrant(row);
      return toGrant({ ...row, revoked_at: null });
    },

    revokeGrantsForCall(callId) {
      return repo.revokeCall(callId, clock.now());
    },

    activeGrant(subjectRef) {
      const row = repo.grant(subjectRef);
      if (!row || row.revoked_at !== null || row.expires_at <= clock.now()) return undefined;
      return toGrant(row);
    },
  };
}
