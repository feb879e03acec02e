// GET /api/v1/callers/:number/history: a caller's earlier work orders and calls, shown on the
// desk while that caller's call rings or is answered there (issue 11, §2.5 "find any order").
import { z } from 'zod';
import { workOrderCategorySchema, workOrderStateSchema } from './work-orders.js';

export const CALLER_HISTORY_LIMIT = 10;

export const callerHistoryParamsSchema = z.object({ number: z.string().regex(/^\+?\d{3,20}$/, 'a phone number of 3–20 digits') });
/** Agents name the call at their desk; team leads and admins may look any caller up. */
export const callerHistoryQuerySchema = z.object({ callId: z.string().min(1).max(64).optional() });

export const callerHistoryOrderSchema = z.object({
  id: z.number().int(),
  category: workOrderCategorySchema,
  state: workOrderStateSchema,
  title: z.string(),
  createdAt: z.string(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  department: z.string().nullable(),
  /** The department's answer (§2.5-4: the agent gives it to the caller). */
  resolution: z.string().nullable(),
});
export type CallerHistoryOrder = z.infer<typeof callerHistoryOrderSchema>;

export const callerHistoryCallSchema = z.object({
  id: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  arrivedAt: z.string(),
  answered: z.boolean(),
  /** The agent who talked (inbound) or placed the follow-up call (outbound). */
  agentWorkNumber: z.string().nullable(),
  talkSeconds: z.number().nullable(),
  surveyResult: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
  workOrderId: z.number().int().nullable(),
});
export type CallerHistoryCall = z.infer<typeof callerHistoryCallSchema>;

export const callerHistoryResponseSchema = z.object({
  number: z.string(),
  /** Newest first, at most CALLER_HISTORY_LIMIT of each; the totals count all. */
  workOrders: z.array(callerHistoryOrderSchema),
  calls: z.array(callerHistoryCallSchema),
  totalWorkOrders: z.number().int(),
  totalCalls: z.number().int(),
});
export type CallerHistoryResponse = z.infer<typeof callerHistoryResponseSchema>;
