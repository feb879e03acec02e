import type { IncomingMessage } from 'node:http';
import type { WebSocketRoute } from '../http/upgrade-router.js';
import type { Logger } from '../logger.js';
import { APP_VERSION } from '../app-root.js';
import type { ServerEvent } from '../../../shared/api/events/index.js';
import type { Principal } from '../auth/principal.js';
import type { EventHub } from './event-hub.js';
import { hashSessionToken } from '../auth/session-token.js';
import { EVENTS_PATH } from '../../../shared/api/routes.js';

/** Resolves the signed-in user of an upgrade request (?token=), if any. */
export type SocketAuthenticator = (request: IncomingMessage) => Principal | undefined;

/**
 * Live events for desks and wallboards at /api/v1/events. Without a token a socket gets only
 * public events; with a bad token it is closed, so a desk knows to sign in again.
 */
export function eventsRoute(hub: EventHub, logger: Logger, authenticate?: SocketAuthenticator): WebSocketRoute {
  return {
    path: EVENTS_PATH,
    onConnection(socket, request) {
      const token = new URL(request.url ?? '/', 'http://localhost').searchParams.get('token');
      const hasToken = token !== null;
      const principal = authenticate?.(request);
      if (hasToken && !principal) {
        socket.close(4401, 'session expired');
        return;
      }
      const hello: ServerEvent = { type: 'hello', version: APP_VERSION, serverTime: new Date().toISOString() };
      socket.send(JSON.stringify(hello));
      // The session (its token's hash) is kept so that its logout or expiry closes this socket.
      hub.add(socket, principal, principal && token ? hashSessionToken(token) : undefined);
      socket.on('error', (error) => logger.debug({ err: error }, 'events socket error'));
    },
  };
}
