import { z } from 'zod';

/** The wrap-up code an agent gave their part of a call. */
export const callWrapUpSchema = z.object({ codeId: z.number().int(), code: z.string(), label: z.string() });

/** One call an agent took part in today, as their history lists it. */
export const callHistoryEntrySchema = z.object({
  callId: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  /** answer, transfer, consult, outbound: how the agent came to the call. */
  kind: z.string(),
  /** The caller (inbound) or the dialled number (outbound); masked (138****8000) for anyone but the agent. */
  number: z.string(),
  startedAt: z.string(),
  /** Seconds from the agent's answer (or dial) to the end of their part. */
  durationSeconds: z.number().nullable(),
  /** How the agent's part ended (caller_hangup, agent_hangup, survey_handoff, transferred, …). */
  outcome: z.string().nullable(),
  wrapUp: callWrapUpSchema.nullable(),
  note: z.object({ id: z.number().int(), category: z.string(), topic: z.string() }).nullable(),
  workOrderId: z.number().int().nullable(),
});
export type CallHistoryEntry = z.infer<typeof callHistoryEntrySchema>;

/** GET /api/v1/call-history?agent=workNumber: one agent's calls (the caller's own when absent). */
export const callHistoryQuerySchema = z.object({
  agent: z
    .string()
    .regex(/^\d{1,8}$/)
    .optional(),
});

/** Today's calls (center time zone), newest first. */
export const callHistoryResponseSchema = z.object({ day: z.string(), entries: z.array(callHistoryEntrySchema) });
export type CallHistoryResponse = z.infer<typeof callHistoryResponseSchema>;

/** POST /api/v1/calls/:callId/wrap-up answers the code now recorded for the agent's part of the call. */
export const setWrapUpResponseSchema = z.object({ callId: z.string(), wrapUp: callWrapUpSchema });
