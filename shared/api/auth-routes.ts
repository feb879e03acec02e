import { z } from 'zod';
import { defineRoute, noContent } from './route.js';
import {
  adminUserSchema,
  createUserRequestSchema,
  loginRequestSchema,
  lockoutsResponseSchema,
  loginResponseSchema,
  meResponseSchema,
  setPasswordRequestSchema,
  updateUserRequestSchema,
  userIdParamsSchema,
} from './auth.js';

/** Signing in and out, and who is signed in. */
export const authRoutes = {
  login: defineRoute({ method: 'POST', path: '/api/v1/auth/login', body: loginRequestSchema, response: loginResponseSchema }),
  logout: defineRoute({ method: 'POST', path: '/api/v1/auth/logout', response: noContent, status: 204 }),
  me: defineRoute({ method: 'GET', path: '/api/v1/auth/me', response: meResponseSchema }),
};

/** User administration for the center admin, within the admin's own center. */
export const userRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/v1/users', response: z.object({ users: z.array(adminUserSchema) }) }),
  create: defineRoute({ method: 'POST', path: '/api/v1/users', body: createUserRequestSchema, response: adminUserSchema, status: 201 }),
  update: defineRoute({ method: 'PATCH', path: '/api/v1/users/:id', params: userIdParamsSchema, body: updateUserRequestSchema, response: adminUserSchema }),
  setPassword: defineRoute({
    method: 'POST',
    path: '/api/v1/users/:id/password',
    params: userIdParamsSchema,
    body: setPasswordRequestSchema,
    response: noContent,
    status: 204,
  }),
  /** Accounts refused right now for failed sign-ins (also guessed numbers nobody has). */
  lockouts: defineRoute({ method: 'GET', path: '/api/v1/users/lockouts', response: lockoutsResponseSchema }),
  /** Lifts a user's refusal for failed sign-ins; audited. */
  unlock: defineRoute({ method: 'POST', path: '/api/v1/users/:id/unlock', params: userIdParamsSchema, response: noContent, status: 204 }),
};
