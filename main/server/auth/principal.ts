import type { FastifyRequest } from 'fastify';
import type { Role } from '../../../shared/api/auth.js';
import { HttpError } from '../http/http-app.js';

/** The signed-in user behind a request or a socket. */
export interface Principal {
  userId: number;
  workNumber: string;
  displayName: string;
  role: Role;
  centerCode: string;
  department: string | null;
  /** Epoch ms the session expires unless used again. */
  expiresAt: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by requireRole(); undefined on routes without it. */
    principal?: Principal;
    /** sha256 of the bearer token, for logout. */
    sessionTokenHash?: string;
  }
}

/** The principal of a route guarded by requireRole(); a 401 if the guard was forgotten. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new HttpError(401, 'unauthenticated', 'sign in first');
  return request.principal;
}

/** Center data belongs to its center: anyone from another center gets a 403. */
export function assertCenter(principal: Principal, centerCode: string): void {
  if (principal.centerCode !== centerCode) throw new HttpError(403, 'forbidden', 'this record belongs to another center');
}
