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

/** Events of this domain pushed on /api/v1/events. */
export const callsEventSchemas = [callOfferedEventSchema, callAnsweredEventSchema, callEndedEventSchema] as const satisfies readonly z.ZodObject[];
