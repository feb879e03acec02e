import type { IncomingMessage } from 'node:http';
import { WebSocket } from 'ws';
import type { WebSocketRoute } from '../http/upgrade-router.js';
import type { Logger } from '../logger.js';
import type { InboundHandler, SipFlow } from './flow.js';
import type { SipTraffic } from './sip-traffic.js';

let nextFlow = 1;

/** SIP over WebSocket (RFC 7118): one flow per connection, subprotocol "sip", path /sip. */
export class WsTransport {
  private readonly flows = new Map<string, { flow: SipFlow; socket: WebSocket }>();
  private readonly closeListeners = new Set<(flow: SipFlow) => void>();

  constructor(
    private readonly logger: Logger,
    private readonly onMessage: InboundHandler,
    private readonly host: string,
    private readonly traffic?: SipTraffic,
  ) {}

  route(): WebSocketRoute {
    return { path: '/sip', protocol: 'sip', onConnection: (socket, request) => this.accept(socket, request) };
  }

  /** Called when a connection closes, so that its registrations and calls can end. */
  onFlowClosed(listener: (flow: SipFlow) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  get(flowId: string): SipFlow | undefined {
    return this.flows.get(flowId)?.flow;
  }

  private accept(socket: WebSocket, request: IncomingMessage): void {
    const logger = this.logger;
    const host = this.host;
    const traffic = this.traffic;
    const port = request.socket.localPort ?? 0;
    const flow: SipFlow = {
      id: `ws:${nextFlow++}`,
      transport: 'ws',
      reliable: true,
      remote: { address: request.socket.remoteAddress ?? '', port: request.socket.remotePort ?? 0 },
      local: { host, port, viaTransport: 'WS' },
      isOpen: () => socket.readyState === WebSocket.OPEN,
      send(text) {
        if (socket.readyState !== WebSocket.OPEN) return;
        traffic?.countSent(text);
        socket.send(text, (error) => {
          if (!error) return;
          logger.warn({ err: error }, 'sip ws send failed');
          traffic?.countError('send_failed');
        });
      },
    };
    this.flows.set(flow.id, { flow, socket });
    logger.debug({ flow: flow.id, remote: flow.remote }, 'sip websocket connected');
    socket.on('message', (data, isBinary) => {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
      void isBinary;
      try {
        this.onMessage(bytes, flow);
      } catch (error) {
        logger.error({ err: error, flow: flow.id }, 'sip ws: message handling failed');
        traffic?.countError('handler_failed');
      }
    });
    socket.on('error', (error) => logger.debug({ err: error, flow: flow.id }, 'sip ws error'));
    socket.on('close', () => {
      this.flows.delete(flow.id);
      for (const listener of this.closeListeners) listener(flow);
    });
  }

  close(): void {
    for (const { socket } of this.flows.values()) socket.terminate();
    this.flows.clear();
  }
}
