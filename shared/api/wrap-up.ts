import { z } from 'zod';
import { daySchema, NOTHING_TO_CHANGE } from './field-issues.js';

/** One of the center's wrap-up (disposition) codes, given to each call in after-call work. */
export const wrapUpCodeSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  label: z.string(),
  active: z.boolean(),
  sortOrder: z.number().int(),
});
export type WrapUpCode = z.infer<typeof wrapUpCodeSchema>;

/** GET /api/v1/wrap-up-codes: the codes (active ones for agents) and whether one is required before leaving ACW. */
export const wrapUpCodesResponseSchema = z.object({ codes: z.array(wrapUpCodeSchema), required: z.boolean() });
export type WrapUpCodesResponse = z.infer<typeof wrapUpCodesResponseSchema>;

/** POST /api/v1/wrap-up-codes (center admin). */
export const createWrapUpCodeRequestSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _'),
  label: z.string().trim().min(1).max(50),
  sortOrder: z.number().int().min(0).max(999).default(0),
});
export type CreateWrapUpCodeRequest = z.input<typeof createWrapUpCodeRequestSchema>;

/** PATCH /api/v1/wrap-up-codes/:id (center admin): relabel, reorder, retire (never deleted: reports keep them). */
export const updateWrapUpCodeRequestSchema = z
  .object({ label: z.string().trim().min(1).max(50), active: z.boolean(), sortOrder: z.number().int().min(0).max(999) })
  .partial()
  .refine((v) => Object.keys(v).length > 0, NOTHING_TO_CHANGE);
export type UpdateWrapUpCodeRequest = z.input<typeof updateWrapUpCodeRequestSchema>;

export const wrapUpCodeIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });

/** PUT /api/v1/wrap-up-codes/settings (center admin). */
export const wrapUpSettingsRequestSchema = z.object({ required: z.boolean() });

/** POST /api/v1/calls/:callId/wrap-up: the agent's code for their part of the call (again to change it). */
export const setWrapUpRequestSchema = z.object({ codeId: z.number().int().positive() });

/** GET /api/v1/wrap-up-codes/report?from&to: the center's days, from defaulting to today and to to from. */
export const wrapUpReportQuerySchema = z.object({ from: daySchema.optional(), to: daySchema.optional() });

/** Calls coded, per agent and per code. */
export const wrapUpReportResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(
    z.object({
      agentId: z.number().int(),
      workNumber: z.string(),
      displayName: z.string(),
      codeId: z.number().int(),
      code: z.string(),
      label: z.string(),
      calls: z.number().int(),
    }),
  ),
  byCode: z.array(z.object({ codeId: z.number().int(), code: z.string(), label: z.string(), calls: z.number().int() })),
});
export type WrapUpReportResponse = z.infer<typeof wrapUpReportResponseSchema>;
