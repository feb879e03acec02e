import { z } from 'zod';
import { workNumberSchema } from './auth.js';
import { daySchema, NOTHING_TO_CHANGE, phoneNumberSchema } from './field-issues.js';
import { WORK_ORDER_CATEGORIES } from '../work-orders/categories.js';
import { WORK_ORDER_ACTIONS, WORK_ORDER_STATES } from '../work-orders/state-machine.js';

export const workOrderStateSchema = z.enum(WORK_ORDER_STATES);
export const workOrderCategorySchema = z.enum(WORK_ORDER_CATEGORIES);
export const workOrderActionSchema = z.enum(WORK_ORDER_ACTIONS);

const phone = phoneNumberSchema;
const text = (max: number) => z.string().trim().min(1).max(max);

/** POST /api/v1/work-orders: a draft, or straight to 待审核 with submit: true. */
export const createWorkOrderRequestSchema = z.object({
  category: workOrderCategorySchema,
  title: text(100),
  description: text(4000),
  callerName: text(50).optional(),
  callerNumber: phone.optional(),
  callbackNumber: phone.optional(),
  /** The call the order came from; its recording is found by this id. */
  callId: text(100).optional(),
  submit: z.boolean().optional(),
});
export type CreateWorkOrderRequest = z.infer<typeof createWorkOrderRequestSchema>;

/** PATCH /api/v1/work-orders/:id: only a draft is edited; null clears an optional field. */
export const updateWorkOrderRequestSchema = z
  .object({
    category: workOrderCategorySchema.optional(),
    title: text(100).optional(),
    description: text(4000).optional(),
    callerName: text(50).nullable().optional(),
    callerNumber: phone.nullable().optional(),
    callbackNumber: phone.nullable().optional(),
  })
  .refine((u) => Object.keys(u).length > 0, NOTHING_TO_CHANGE);
export type UpdateWorkOrderRequest = z.infer<typeof updateWorkOrderRequestSchema>;

/** §2.5-4: how the caller took the solution when the agent called back. */
export const REPLY_RESULTS = ['satisfied', 'basically_satisfied', 'unsatisfied', 'no_opinion'] as const;
export const replyResultSchema = z.enum(REPLY_RESULTS);
export type ReplyResult = z.infer<typeof replyResultSchema>;

const flag = z.enum(['1', '0', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const day = daySchema;

/**
 * GET /api/v1/work-orders: every filter is optional and they combine. `q` is an order number or
 * a caller's number; `agent` the creator's work number; from/to are days in the center's zone.
 */
export const listWorkOrdersQuerySchema = z.object({
  state: z
    .string()
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(workOrderStateSchema).min(1))
    .optional(),
  category: workOrderCategorySchema.optional(),
  id: z.coerce.number().int().positive().optional(),
  callerNumber: phone.optional(),
  department: text(50).optional(),
  agent: workNumberSchema.optional(),
  from: day.optional(),
  to: day.optional(),
  overdue: flag.optional(),
  /** 回访 as work: resolved complaints and suggestions waiting for the reply, or replied ones without a satisfaction answer yet. */
  followUp: flag.optional(),
  dueWithinHours: z.coerce
    .number()
    .positive()
    .max(24 * 31)
    .optional(),
  mine: flag.optional(),
  /** due: nearest due first (inboxes); created: newest first (search). */
  sort: z.enum(['due', 'created']).default('due'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListWorkOrdersQuery = z.infer<typeof listWorkOrdersQuerySchema>;

/** POST /api/v1/work-orders/:id/transitions */
export const transitionRequestSchema = z.object({
  action: workOrderActionSchema,
  comment: text(2000).optional(),
  department: text(50).optional(),
  resolution: text(4000).optional(),
  reply: text(4000).optional(),
  replyResult: replyResultSchema.optional(),
  /** Working days asked for (request_extension). */
  days: z.coerce.number().int().min(1).max(30).optional(),
});
export type TransitionRequest = z.infer<typeof transitionRequestSchema>;

export const workOrderIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });

export const workOrderSchema = z.object({
  id: z.number().int(),
  centerCode: z.string(),
  category: workOrderCategorySchema,
  state: workOrderStateSchema,
  title: z.string(),
  description: z.string(),
  callerName: z.string().nullable(),
  callerNumber: z.string().nullable(),
  callbackNumber: z.string().nullable(),
  callId: z.string().nullable(),
  department: z.string().nullable(),
  createdBy: z.number().int().nullable(),
  assignee: z.number().int().nullable(),
  resolution: z.string().nullable(),
  reply: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  dueAt: z.string().nullable(),
  /** The due date counts days of a year whose official holiday notice is not loaded yet: it may move when it is. */
  dueProvisional: z.boolean(),
  /** When it left 草稿 (first submission); complaints count from this instant. */
  submittedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  repliedAt: z.string().nullable(),
  replyResult: replyResultSchema.nullable(),
  /** Working days the handler asked for, awaiting the leader. */
  extensionDays: z.number().int().nullable(),
  /** Past due and not resolved yet, or resolved after its due time (it stays overdue). */
  overdue: z.boolean(),
  /** Not yet resolved and due within 24 hours. */
  dueSoon: z.boolean(),
  /** Follow-up calls (回访) placed from this order: how many, how many reached the caller, the last, the last satisfaction given (1 满意, 2 基本满意, 3 不满意). */
  /** What the signed-in user may do to this order now: the desk shows these buttons only. */
  actions: z.array(workOrderActionSchema),
  /** A draft its creator (or a lead) may still edit. */
  editable: z.boolean(),
  followUps: z.object({
    count: z.number().int(),
    answered: z.number().int(),
    lastAt: z.string().nullable(),
    lastSurvey: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
  }),
});
export type WorkOrder = z.infer<typeof workOrderSchema>;

export const workOrderHistoryEntrySchema = z.object({
  at: z.string(),
  actorUserId: z.number().int(),
  actorName: z.string().nullable(),
  action: z.union([workOrderActionSchema, z.literal('create'), z.literal('edit')]),
  from: workOrderStateSchema.nullable(),
  to: workOrderStateSchema,
  comment: z.string().nullable(),
  department: z.string().nullable(),
  /** Working days asked for, granted or refused (extension steps). */
  days: z.number().int().nullable(),
  /** The caller's reaction recorded with a reply. */
  replyResult: replyResultSchema.nullable(),
});
export type WorkOrderHistoryEntry = z.infer<typeof workOrderHistoryEntrySchema>;

export const followUpCallSchema = z.object({
  callId: z.string(),
  at: z.string(),
  agentWorkNumber: z.string(),
  number: z.string(),
  answered: z.boolean(),
  talkSeconds: z.number().int().nullable(),
  endReason: z.string().nullable(),
  /** 回访调查: the satisfaction the citizen keyed after the agent handed them to the question. */
  surveyResult: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
});
export type FollowUpCallSummary = z.infer<typeof followUpCallSchema>;

export const workOrderDetailSchema = workOrderSchema.extend({ history: z.array(workOrderHistoryEntrySchema), followUpCalls: z.array(followUpCallSchema) });
export type WorkOrderDetail = z.infer<typeof workOrderDetailSchema>;

export const workOrderListResponseSchema = z.object({ workOrders: z.array(workOrderSchema), total: z.number().int() });
export type WorkOrderListResponse = z.infer<typeof workOrderListResponseSchema>;

/** GET /api/v1/work-orders/on-time: orders resolved in [from, to] (center days), on time or late, by category or department. */
export const onTimeQuerySchema = z.object({
  from: day,
  to: day,
  by: z.enum(['category', 'department']).default('category'),
});
export type OnTimeQuery = z.infer<typeof onTimeQuerySchema>;

const onTimeRowSchema = z.object({
  /** The category or department; null for orders resolved with no department recorded. */
  key: z.string().nullable(),
  resolved: z.number().int(),
  onTime: z.number().int(),
  /** onTime ÷ resolved × 100, 2 decimals; null when nothing was resolved. */
  rate: z.number().nullable(),
});
export const onTimeResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  by: z.enum(['category', 'department']),
  rows: z.array(onTimeRowSchema),
  total: onTimeRowSchema,
});
export type OnTimeResponse = z.infer<typeof onTimeResponseSchema>;
