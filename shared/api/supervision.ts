import { z } from 'zod';
import { AGENT_STATES, NOT_READY_REASONS } from '../acd/agent-state-machine.js';

/** Who forced an agent's state, and why (shown on the agent's desk). */
export const forcedBySchema = z.object({
  userId: z.number().int(),
  workNumber: z.string(),
  displayName: z.string(),
  note: z.string(),
});
export type ForcedBy = z.infer<typeof forcedBySchema>;

/** An agent's row on the team lead's board (supervision.snapshot / supervision.agent). */
export const boardAgentSchema = z.object({
  agentId: z.number().int(),
  workNumber: z.string(),
  displayName: z.string(),
  state: z.enum(AGENT_STATES),
  reason: z.string().nullable(),
  /** ISO time the state began: time in state. */
  since: z.string(),
  registered: z.boolean(),
  /** The call the agent rings, talks on or wraps up; the number masked (139****9000). */
  call: z
    .object({
      callId: z.string(),
      number: z.string(),
      direction: z.enum(['inbound', 'outbound']),
      /** ISO start of the talk; null while a follow-up call still rings the citizen. */
      talkingSince: z.string().nullable(),
    })
    .nullable(),
  /** Today (the center's day), from the call records and the state log. */
  today: z.object({
    answered: z.number().int(),
    /** Talk of the finished calls among them (the average leaves out a call still going). */
    talkMsSum: z.number().int(),
    talkCount: z.number().int(),
    acwMsSum: z.number().int(),
    acwCount: z.number().int(),
    /** 示忙 time of finished periods; the board adds the current one. */
    notReadyMs: z.number().int(),
    missedRings: z.number().int(),
    /** §2.4-9: inbound calls the agent hung up before the caller. */
    agentHangups: z.number().int(),
  }),
  forcedBy: forcedBySchema.nullable(),
  /** A force waiting for the current call to end. */
  pendingForce: z.object({ state: z.enum(['not_ready', 'signed_out']), by: forcedBySchema }).nullable(),
});
export type BoardAgent = z.infer<typeof boardAgentSchema>;

/** The queue as the lead sees it: callers waiting (numbers masked) and today's service. */
export const boardQueueSchema = z.object({
  calls: z.array(
    z.object({
      callId: z.string(),
      number: z.string(),
      queuedAt: z.string(),
      ahead: z.number().int(),
    }),
  ),
  ringing: z.number().int(),
  today: z.object({
    offered: z.number().int(),
    answered: z.number().int(),
    within20: z.number().int(),
    within40: z.number().int(),
    abandoned: z.number().int(),
  }),
});
export type BoardQueue = z.infer<typeof boardQueueSchema>;

/** An agent's user id in a path. */
export const agentIdParamsSchema = z.object({
  agentId: z
    .string()
    .regex(/^\d{1,12}$/, 'an agent id')
    .transform(Number),
});

/** POST /api/v1/supervision/agents/:agentId/force (team lead, center admin). */
export const forceAgentRequestSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('not_ready'),
    reason: z.enum(NOT_READY_REASONS),
    note: z.string().trim().min(1).max(200),
  }),
  z.object({
    state: z.literal('signed_out'),
    note: z.string().trim().min(1).max(200),
  }),
]);
export type ForceAgentRequest = z.input<typeof forceAgentRequestSchema>;
export const forceAgentResponseSchema = z.object({
  applied: z.enum(['now', 'after_call']),
});
export type ForceAgentResponse = z.infer<typeof forceAgentResponseSchema>;

/** POST /api/v1/supervision/queue/:callId/assign: ring this waiting caller at a chosen ready agent. */
export const assignCallRequestSchema = z.object({
  agentId: z.number().int().positive(),
});
export type AssignCallRequest = z.infer<typeof assignCallRequestSchema>;
export const assignCallResponseSchema = z.object({ ok: z.literal(true) });

/** A caller who hung up in the queue or while an agent's phone rang. */
export const lostCallerSchema = z.object({
  callId: z.string(),
  /** Masked; the full number is given only to whoever calls back. */
  number: z.string(),
  arrivedAt: z.string(),
  abandonedAt: z.string(),
  stage: z.enum(['queue', 'ringing']),
  waitSec: z.number().int(),
  calledBack: z
    .object({
      userId: z.number().int(),
      workNumber: z.string(),
      displayName: z.string(),
      at: z.string(),
    })
    .nullable(),
});
export type LostCaller = z.infer<typeof lostCallerSchema>;

/** GET /api/v1/supervision/lost-callers?date=YYYY-MM-DD&open=1 */
export const lostCallersQuerySchema = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  open: z.enum(['0', '1']).optional(),
});
export const lostCallersResponseSchema = z.object({
  date: z.string(),
  callers: z.array(lostCallerSchema),
});
export type LostCallersResponse = z.infer<typeof lostCallersResponseSchema>;

/** POST /api/v1/supervision/lost-callers/:callId/callback: marks it done and gives the number to dial. */
export const callbackResponseSchema = z.object({
  number: z.string(),
  caller: lostCallerSchema,
});
export type CallbackResponse = z.infer<typeof callbackResponseSchema>;
