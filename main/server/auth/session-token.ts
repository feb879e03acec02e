import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: what the desk keeps and sends as "Bearer <token>". */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The database keeps only this digest, so a copied database holds no usable token. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
