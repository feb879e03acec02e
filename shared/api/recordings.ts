import { z } from 'zod';

/**
 * Call records and their recordings, for team leads, quality checkers (质检) and admins. Agents
 * never play recordings. A list shows the caller's number masked; the recording is streamed.
 */

export const RECORDING_ROLES = ['team_lead', 'quality', 'center_admin'] as const;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** GET /api/v1/recordings/calls — days are the center's local dates, both included. */
export const callSearchQuerySchema = z
  .object({
    from: day,
    to: day,
    caller: z
      .string()
      .regex(/^\d{3,20}$/, '3 to 20 digits')
      .optional(),
    agent: z
      .string()
      .regex(/^\d{3,8}$/, '3 to 8 digits')
      .optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export type CallSearchQuery = z.infer<typeof callSearchQuerySchema>;

export const recordedCallSchema = z.object({
  id: z.string(),
  arrivedAt: z.string(),
  answeredAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  direction: z.enum(['inbound', 'outbound']),
  /** 138****5678: the list never shows a citizen's whole number. */
  callerMasked: z.string(),
  agentWorkNumber: z.string().nullable(),
  agentName: z.string().nullable(),
  talkSeconds: z.number().nullable(),
  /** Recording segments (1, 2, … after transfers or monitoring); 0 when nothing was recorded. */
  segments: z.number().int(),
  /** The work orders opened from this call, oldest first: quality opens them read-only from here. */
  workOrderIds: z.array(z.number().int()).default([]),
});
export type RecordedCall = z.infer<typeof recordedCallSchema>;
export const callSearchResponseSchema = z.object({ calls: z.array(recordedCallSchema) });
export type CallSearchResponse = z.infer<typeof callSearchResponseSchema>;

/** GET /api/v1/calls/:callId/recording?segment=N (default 1); also ?ticket= for an <audio> element. */
export const recordingQuerySchema = z.object({
  segment: z.coerce.number().int().min(1).max(99).default(1),
  ticket: z.string().min(1).max(100).optional(),
});

/** POST /api/v1/calls/:callId/recording/ticket — a URL an <audio> element can fetch (it sends no headers). */
export const recordingTicketResponseSchema = z.object({
  /** The recording's URL with the ticket (segment 1 unless `&segment=N` is added). */
  url: z.string(),
  /** The ticket alone, for a desk that builds the URL from the route table. */
  ticket: z.string(),
  segments: z.number().int(),
  expiresAt: z.string(),
});
export type RecordingTicketResponse = z.infer<typeof recordingTicketResponseSchema>;

/** GET /api/v1/recordings/usage */
export const recordingUsageSchema = z.object({ files: z.number().int(), bytes: z.number(), freeBytes: z.number(), retentionDays: z.number().int() });
export type RecordingUsage = z.infer<typeof recordingUsageSchema>;

/** Keeps the first three and last four digits: 13812345678 → 138****5678; short numbers keep the last two. */
export function maskPhone(number: string): string {
  const value = number.trim();
  if (value.length <= 4) return '*'.repeat(value.length);
  if (value.length <= 7) return '*'.repeat(value.length - 2) + value.slice(-2);
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}
