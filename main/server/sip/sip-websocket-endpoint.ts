import type { WebSocket } from 'ws';
import type { WebSocketRoute } from '../http/upgrade-router.js';
import type { Logger } from '../logger.js';
import { unavailableReply } from './unavailable-reply.js';

/**
 * SIP over WebSocket (RFC 7118) at /sip. Until the voice core's SIP stack is attached, every
 * request is answered 503 so that a softphone gets a clear, standard refusal.
 */
export function sipWebSocketRoute(logger: Logger, onMessage?: (socket: WebSocket, text: string) => void): WebSocketRoute {
  return {
    path: '/sip',
    protocol: 'sip',
    onConnection(socket, request) {
      logger.debug({ remote: request.socket.remoteAddress }, 'sip websocket connected');
      socket.on('message', (data, isBinary) => {
        const text = isBinary ? Buffer.from(data as Buffer).toString('utf8') : data.toString();
        if (onMessage) return onMessage(socket, text);
        const reply = unavailableReply(text);
        if (reply) socket.send(reply);
      });
    },
  };
}
