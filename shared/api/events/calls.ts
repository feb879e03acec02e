import { z } from 'zod';

/** A queued call rings an agent. */
export const callOfferedEventSchema = z.object({
  type: z.literal('call.offered'),
  callId: z.string(),
  agentId: z.number().int(),
  caller: z.string(),
});

export const callAnsweredEventSchema = z.object({
  type: z.literal('call.answered'),
  callId: z.string(),
  agentId: z.number().int(),
});

/** The call left the ACD: talked and hung up, abandoned by the caller, or removed by the system. */
export const callEndedEventSchema = z.object({
  type: z.literal('call.ended'),
  callId: z.string(),
  agentId: z.number().int().nullable(),
  outcome: z.enum(['completed', 'abandoned', 'removed']),
  side: z.enum(['caller', 'agent', 'system']),
});

/** Why a colleague could not take a transfer or consult: refused before anything changed, or after ringing. */
export const transferFailureSchema = z.enum(['signed_out', 'not_ready', 'busy', 'not_registered', 'no_answer', 'rejected', 'unreachable']);
export type TransferFailure = z.infer<typeof transferFailureSchema>;

/**
 * A transfer or consult of the agent's call, step by step, to the agent who started it (and the
 * team leads): the colleague rings, answers (consult: the two talk while the caller holds),
 * the transfer completes, all three join, or it failed and the caller is back with the agent.
 */
export const callTransferEventSchema = z.object({
  type: z.literal('call.transfer'),
  callId: z.string(),
  /** The agent who started it. */
  agentId: z.number().int(),
  /** The colleague rung by work number; absent for a department. */
  colleague: z.object({ agentId: z.number().int(), workNumber: z.string() }).optional(),
  /** The department rung at its extension through the trunk (a transfer to a department). */
  department: z.object({ departmentId: z.number().int(), name: z.string() }).optional(),
  mode: z.enum(['blind', 'consult']),
  stage: z.enum(['ringing', 'consulting', 'completed', 'conference', 'returned', 'failed']),
  reason: transferFailureSchema.optional(),
});
export type CallTransferEvent = z.infer<typeof callTransferEventSchema>;

/**
 * A team lead's monitoring of an agent's call, step by step: to team leads and admins always; to
 * the agent monitored only where the center shows it (config monitorIndicator, agentNotified).
 */
export const callMonitorEventSchema = z.object({
  type: z.literal('call.monitor'),
  callId: z.string(),
  /** The agent who has the call. */
  agentId: z.number().int(),
  lead: z.object({ userId: z.number().int(), workNumber: z.string() }),
  mode: z.enum(['listen', 'whisper', 'barge']),
  stage: z.enum(['ringing', 'started', 'switched', 'ended']),
  reason: z.enum(['stopped', 'lead_hangup', 'no_answer', 'call_ended', 'transferred', 'survey', 'agents_changed']).optional(),
  /** The center shows agents that they are monitored (班长监听中). */
  agentNotified: z.boolean(),
});
export type CallMonitorEvent = z.infer<typeof callMonitorEventSchema>;

/** Events of this domain pushed on /api/v1/events. */
export const callsEventSchemas = [
  callOfferedEventSchema,
  callAnsweredEventSchema,
  callEndedEventSchema,
  callTransferEventSchema,
  callMonitorEventSchema,
] as const satisfies readonly z.ZodObject[];
