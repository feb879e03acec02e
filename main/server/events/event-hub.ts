import type { WebSocket } from 'ws';
import type { ServerEvent } from '../../../shared/api/events/index.js';

export interface EventSubscriber {
  /** Roles and center of the signed-in user, so that each event reaches only who may see it. */
  filter?(event: ServerEvent): boolean;
}

/** Fan-out of live events to the desks and wallboards connected on /api/v1/events. */
export class EventHub {
  private readonly sockets = new Map<WebSocket, EventSubscriber>();
  private readonly listeners = new Set<(event: ServerEvent) => void>();

  add(socket: WebSocket, subscriber: EventSubscriber = {}): void {
    this.sockets.set(socket, subscriber);
    socket.once('close', () => this.sockets.delete(socket));
  }

  /** In-process listeners (tests, other modules) see every event. */
  subscribe(listener: (event: ServerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: ServerEvent): void {
    const text = JSON.stringify(event);
    for (const [socket, subscriber] of this.sockets) {
      if (socket.readyState !== socket.OPEN) continue;
      if (subscriber.filter && !subscriber.filter(event)) continue;
      socket.send(text);
    }
    for (const listener of this.listeners) listener(event);
  }

  get connectionCount(): number {
    return this.sockets.size;
  }
}
