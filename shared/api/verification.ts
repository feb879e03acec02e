import { z } from 'zod';
import { employerSchema, personAccountSchema, personalLoanSchema } from './gateway.js';

/** §2.1: a person logs in with one of three accounts, an employer with its account; both with a 6-digit PIN. */
export const LOGIN_TYPES = ['fund_account', 'id_card', 'cobrand_card', 'employer_account'] as const;
export const loginTypeSchema = z.enum(LOGIN_TYPES);
export type LoginType = z.infer<typeof loginTypeSchema>;

/** no_pin: a known account whose holder never set a telephone PIN (set at an outlet, §2.1). */
export const VERIFY_OUTCOMES = ['verified', 'failed', 'locked', 'invalid_account', 'no_pin'] as const;
export type VerifyOutcome = (typeof VERIFY_OUTCOMES)[number];

export const verificationChannelSchema = z.enum(['ivr', 'agent']);
export type VerificationChannel = z.infer<typeof verificationChannelSchema>;

export const verifiedSubjectSchema = z.object({
  kind: z.enum(['person', 'employer']),
  /** The fund account of a person, the employer account of an employer. */
  id: z.string().min(1),
});
export type VerifiedSubject = z.infer<typeof verifiedSubjectSchema>;

export const verifyCallerRequestSchema = z.object({
  loginType: loginTypeSchema,
  account: z.string().min(1).max(32),
  pin: z.string().max(16),
  channel: verificationChannelSchema,
  callId: z.string().min(1).max(128),
  agentUserId: z.number().int().positive().optional(),
});
export type VerifyCallerRequest = z.infer<typeof verifyCallerRequestSchema>;

export interface VerifyCallerResult {
  outcome: VerifyOutcome;
  subject?: VerifiedSubject;
  /** Wrong PINs left today before the lock (after a failure or a lock). */
  attemptsLeft?: number;
}

/** Failures in one local day that lock a login until the next day. */
export const MAX_PIN_FAILURES = 5;

/** What an agent sees of a verified caller: identity numbers masked, amounts in fen. */
export const callerProfileSchema = z.object({
  subject: verifiedSubjectSchema,
  callId: z.string(),
  person: personAccountSchema.nullable(),
  loans: z.array(personalLoanSchema),
  employer: employerSchema.nullable(),
});
export type CallerProfile = z.infer<typeof callerProfileSchema>;

/** Keeps the first and last four characters: 330106**********1234 → 3301**********1234. */
export function maskAccount(account: string): string {
  const value = account.trim();
  if (value.length <= 4) return '*'.repeat(value.length);
  if (value.length <= 8) return '*'.repeat(value.length - 2) + value.slice(-2);
  return value.slice(0, 4) + '*'.repeat(value.length - 8) + value.slice(-4);
}

/** The identity documents an outlet may check before it sets a PIN (§2.1: a PIN is set in person). */
export const IDENTITY_DOCUMENTS = ['id_card', 'passport', 'residence_permit', 'business_licence'] as const;

/** PUT /api/v1/callers/pin: an outlet sets or resets a caller's telephone PIN after an identity check. */
export const setPinRequestSchema = z.object({
  loginType: loginTypeSchema,
  account: z.string().min(4).max(32),
  pin: z.string().regex(/^\d{6}$/, 'six_digits'),
  identityDocument: z.enum(IDENTITY_DOCUMENTS),
  /** The document's number as seen at the counter: kept only masked, in the audit trail. */
  documentNumber: z.string().trim().min(4).max(40),
});
export type SetPinRequest = z.infer<typeof setPinRequestSchema>;

export const setPinResponseSchema = z.object({ subjectKind: z.enum(['person', 'employer']), account: z.string() });

/** POST /api/v1/callers/pins/import: salted scrypt hashes from the old system (docs/gateway-http.md). */
export const importPinsRequestSchema = z.object({
  items: z
    .array(z.object({ subjectKind: z.enum(['person', 'employer']), subjectId: z.string().min(1).max(40), hash: z.string().min(1).max(300) }))
    .min(1)
    .max(10_000),
});
export type ImportPinsRequest = z.infer<typeof importPinsRequestSchema>;

/** Rows refused one by one, by their index in `items`; the others are stored. */
export const importPinsResponseSchema = z.object({
  imported: z.number().int().nonnegative(),
  refused: z.array(z.object({ index: z.number().int().nonnegative(), reason: z.enum(['bad_hash']) })),
});
export type ImportPinsResponse = z.infer<typeof importPinsResponseSchema>;

/** GET /api/v1/callers/pins/store: where PINs live; with a core system nothing is set here. */
export const pinStoreResponseSchema = z.object({ store: z.enum(['embedded', 'core_system']) });
