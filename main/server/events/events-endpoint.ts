import type { WebSocketRoute } from '../http/upgrade-router.js';
import type { Logger } from '../logger.js';
import { APP_VERSION } from '../app-root.js';
import type { ServerEvent } from '../../../shared/api/events/index.js';
import type { EventHub } from './event-hub.js';

/** Live events for desks and wallboards at /api/v1/events. */
export function eventsRoute(hub: EventHub, logger: Logger): WebSocketRoute {
  return {
    path: '/api/v1/events',
    onConnection(socket) {
      const hello: ServerEvent = { type: 'hello', version: APP_VERSION, serverTime: new Date().toISOString() };
      socket.send(JSON.stringify(hello));
      hub.add(socket);
      socket.on('error', (error) => logger.debug({ err: error }, 'events socket error'));
    },
  };
}
