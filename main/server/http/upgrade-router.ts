import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../logger.js';

export interface WebSocketRoute {
  path: string;
  /** Subprotocol the client must offer (RFC 7118 requires "sip" for SIP over WebSocket). */
  protocol?: string;
  onConnection(socket: WebSocket, request: IncomingMessage): void;
}

/** Routes HTTP upgrades by path to one WebSocket server per endpoint; anything else is refused. */
export function attachWebSocketRoutes(server: Server, routes: readonly WebSocketRoute[], logger: Logger): () => void {
  const servers = new Map<string, { route: WebSocketRoute; wss: WebSocketServer }>();
  for (const route of routes) {
    const wss = new WebSocketServer({
      noServer: true,
      maxPayload: 256 * 1024,
      handleProtocols: (offered) => (route.protocol ? (offered.has(route.protocol) ? route.protocol : false) : (offered.values().next().value ?? false)),
    });
    wss.on('connection', (socket, request) => route.onConnection(socket, request));
    servers.set(route.path, { route, wss });
  }

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const entry = servers.get(path);
    if (!entry) return refuse(socket, 404, 'Not Found');
    const offered = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    if (entry.route.protocol && !offered.includes(entry.route.protocol)) {
      logger.warn({ path, offered }, 'websocket refused: missing subprotocol');
      return refuse(socket, 400, 'Bad Request');
    }
    entry.wss.handleUpgrade(request, socket, head, (ws) => entry.wss.emit('connection', ws, request));
  };
  server.on('upgrade', onUpgrade);

  return () => {
    server.off('upgrade', onUpgrade);
    for (const { wss } of servers.values()) {
      for (const client of wss.clients) client.terminate();
      wss.close();
    }
  };
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
