import { createSocket, type Socket } from 'node:dgram';
import type { Logger } from '../logger.js';
import type { InboundHandler, SipFlow } from './flow.js';
import type { SipTraffic } from './sip-traffic.js';

/** SIP over UDP (node:dgram): one socket, a flow per remote address. */
export class UdpTransport {
  private socket: Socket | undefined;
  private localPort = 0;

  constructor(
    private readonly host: string,
    private readonly logger: Logger,
    private readonly onMessage: InboundHandler,
    /** Larger datagrams are dropped unread (a reply could be used to amplify). */
    private readonly maxDatagramBytes = 64 * 1024,
    private readonly traffic?: SipTraffic,
  ) {}

  get port(): number {
    return this.localPort;
  }

  /** Binds host:port (0 = any free port) and resolves with the port actually bound. */
  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const socket = createSocket({ type: this.host.includes(':') ? 'udp6' : 'udp4' });
      socket.once('error', reject);
      socket.on('message', (data, rinfo) => {
        if (data.length > this.maxDatagramBytes) {
          this.logger.warn({ from: rinfo.address, bytes: data.length }, 'sip udp: oversized datagram dropped');
          this.traffic?.countError('oversized_datagram');
          return;
        }
        try {
          this.onMessage(data, this.flowFor(rinfo.address, rinfo.port));
        } catch (error) {
          // A bug in one message's handling must never take the socket down.
          this.logger.error({ err: error, from: rinfo.address }, 'sip udp: message handling failed');
          this.traffic?.countError('handler_failed');
        }
      });
      socket.bind(port, this.host, () => {
        socket.off('error', reject);
        socket.on('error', (error) => this.logger.error({ err: error }, 'sip udp socket error'));
        this.socket = socket;
        this.localPort = socket.address().port;
        resolve(this.localPort);
      });
    });
  }

  flowFor(address: string, port: number): SipFlow {
    const socket = () => this.socket;
    const logger = this.logger;
    const traffic = this.traffic;
    return {
      id: `udp:${address}:${port}`,
      transport: 'udp',
      reliable: false,
      remote: { address, port },
      local: { host: this.host, port: this.localPort, viaTransport: 'UDP' },
      isOpen: () => this.socket !== undefined,
      send(text) {
        const s = socket();
        if (!s) return;
        traffic?.countSent(text);
        s.send(text, port, address, (error) => {
          if (!error) return;
          logger.warn({ err: error, to: address, port }, 'sip udp send failed');
          traffic?.countError('send_failed');
        });
      },
    };
  }

  close(): Promise<void> {
    const socket = this.socket;
    this.socket = undefined;
    return socket ? new Promise((done) => socket.close(() => done())) : Promise.resolve();
  }
}
