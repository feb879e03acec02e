import { z } from 'zod';
import { WORK_ORDER_ACTIONS, WORK_ORDER_STATES } from '../../work-orders/state-machine.js';

/**
 * A work order was created or changed state. No caller details: desks that care fetch the order,
 * which checks who may see it.
 */
export const workOrderChangedEventSchema = z.object({
  type: z.literal('work-order.changed'),
  workOrderId: z.number().int(),
  centerCode: z.string(),
  action: z.union([z.enum(WORK_ORDER_ACTIONS), z.literal('create'), z.literal('edit')]),
  from: z.enum(WORK_ORDER_STATES).nullable(),
  state: z.enum(WORK_ORDER_STATES),
  department: z.string().nullable(),
  actorUserId: z.number().int(),
  at: z.string(),
});
export type WorkOrderChangedEvent = z.infer<typeof workOrderChangedEventSchema>;

/** A follow-up call (回访) of this order ended, with or without a satisfaction answer: fetch the order again. */
export const workOrderFollowUpEventSchema = z.object({
  type: z.literal('work-order.follow-up'),
  workOrderId: z.number().int(),
  centerCode: z.string(),
  department: z.string().nullable(),
  callId: z.string(),
  at: z.string(),
});
export type WorkOrderFollowUpEvent = z.infer<typeof workOrderFollowUpEventSchema>;

/**
 * 督办: an open order is due within a day, or past due. Sent once per level and due time to the
 * handler (or the department's handlers), the department's leader and the hotline's leaders.
 */
export const workOrderDueEventSchema = z.object({
  type: z.literal('work-order.due'),
  workOrderId: z.number().int(),
  centerCode: z.string(),
  department: z.string().nullable(),
  level: z.enum(['due_soon', 'overdue']),
  dueAt: z.string(),
  recipients: z.array(z.number().int()),
  at: z.string(),
});
export type WorkOrderDueEvent = z.infer<typeof workOrderDueEventSchema>;

/** Events of this domain pushed on /api/v1/events. */
export const workOrderEventSchemas = [
  workOrderChangedEventSchema,
  workOrderFollowUpEventSchema,
  workOrderDueEventSchema,
] as const satisfies readonly z.ZodObject[];
