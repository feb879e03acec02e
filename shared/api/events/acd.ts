import { z } from 'zod';
import { AGENT_STATES } from '../../acd/agent-state-machine.js';
import { forcedBySchema } from '../supervision.js';

/** An agent's state changed (the wallboard and the agent's own desk). */
export const acdAgentStateEventSchema = z.object({
  type: z.literal('acd.agent_state'),
  agentId: z.number().int(),
  workNumber: z.string(),
  state: z.enum(AGENT_STATES),
  reason: z.string().nullable(),
  /** ISO time the state began. */
  since: z.string(),
  callId: z.string().nullable(),
  /** A team lead forced this state (supervision): who and why, for the agent's desk. */
  forcedBy: forcedBySchema.optional(),
});

/** The inbound queue changed: calls waiting, calls ringing an agent, and the oldest entry (the longest wait). */
export const acdQueueEventSchema = z.object({
  type: z.literal('acd.queue'),
  length: z.number().int(),
  ringing: z.number().int(),
  oldestQueuedAt: z.string().nullable(),
});

/** Events of this domain pushed on /api/v1/events. */
export const acdEventSchemas = [acdAgentStateEventSchema, acdQueueEventSchema] as const satisfies readonly z.ZodObject[];
