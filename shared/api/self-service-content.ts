import { z } from 'zod';
import { outletSchema, policyCategorySchema, policyDocumentSchema } from './gateway.js';

/**
 * What the IVR reads to callers in 业务指南 (政策法规, 业务网点), edited by the center admin. On the
 * embedded store the admin edits the center's own tables; a center on a core system over HTTP
 * edits them there (`editable` false). Saving makes the speech the IVR plays (cached prompts).
 */

/** The prompt the IVR plays for a text, when it has been made (a `spoken-…` id, previewable). */
const spoken = z.string().nullable();

export const contentPolicySchema = policyDocumentSchema.extend({ spokenPrompt: spoken });
export type ContentPolicy = z.infer<typeof contentPolicySchema>;

export const contentOutletSchema = outletSchema.extend({
  slotCapacity: z.number().int().nonnegative(),
  /** Name and address as read, and the hours when they differ from the standard ones. */
  spokenPrompt: spoken,
});
export type ContentOutlet = z.infer<typeof contentOutletSchema>;

export const policyListResponseSchema = z.object({ editable: z.boolean(), policies: z.array(contentPolicySchema) });
export const outletListResponseSchema = z.object({ editable: z.boolean(), outlets: z.array(contentOutletSchema) });

const text = (max: number) => z.string().trim().min(1).max(max);
const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const policyRequestSchema = z.object({
  category: policyCategorySchema,
  title: text(60),
  /** What the IVR reads: keep it to a sentence or two. */
  summary: text(300),
  body: z.string().trim().max(5000).default(''),
  effectiveFrom: ymd,
});
export type PolicyRequest = z.input<typeof policyRequestSchema>;

export const outletRequestSchema = z.object({
  name: text(40),
  district: text(20),
  address: text(120),
  hours: text(120),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9-]{7,20}$/, 'a phone number: digits and -'),
  slotCapacity: z.number().int().min(0).max(100),
});
export type OutletRequest = z.infer<typeof outletRequestSchema>;
export const createOutletRequestSchema = outletRequestSchema.extend({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{2,10}$/, '2 to 10 capital letters or digits'),
});
export type CreateOutletRequest = z.infer<typeof createOutletRequestSchema>;

export const policyIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });
export const outletCodeParamsSchema = z.object({ code: z.string().min(1).max(10) });

export const CONTENT_ERROR_CODES = ['content_external', 'policy_not_found', 'outlet_not_found', 'outlet_code_taken', 'outlet_has_appointments'] as const;
