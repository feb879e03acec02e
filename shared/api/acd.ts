import { z } from 'zod';
import { AGENT_STATES, NOT_READY_REASONS } from '../acd/agent-state-machine.js';
import { forcedBySchema } from './supervision.js';

/** One agent as the wallboard sees it. GET /api/v1/acd/agents (an agent sees only themselves). */
export const agentSnapshotSchema = z.object({
  agentId: z.number().int(),
  workNumber: z.string(),
  displayName: z.string(),
  state: z.enum(AGENT_STATES),
  reason: z.string().nullable(),
  /** ISO time the state began. */
  since: z.string(),
  /** SIP registered: only registered ready agents are offered calls. */
  registered: z.boolean(),
  callId: z.string().nullable(),
  /** Since the end of the last call/ACW or since becoming ready; the routing order. */
  idleSince: z.string().nullable(),
  missedRingsInRow: z.number().int(),
  /** A team lead forced the current state: who and why (supervision). */
  forcedBy: forcedBySchema.nullable().optional(),
  /** A force that applies when the current call ends. */
  pendingForce: z
    .object({ state: z.enum(['not_ready', 'signed_out']), by: forcedBySchema })
    .nullable()
    .optional(),
});
export type AgentSnapshot = z.infer<typeof agentSnapshotSchema>;

export const agentsResponseSchema = z.object({ agents: z.array(agentSnapshotSchema) });
export type AgentsResponse = z.infer<typeof agentsResponseSchema>;

/** GET /api/v1/acd/queue: calls waiting for an agent, oldest first (no caller numbers). */
export const queueResponseSchema = z.object({
  length: z.number().int(),
  ringing: z.number().int(),
  oldestQueuedAt: z.string().nullable(),
  longestWaitSec: z.number().int(),
  calls: z.array(z.object({ callId: z.string(), position: z.number().int(), queuedAt: z.string(), waitSec: z.number().int() })),
});
export type QueueResponse = z.infer<typeof queueResponseSchema>;

/** POST /api/v1/acd/agents/me/state */
export const setAgentStateRequestSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ready') }),
  z.object({ state: z.literal('not_ready'), reason: z.enum(NOT_READY_REASONS).default('其他') }),
  z.object({ state: z.literal('signed_out') }),
]);
export type SetAgentStateRequest = z.input<typeof setAgentStateRequestSchema>;

/** Answer of both POSTs (state and acw/end): the agent after the change. */
export const agentStateResponseSchema = z.object({ agent: agentSnapshotSchema });
export type AgentStateResponse = z.infer<typeof agentStateResponseSchema>;
