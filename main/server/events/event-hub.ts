import type { WebSocket } from 'ws';
import type { ServerEvent } from '../../../shared/api/events/index.js';
import type { Principal } from '../auth/principal.js';

/** Decides whether a signed-in user may see an event; every rule must agree. */
export type EventVisibilityRule = (principal: Principal, event: ServerEvent) => boolean;

/** Called as a socket joins, after hello: `send` writes to that socket only (no visibility rules apply). */
export type JoinListener = (principal: Principal | undefined, send: (event: ServerEvent) => void) => void;

/** Events anyone may see, signed in or not (the sign-in screen shows the server's state). */
const PUBLIC_EVENTS = new Set<ServerEvent['type']>(['hello']);

/** Close code for a socket whose session ended (logout, expiry, password change, deactivation). */
export const SESSION_ENDED_CLOSE_CODE = 4401;
/** How stale a socket's session check may be when an event goes out. */
const SESSION_CHECK_INTERVAL_MS = 30_000;

interface Member {
  principal: Principal | undefined;
  /** Hash of the session token the socket signed in with; undefined for anonymous sockets. */
  session: string | undefined;
}

/** How the hub learns whether a session is still alive (the auth module provides it). */
export interface SessionCheck {
  isLive(session: string): boolean;
  now(): number;
}

/**
 * Fan-out of live events to the desks and wallboards connected on /api/v1/events. A socket lives
 * no longer than its session: closed at once on logout, and found out within 30 s (or before the
 * next event) once the session expired.
 */
export class EventHub {
  private readonly sockets = new Map<WebSocket, Member>();
  private readonly listeners = new Set<(event: ServerEvent) => void>();
  private readonly joinListeners = new Set<JoinListener>();
  private readonly rules: EventVisibilityRule[] = [];
  private sessionCheck: SessionCheck | undefined;
  private lastCheck = 0;

  add(socket: WebSocket, principal?: Principal, session?: string): void {
    this.sockets.set(socket, { principal, session });
    socket.once('close', () => this.sockets.delete(socket));
    const send = (event: ServerEvent) => socket.readyState === socket.OPEN && socket.send(JSON.stringify(event));
    for (const listener of this.joinListeners) listener(principal, send);
  }

  /** A module sends a socket that just joined what it needs first (the team lead's board snapshot). */
  onJoin(listener: JoinListener): () => void {
    this.joinListeners.add(listener);
    return () => this.joinListeners.delete(listener);
  }

  setSessionCheck(check: SessionCheck): void {
    this.sessionCheck = check;
    this.lastCheck = check.now();
  }

  /** A session ended (logout): its sockets close now. */
  closeSession(session: string, reason = 'signed out'): void {
    this.closeWhere((m) => m.session === session, reason);
  }

  /** Every session of a user ended (password changed, deactivated). */
  closeUser(userId: number, reason = 'signed out'): void {
    this.closeWhere((m) => m.principal?.userId === userId, reason);
  }

  /** Closes the sockets whose session is no longer live. */
  revalidate(): void {
    const check = this.sessionCheck;
    if (!check) return;
    this.lastCheck = check.now();
    this.closeWhere((m) => m.session !== undefined && !check.isLive(m.session), 'session expired');
  }

  private closeWhere(match: (m: Member) => boolean, reason: string): void {
    for (const [socket, member] of this.sockets) {
      if (!match(member)) continue;
      this.sockets.delete(socket);
      socket.close(SESSION_ENDED_CLOSE_CODE, reason);
    }
  }

  /** Modules add the rules of their domain (e.g. a department sees only its own work orders). */
  addVisibilityRule(rule: EventVisibilityRule): void {
    this.rules.push(rule);
  }

  /** In-process listeners (tests, other modules) see every event. */
  subscribe(listener: (event: ServerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  visibleTo(principal: Principal | undefined, event: ServerEvent): boolean {
    if (PUBLIC_EVENTS.has(event.type)) return true;
    if (!principal) return false;
    return this.rules.every((rule) => rule(principal, event));
  }

  publish(event: ServerEvent): void {
    if (this.sessionCheck && this.sessionCheck.now() - this.lastCheck >= SESSION_CHECK_INTERVAL_MS) this.revalidate();
    const text = JSON.stringify(event);
    for (const [socket, { principal }] of this.sockets) {
      if (socket.readyState !== socket.OPEN || !this.visibleTo(principal, event)) continue;
      socket.send(text);
    }
    for (const listener of this.listeners) listener(event);
  }

  get connectionCount(): number {
    return this.sockets.size;
  }
}
