import { z } from 'zod';
import { formatted } from './field-issues.js';

/** An instant in a query: an ISO time or epoch milliseconds. */
const instant = z
  .string()
  .refine((v) => /^\d+$/.test(v) || !Number.isNaN(Date.parse(v)), { message: 'an ISO time or epoch milliseconds', params: { code: 'date' } })
  .transform((v) => (/^\d+$/.test(v) ? Number(v) : Date.parse(v)));

/** GET /api/v1/audit: newest first, one page at a time; every filter optional. */
export const auditQuerySchema = z.object({
  entityType: z.string().min(1).max(50).optional(),
  entityId: z.string().min(1).max(100).optional(),
  /** Who did it (a user id). */
  actorUserId: z.coerce.number().int().positive().optional(),
  /** An action or its family: `user` finds user.create, user.unlock, … */
  action: formatted(/^[a-z_.]{1,60}$/, 'invalid_format', 'lower-case letters, _ and .', { trim: true }).optional(),
  /** From this instant (inclusive) to that one (exclusive). */
  from: instant.optional(),
  to: instant.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  /** Entries to skip, newest first: the page. */
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: z.number().int().nullable(),
  /** The actor's work number and name when the actor is a user. */
  actorWorkNumber: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  callId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export const auditResponseSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** More entries match after this page. */
  hasMore: z.boolean(),
});
export type AuditResponse = z.infer<typeof auditResponseSchema>;
