import type { Db } from '../db/database.js';
import type { LoginType, VerificationChannel, VerifiedSubject, VerifyOutcome } from '../../../shared/api/verification.js';

export interface AttemptRow {
  at: number;
  localDay: string;
  loginType: LoginType;
  accountMasked: string;
  subject: VerifiedSubject | null;
  result: VerifyOutcome;
  channel: VerificationChannel;
  callId: string;
  agentUserId: number | null;
}

export interface GrantRow {
  ref: string;
  call_id: string;
  subject_kind: VerifiedSubject['kind'];
  subject_id: string;
  agent_user_id: number | null;
  granted_at: number;
  expires_at: number;
  revoked_at: number | null;
}

/** Verification attempts and call-bound grants (migration 6); PINs are the gateway's (embedded-pin-store.ts). */
export class VerificationRepository {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      // Failures of the day since the last success of the day.
      failures: db
        .prepare<{ kind: string; id: string; day: string }, number>(
          `
        SELECT count(*) FROM caller_verification_attempts
        WHERE subject_kind = @kind AND subject_id = @id AND local_day = @day AND result = 'failed'
          AND id > coalesce((SELECT max(id) FROM caller_verification_attempts
                             WHERE subject_kind = @kind AND subject_id = @id AND local_day = @day AND result = 'verified'), 0)`,
        )
        .pluck(),
      insertAttempt: db.prepare(`
        INSERT INTO caller_verification_attempts (at, local_day, login_type, account_masked, subject_kind, subject_id, result, channel, call_id, agent_user_id)
        VALUES (@at, @localDay, @loginType, @accountMasked, @subjectKind, @subjectId, @result, @channel, @callId, @agentUserId)`),
      verifiedOnCall: db
        .prepare<[string, string, string], number>(
          "SELECT count(*) FROM caller_verification_attempts WHERE call_id = ? AND subject_kind = ? AND subject_id = ? AND result = 'verified'",
        )
        .pluck(),
      insertGrant: db.prepare<[string, string, string, string, number | null, number, number]>(
        'INSERT INTO caller_grants (ref, call_id, subject_kind, subject_id, agent_user_id, granted_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      grant: db.prepare<[string], GrantRow>('SELECT * FROM caller_grants WHERE ref = ?'),
      revoke: db.prepare<[number, string]>('UPDATE caller_grants SET revoked_at = ? WHERE call_id = ? AND revoked_at IS NULL'),
    };
  }

  failuresToday(subject: VerifiedSubject, day: string): number {
    return this.q.failures.get({ kind: subject.kind, id: subject.id, day }) ?? 0;
  }

  recordAttempt(a: AttemptRow): void {
    this.q.insertAttempt.run({
      at: a.at,
      localDay: a.localDay,
      loginType: a.loginType,
      accountMasked: a.accountMasked,
      subjectKind: a.subject?.kind ?? null,
      subjectId: a.subject?.id ?? null,
      result: a.result,
      channel: a.channel,
      callId: a.callId,
      agentUserId: a.agentUserId,
    });
  }

  wasVerifiedOnCall(callId: string, subject: VerifiedSubject): boolean {
    return (this.q.verifiedOnCall.get(callId, subject.kind, subject.id) ?? 0) > 0;
  }

  insertGrant(g: Omit<GrantRow, 'revoked_at'>): void {
    this.q.insertGrant.run(g.ref, g.call_id, g.subject_kind, g.subject_id, g.agent_user_id, g.granted_at, g.expires_at);
  }

  grant(ref: string): GrantRow | undefined {
    return this.q.grant.get(ref);
  }

  revokeCall(callId: string, at: number): number {
    return this.q.revoke.run(at, callId).changes;
  }
}
