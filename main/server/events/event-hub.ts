import type { WebSocket } from 'ws';
import type { ServerEvent } from '../../../shared/api/events/index.js';
import type { Principal } from '../auth/principal.js';

/** Decides whether a signed-in user may see an event; every rule must agree. */
export type EventVisibilityRule = (principal: Principal, event: ServerEvent) => boolean;

/** Events anyone may see, signed in or not (the sign-in screen shows the server's state). */
const PUBLIC_EVENTS = new Set<ServerEvent['type']>(['hello']);

/** Fan-out of live events to the desks and wallboards connected on /api/v1/events. */
export class EventHub {
  private readonly sockets = new Map<WebSocket, Principal | undefined>();
  private readonly listeners = new Set<(event: ServerEvent) => void>();
  private readonly rules: EventVisibilityRule[] = [];

  add(socket: WebSocket, principal?: Principal): void {
    this.sockets.set(socket, principal);
    socket.once('close', () => this.sockets.delete(socket));
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
    const text = JSON.stringify(event);
    for (const [socket, principal] of this.sockets) {
      if (socket.readyState !== socket.OPEN || !this.visibleTo(principal, event)) continue;
      socket.send(text);
    }
    for (const listener of this.listeners) listener(event);
  }

  get connectionCount(): number {
    return this.sockets.size;
  }
}
