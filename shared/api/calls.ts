import { z } from 'zod';
import { verifiedSubjectSchema } from './verification.js';

/**
 * What the desk asks of a call in progress. The server is a B2BUA: it owns both legs, so
 * verification, survey handoff and transfers are server actions on the caller's leg, not SIP
 * tricks in the browser.
 */

export const callIdParamsSchema = z.object({ callId: z.string().min(1).max(100) });

/** POST /api/v1/calls/:callId/verification — §2.1: the caller keys account and PIN in the IVR. */
export const startVerificationResponseSchema = z.object({ started: z.literal(true) });

/** POST /api/v1/calls/:callId/survey — §2.4-11: the caller goes to the survey, the agent to ACW. */
export const surveyHandoffResponseSchema = z.object({ handedOff: z.literal(true) });

/**
 * POST /api/v1/calls/:callId/transfer. To a colleague: refused (409 with the reason) unless they
 * are 就绪 with a softphone; the caller holds (music) while they ring. 'blind' hands the call over
 * as they answer; 'consult' lets the two talk first (then /consult). If they do not answer, the
 * caller is back with the agent and the card says why (call.transfer events). To the IVR: the
 * agent leaves, the caller is in self-service.
 */
export const transferRequestSchema = z.discriminatedUnion('target', [
  z.object({ target: z.literal('agent'), workNumber: z.string().regex(/^\d{3,8}$/), mode: z.enum(['blind', 'consult']).default('blind') }),
  z.object({ target: z.literal('ivr') }),
  /** A department's extension (its phone, dialled through the trunk): refused unless it has one the dial plan allows. */
  z.object({ target: z.literal('department'), departmentId: z.number().int().positive(), mode: z.enum(['blind', 'consult']).default('blind') }),
]);
export type TransferRequest = z.infer<typeof transferRequestSchema>;
export const transferResponseSchema = z.object({ stage: z.enum(['ringing', 'completed']) });

/** POST /api/v1/calls/:callId/consult — while consulting: hand over, join all three, or go back to the caller. */
export const consultActionSchema = z.object({ action: z.enum(['complete', 'conference', 'return']) });
export type ConsultAction = z.infer<typeof consultActionSchema>['action'];
export const consultActionResponseSchema = z.object({ phase: z.enum(['talking', 'conference']) });

/** Pushed on /api/v1/events to the agent of the call while verification runs and when it ends. */
export const verificationOutcomeSchema = z.enum(['started', 'verified', 'failed', 'locked', 'invalid_account', 'no_pin', 'abandoned']);
export type VerificationProgress = z.infer<typeof verificationOutcomeSchema>;

export const callVerificationEventSchema = z.object({
  type: z.literal('call.verification'),
  callId: z.string(),
  agentUserId: z.number().int(),
  outcome: verificationOutcomeSchema,
  /** With 'verified': the reference for GET /api/v1/callers/:subjectRef (the agent never sees the account keyed). */
  subjectRef: z.string().optional(),
  subjectKind: verifiedSubjectSchema.shape.kind.optional(),
  attemptsLeft: z.number().int().optional(),
});

/**
 * A team lead's monitoring of a talking agent's call, from the lead's own softphone (rung with
 * X-12329-Monitor). listen: the lead hears both, nobody hears the lead; whisper: the agent hears
 * the lead, the caller does not; barge: all three talk.
 */
export const monitorModeSchema = z.enum(['listen', 'whisper', 'barge']);
export type MonitorMode = z.infer<typeof monitorModeSchema>;

/** POST /api/v1/calls/:callId/monitor (start: the lead's softphone rings) and PATCH (switch mode, no redial). */
export const monitorRequestSchema = z.object({ mode: monitorModeSchema });
export const monitorResponseSchema = z.object({ callId: z.string(), mode: monitorModeSchema, stage: z.enum(['ringing', 'active']) });
export type MonitorResponse = z.infer<typeof monitorResponseSchema>;
/** DELETE /api/v1/calls/:callId/monitor: the lead's leg is hung up; the call goes on. */
export const monitorStopResponseSchema = z.object({ stopped: z.literal(true) });

/** Why a lead's monitoring ended. */
export const monitorEndReasonSchema = z.enum(['stopped', 'lead_hangup', 'no_answer', 'call_ended', 'transferred', 'survey', 'agents_changed']);
export type MonitorEndReason = z.infer<typeof monitorEndReasonSchema>;
