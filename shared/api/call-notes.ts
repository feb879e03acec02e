import { z } from 'zod';
import { phoneNumberSchema } from './field-issues.js';
import { CALL_NOTE_CATEGORIES } from '../call-notes/restatement.js';
import { callbackNumberProblem } from '../call-notes/callback-number.js';

const phone = phoneNumberSchema;
const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * POST /api/v1/call-notes: saved after the caller confirmed the restatement (§2.4-5). The server
 * stores the restatement generated from these fields by the same function the desk shows.
 */
export const createCallNoteRequestSchema = z
  .object({
    callId: text(100).optional(),
    category: z.enum(CALL_NOTE_CATEGORIES),
    topic: text(100),
    description: z.string().trim().max(4000).default(''),
    callerName: text(50).optional(),
    callerNumber: phone.optional(),
    callbackNumber: phone.optional(),
    answeredOnCall: z.boolean().optional(),
  })
  // §2.5: a note that opens a work order promises a reply, so it needs a number to reply to (the desk checks first).
  .refine((note) => callbackNumberProblem(note) !== 'required', {
    path: ['callbackNumber'],
    message: 'a callback number is needed: this note opens a work order',
    params: { code: 'required' },
  });
export type CreateCallNoteRequest = z.input<typeof createCallNoteRequestSchema>;

export const callNoteSchema = z.object({
  id: z.number().int(),
  callId: z.string().nullable(),
  agentId: z.number().int(),
  category: z.enum(CALL_NOTE_CATEGORIES),
  topic: z.string(),
  description: z.string(),
  callerName: z.string().nullable(),
  callerNumber: z.string().nullable(),
  callbackNumber: z.string().nullable(),
  answeredOnCall: z.boolean().nullable(),
  restatement: z.string(),
  confirmedAt: z.string(),
  workOrderId: z.number().int().nullable(),
  /** Due time of the work order opened from this note, if any. */
  workOrderDueAt: z.string().nullable(),
  /** That due time counts days of a year without its official holiday notice (see workOrderSchema.dueProvisional). */
  workOrderDueProvisional: z.boolean(),
});
export type CallNote = z.infer<typeof callNoteSchema>;

export const listCallNotesQuerySchema = z.object({
  callId: text(100).optional(),
  mine: z.enum(['1', '0']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
