// Reminder-call lists (§1.2 回访: policy or rate changes, repayment dates): a team lead lists the
// numbers, assigns them to agents; each agent calls theirs through the follow-up call path, records
// every attempt, and marks a number done (who and when are kept).
import { z } from 'zod';
import { workNumberSchema } from './auth.js';

export const FOLLOW_UP_REASONS = ['policy_change', 'rate_change', 'repayment_date', 'other'] as const;
export type FollowUpReason = (typeof FOLLOW_UP_REASONS)[number];
export const ATTEMPT_OUTCOMES = ['answered', 'no_answer', 'busy', 'wrong_number'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];
export const MAX_LIST_ENTRIES = 1000;

const phone = z
  .string()
  .trim()
  .regex(/^\+?\d{3,20}$/, 'a phone number of 3–20 digits');

export const createFollowUpListRequestSchema = z.object({
  title: z.string().trim().min(1).max(100),
  reason: z.enum(FOLLOW_UP_REASONS),
  /** What the agents tell the citizens. */
  script: z.string().max(2000).default(''),
  entries: z
    .array(z.object({ number: phone, name: z.string().trim().max(50).optional() }))
    .min(1)
    .max(MAX_LIST_ENTRIES)
    .refine((e) => new Set(e.map((x) => x.number)).size === e.length, 'a number is listed twice'),
  /** Agents the numbers are shared among, in turn; none: assigned later. */
  assignTo: z.array(workNumberSchema).max(100).optional(),
});
export type CreateFollowUpListRequest = z.input<typeof createFollowUpListRequestSchema>;

export const assignEntriesRequestSchema = z.object({
  agent: workNumberSchema,
  /** Omitted: every number of the list not yet assigned and not done. */
  entryIds: z.array(z.number().int().positive()).min(1).max(MAX_LIST_ENTRIES).optional(),
});
export type AssignEntriesRequest = z.infer<typeof assignEntriesRequestSchema>;

export const recordAttemptRequestSchema = z.object({
  /** The follow-up call's record id (the desk learns it from X-12329-Call-Id). */
  callId: z.string().min(1).max(64),
  outcome: z.enum(ATTEMPT_OUTCOMES),
  note: z.string().trim().max(500).optional(),
});
export type RecordAttemptRequest = z.infer<typeof recordAttemptRequestSchema>;

export const markDoneRequestSchema = z.object({ result: z.string().trim().min(1).max(500) });
export type MarkDoneRequest = z.infer<typeof markDoneRequestSchema>;

export const idParamsSchema = z.object({ id: z.coerce.number().int().positive() });

export const followUpAttemptSchema = z.object({
  callId: z.string(),
  at: z.string(),
  agentWorkNumber: z.string(),
  outcome: z.enum(ATTEMPT_OUTCOMES),
  note: z.string().nullable(),
});
export type FollowUpAttempt = z.infer<typeof followUpAttemptSchema>;

export const followUpEntrySchema = z.object({
  id: z.number().int(),
  listId: z.number().int(),
  number: z.string(),
  name: z.string().nullable(),
  assignee: z.string().nullable(),
  assignedAt: z.string().nullable(),
  done: z.object({ at: z.string(), by: z.string(), result: z.string().nullable() }).nullable(),
  attempts: z.array(followUpAttemptSchema),
});
export type FollowUpEntry = z.infer<typeof followUpEntrySchema>;

export const followUpListSummarySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  reason: z.enum(FOLLOW_UP_REASONS),
  script: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  total: z.number().int(),
  assigned: z.number().int(),
  done: z.number().int(),
});
export type FollowUpListSummary = z.infer<typeof followUpListSummarySchema>;

export const followUpListDetailSchema = followUpListSummarySchema.extend({ entries: z.array(followUpEntrySchema) });
export type FollowUpListDetail = z.infer<typeof followUpListDetailSchema>;

export const followUpListsResponseSchema = z.object({ lists: z.array(followUpListSummarySchema) });
export type FollowUpListsResponse = z.infer<typeof followUpListsResponseSchema>;

/** An agent's numbers to call: not done first, with their list's title and script. */
export const myFollowUpsResponseSchema = z.object({
  entries: z.array(followUpEntrySchema.extend({ listTitle: z.string(), script: z.string(), reason: z.enum(FOLLOW_UP_REASONS) })),
});
export type MyFollowUpsResponse = z.infer<typeof myFollowUpsResponseSchema>;
