import { z } from 'zod';
import { NOTHING_TO_CHANGE } from './field-issues.js';
import { workNumberSchema } from './auth.js';

/** A department work orders are dispatched to (§2.5-2): a managed record, never free text. */
export const departmentMemberSchema = z.object({ id: z.number().int(), workNumber: z.string(), displayName: z.string() });
export type DepartmentMember = z.infer<typeof departmentMemberSchema>;

export const departmentSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
  leader: departmentMemberSchema.nullable(),
  /** The department's handlers: users with the role department_handler and this department. */
  handlers: z.array(departmentMemberSchema),
  /** Its extension, dialled through the center's trunk when an agent transfers a caller to it (migration 0019). */
  phone: z.string().nullable(),
});
export type Department = z.infer<typeof departmentSchema>;

const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,20}$/, '1 to 20 letters, digits, - or _');
const name = z.string().trim().min(1).max(50);
/** Digits only, as the trunk dials it; the center's dial plan must allow it too (checked by the server). */
const phone = z
  .string()
  .trim()
  .regex(/^\d{3,20}$/, '3 to 20 digits');

export const createDepartmentRequestSchema = z.object({
  code,
  name,
  leaderWorkNumber: workNumberSchema.nullable().optional(),
  /** Department handlers who move to this department. */
  handlerWorkNumbers: z.array(workNumberSchema).max(200).optional(),
  phone: phone.nullable().optional(),
});
export type CreateDepartmentRequest = z.infer<typeof createDepartmentRequestSchema>;

export const updateDepartmentRequestSchema = z
  .object({
    name: name.optional(),
    leaderWorkNumber: workNumberSchema.nullable().optional(),
    handlerWorkNumbers: z.array(workNumberSchema).max(200).optional(),
    active: z.boolean().optional(),
    phone: phone.nullable().optional(),
  })
  .refine((d) => Object.keys(d).length > 0, NOTHING_TO_CHANGE);
export type UpdateDepartmentRequest = z.infer<typeof updateDepartmentRequestSchema>;

export const departmentIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });
export const departmentListResponseSchema = z.object({ departments: z.array(departmentSchema) });
export type DepartmentListResponse = z.infer<typeof departmentListResponseSchema>;
