import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import type { AuditService } from '../audit/audit-service.js';
import { PHONE_ROLES, type LoginResponse, type Role, type User } from '../../../shared/api/auth.js';
import { HttpError } from '../http/http-app.js';
import { burnPasswordCheck, hashPassword, sipHa1, verifyPassword } from './password-hash.js';
import { hashSessionToken, newSessionToken, SESSION_TTL_MS } from './session-token.js';
import { toUser, UserRepository, type UserRow } from './user-repository.js';
import { SessionRepository, type SessionUserRow } from './session-repository.js';
import { LoginThrottle, type CredentialThrottle, type Lockout } from './login-throttle.js';
import type { Principal } from './principal.js';

export interface SipCredentials {
  userId: number;
  /** HA1 of the agent's password (desk phones and softphones configured by hand). */
  ha1: string;
  /** Every HA1 a REGISTER may prove: the password's and those of live desk sessions' SIP secrets. */
  ha1s: string[];
  displayName: string;
}

/** Registered as ctx.services.get(SERVICES.auth). */
export interface AuthService {
  /** The principal of a valid session token, sliding its expiry; undefined otherwise. */
  authenticateToken(token: string | null | undefined): Principal | undefined;
  /** The bearer token of an HTTP request, or ?token= on a WebSocket upgrade. */
  tokenFromRequest(request: IncomingMessage): string | undefined;
  /** Digest HA1 for SIP REGISTER: active agents and team leads only. */
  sipCredentials(workNumber: string): SipCredentials | undefined;
  getUser(id: number): User | undefined;
  /** Active agents and team leads (the people who take calls), by work number. */
  listAgents(): User[];
  /** Fastify preHandler: 401 without a valid session, 403 for any role not listed. */
  requireRole(...roles: Role[]): (request: FastifyRequest) => Promise<void>;
  /** `address`: the client's IP, for the throttle (failures count per account and per address). */
  login(workNumber: string, password: string, address: string): Promise<LoginResponse>;
  /** Failed password checks, shared with SIP digest authentication. */
  throttle: CredentialThrottle;
  /** Accounts refused for failed password checks right now (the admin's 已锁定). */
  lockouts(): Lockout[];
  /** Lifts a work number's refusal (the admin's 解锁); true if it had failures to forget. */
  unlock(workNumber: string): boolean;
  logout(tokenHash: string): void;
  /** A session token hash that is still signed in and not expired (no sliding). */
  isSessionLive(tokenHash: string): boolean;
  /** Ends every session of a user (deactivated, password changed). */
  logoutUser(userId: number): void;
  setPassword(userId: number, password: string): Promise<void>;
  users: UserRepository;
}

/** Where ended sessions are announced: the event hub closes their sockets. */
export interface SessionEndListener {
  closeSession(tokenHash: string): void;
  closeUser(userId: number): void;
}

export function createAuthService(db: Db, clock: Clock, audit: AuditService, ended?: SessionEndListener): AuthService {
  const users = new UserRepository(db);
  const sessions = new SessionRepository(db);
  const throttle = new LoginThrottle(clock);

  const toPrincipal = (row: SessionUserRow): Principal => ({
    userId: row.id,
    workNumber: row.work_number,
    displayName: row.display_name,
    role: row.role,
    centerCode: row.center_code,
    department: row.department,
    expiresAt: row.expires_at,
  });

  const authenticateToken = (token: string | null | undefined): Principal | undefined => {
    // 32 bytes in base64url are 43 characters; anything else cannot be ours.
    if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
    const tokenHash = hashSessionToken(token);
    const row = sessions.find(tokenHash);
    const now = clock.now();
    if (!row) return undefined;
    if (row.expires_at <= now || row.active !== 1) {
      sessions.delete(tokenHash);
      return undefined;
    }
    // Slide, but write at most once a minute per session.
    const expiresAt = now + SESSION_TTL_MS;
    if (expiresAt - row.expires_at > 60_000) sessions.touch(tokenHash, expiresAt);
    return toPrincipal({ ...row, expires_at: Math.max(row.expires_at, expiresAt) });
  };

  const tokenFromRequest = (request: IncomingMessage): string | undefined => {
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (match) return match[1];
    // Browsers cannot set headers on a WebSocket, so upgrades may carry the token in the URL.
    if (request.headers.upgrade?.toLowerCase() === 'websocket') {
      return new URL(request.url ?? '/', 'http://localhost').searchParams.get('token') ?? undefined;
    }
    return undefined;
  };

  return {
    users,
    throttle,
    lockouts: () => throttle.lockouts(),
    unlock: (workNumber) => throttle.unlock(workNumber),
    authenticateToken,
    tokenFromRequest,

    sipCredentials(workNumber) {
      const row = users.findByWorkNumber(workNumber);
      if (!row || row.active !== 1 || !row.sip_ha1 || !(PHONE_ROLES as readonly string[]).includes(row.role)) return undefined;
      return { userId: row.id, ha1: row.sip_ha1, ha1s: [row.sip_ha1, ...sessions.sipHa1s(row.id, clock.now())], displayName: row.display_name };
    },

    getUser(id) {
      const row = users.get(id);
      return row ? toUser(row) : undefined;
    },

    listAgents() {
      return users.listActiveAgents().map(toUser);
    },

    requireRole(...roles) {
      const allowed = new Set<Role>(roles);
      return async (request) => {
        const token = tokenFromRequest(request.raw);
        const principal = authenticateToken(token);
        if (!principal) throw new HttpError(401, 'unauthenticated', 'sign in first: the session is missing or has expired');
        if (!allowed.has(principal.role)) throw new HttpError(403, 'forbidden', `the role ${principal.role} may not do this`);
        request.principal = principal;
        request.sessionTokenHash = hashSessionToken(token!);
      };
    },

    async login(workNumber, password, address) {
      const wait = throttle.retryAfterMs(workNumber, address);
      if (wait > 0) {
        const minutes = Math.ceil(wait / 60_000);
        throw new HttpError(429, 'too_many_attempts', `too many failed sign-ins for this work number or from this address; try again in ${minutes} minutes`, {
          retryAfterSeconds: Math.ceil(wait / 1000),
        });
      }
      const row: UserRow | undefined = users.findByWorkNumber(workNumber);
      let ok = false;
      if (row) ok = await verifyPassword(password, row.password_hash);
      else await burnPasswordCheck(password);
      if (!row || !ok || row.active !== 1) {
        throttle.recordFailure(workNumber, address);
        audit.record({ actorUserId: row?.id ?? null, action: 'auth.login_failed', entityType: 'user', entityId: row?.id ?? null, detail: { workNumber } });
        throw new HttpError(401, 'invalid_credentials', 'wrong work number or password');
      }
      throttle.reset(workNumber, address);
      const now = clock.now();
      sessions.purgeExpired(now);
      const token = newSessionToken();
      const sipSecret = newSessionToken();
      const expiresAt = now + SESSION_TTL_MS;
      sessions.insert(hashSessionToken(token), row.id, now, expiresAt, sipHa1(row.work_number, sipSecret));
      audit.record({ actorUserId: row.id, action: 'auth.login', entityType: 'user', entityId: row.id });
      return { token, sipSecret, expiresAt: new Date(expiresAt).toISOString(), user: toUser(row) };
    },

    logout(tokenHash) {
      sessions.delete(tokenHash);
      ended?.closeSession(tokenHash);
    },

    isSessionLive(tokenHash) {
      const row = sessions.find(tokenHash);
      return row !== undefined && row.active === 1 && row.expires_at > clock.now();
    },

    logoutUser(userId) {
      sessions.deleteForUser(userId);
      ended?.closeUser(userId);
    },

    async setPassword(userId, password) {
      const row = users.get(userId);
      if (!row) throw new HttpError(404, 'not_found', `no user ${userId}`);
      users.setPassword(userId, await hashPassword(password), sipHa1(row.work_number, password), clock.now());
      // A new password ends every session opened with the old one.
      sessions.deleteForUser(userId);
      ended?.closeUser(userId);
    },
  };
}
