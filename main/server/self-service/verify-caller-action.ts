import type { IvrAction } from '../ivr/ivr-actions.js';
import type { LoginType } from '../../../shared/api/verification.js';
import type { SelfServiceDeps } from './self-service-deps.js';

/** The flow's login types (resources/ivr/12329.json verify-type) → the verification service's. */
const LOGIN_TYPES: Record<string, LoginType> = {
  'fund-account': 'fund_account',
  'id-card': 'id_card',
  'co-branded-card': 'cobrand_card',
  'employer-account': 'employer_account',
};

/** Wrong attempts on one call before the caller is sent back (the day's lock comes at 5). */
export const MAX_VERIFY_TRIES_PER_CALL = 3;

/**
 * §2.1 in the IVR: login type, account and PIN come from the flow's collect nodes (vars loginType,
 * account, pin — pin is secret: the engine drops it after this action). Outcomes: verified,
 * failed (also for an unknown account, so callers cannot probe accounts), locked, too-many.
 * Nothing here logs or stores the digits; the verification service records a masked account.
 */
export function verifyCallerAction(deps: SelfServiceDeps): IvrAction {
  return async ({ vars }) => {
    const loginType = LOGIN_TYPES[vars.loginType ?? ''];
    // A phone has no X key: * stands for the X of an ID-card number.
    const account = (vars.account ?? '').replaceAll('*', 'X');
    const pin = vars.pin ?? '';
    delete vars.account;
    delete vars.pin;
    if (!loginType || !account) return 'failed';
    const result = await deps.verification().verifyCaller({ loginType, account, pin, channel: 'ivr', callId: vars.callId ?? 'ivr' });
    if (result.outcome === 'verified' && result.subject) {
      vars.subjectKind = result.subject.kind;
      vars.subjectId = result.subject.id;
      delete vars.verifyTries;
      return 'verified';
    }
    if (result.outcome === 'locked') return 'locked';
    // Retrying cannot help: the caller is told where to set a PIN.
    if (result.outcome === 'no_pin') return 'no-pin';
    const tries = Number(vars.verifyTries ?? 0) + 1;
    vars.verifyTries = String(tries);
    return tries >= MAX_VERIFY_TRIES_PER_CALL ? 'too-many' : 'failed';
  };
}
