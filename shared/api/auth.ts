import { z } from 'zod';
import { formatted, NOTHING_TO_CHANGE } from './field-issues.js';

/** Every role of the hotline: the center's staff, its departments, and the supervisors above it (§3.1). */
export const ROLES = ['agent', 'team_lead', 'quality', 'department_handler', 'department_leader', 'center_admin', 'province', 'ministry'] as const;
export const roleSchema = z.enum(ROLES);
/**
 * The roles that take calls: a softphone that registers, agent states, the desk. The center's
 * admin runs the system (users, IVR, backups) and watches the board, but has no extension.
 */
export const PHONE_ROLES = ['agent', 'team_lead'] as const satisfies readonly (typeof ROLES)[number][];
export type Role = z.infer<typeof roleSchema>;

export const workNumberSchema = formatted(/^\d{3,8}$/, 'work_number', '3 to 8 digits');
/** Long enough to resist guessing; the upper bound keeps scrypt input reasonable. */
export const newPasswordSchema = z.string().min(8, 'at least 8 characters').max(128);

export const loginRequestSchema = z.object({
  workNumber: workNumberSchema,
  password: z.string().min(1).max(128),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const userSchema = z.object({
  id: z.number().int(),
  workNumber: z.string(),
  displayName: z.string(),
  role: roleSchema,
  centerCode: z.string(),
  department: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;

export const loginResponseSchema = z.object({
  token: z.string(),
  /** Secret for the softphone's SIP digest auth, valid as long as this session. */
  sipSecret: z.string(),
  /** ISO time; the expiry slides forward with every authenticated request. */
  expiresAt: z.string(),
  user: userSchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const meResponseSchema = z.object({ user: userSchema, expiresAt: z.string() });
export type MeResponse = z.infer<typeof meResponseSchema>;

/** The admin's view of a user: also whether the account is active, and whether failed sign-ins lock it. */
export const adminUserSchema = userSchema.extend({
  active: z.boolean(),
  createdAt: z.string(),
  /** ISO time the refusal for failed password checks ends by itself; null when not locked. */
  lockedUntil: z.string().nullable().default(null),
});
export type AdminUser = z.infer<typeof adminUserSchema>;

const departmentSchema = z.string().trim().min(1).max(50);
/** Department users work for one department; the others may name one for information. */
const needsDepartment = (role: Role | undefined) => role === 'department_handler';

export const createUserRequestSchema = z
  .object({
    workNumber: workNumberSchema,
    displayName: z.string().trim().min(1).max(50),
    role: roleSchema,
    department: departmentSchema.nullable().optional(),
    password: newPasswordSchema,
  })
  .refine((u) => !needsDepartment(u.role) || !!u.department, {
    message: 'a department handler needs a department',
    path: ['department'],
    params: { code: 'required' },
  });
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z
  .object({
    displayName: z.string().trim().min(1).max(50).optional(),
    role: roleSchema.optional(),
    department: departmentSchema.nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((u) => Object.keys(u).length > 0, NOTHING_TO_CHANGE);
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

export const setPasswordRequestSchema = z.object({ password: newPasswordSchema });
export type SetPasswordRequest = z.infer<typeof setPasswordRequestSchema>;

export const userIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });

/** An account refused for failed password checks (login-throttle.ts), as the admin sees it. */
export const lockoutSchema = z.object({
  workNumber: z.string(),
  /** The user of that work number, or null for a number nobody has (a guesser's). */
  userId: z.number().int().nullable(),
  failures: z.number().int(),
  lockedUntil: z.string(),
});
export type Lockout = z.infer<typeof lockoutSchema>;
export const lockoutsResponseSchema = z.object({ lockouts: z.array(lockoutSchema) });
