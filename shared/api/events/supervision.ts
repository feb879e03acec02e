import { z } from 'zod';
import { boardAgentSchema, boardQueueSchema } from '../supervision.js';

/** Sent to a team lead's socket as it connects: the whole board, built from the ACD and today's records. */
export const supervisionSnapshotEventSchema = z.object({
  type: z.literal('supervision.snapshot'),
  serverTime: z.string(),
  acwLimitSec: z.number().int(),
  agents: z.array(boardAgentSchema),
  queue: boardQueueSchema,
});

/** One agent's row changed (state, call, today's figures). */
export const supervisionAgentEventSchema = z.object({
  type: z.literal('supervision.agent'),
  serverTime: z.string(),
  agent: boardAgentSchema,
});

/** The queue changed (a caller came, left, rang an agent), with today's service. */
export const supervisionQueueEventSchema = z.object({
  type: z.literal('supervision.queue'),
  serverTime: z.string(),
  queue: boardQueueSchema,
});

/** A lost caller appeared or was called back: lists of lost callers reload (agents and leads). */
export const lostCallerEventSchema = z.object({
  type: z.literal('supervision.lost-caller'),
  callId: z.string(),
  change: z.enum(['lost', 'called_back']),
});

/** Events of this domain pushed on /api/v1/events. */
export const supervisionEventSchemas = [
  supervisionSnapshotEventSchema,
  supervisionAgentEventSchema,
  supervisionQueueEventSchema,
  lostCallerEventSchema,
] as const satisfies readonly z.ZodObject[];
