import { createSocket, type Socket } from 'node:dgram';
import { lookup as dnsLookup } from 'node:dns';
import { isIP } from 'node:net';
import type { Logger } from '../logger.js';
import type { InboundHandler, SipFlow } from './flow.js';
import type { SipTraffic } from './sip-traffic.js';

const MAX_CACHED_FLOWS = 10_000;

/**
 * dgram resolves every destination, even an IP literal, through dns.lookup and a tick; SIP over
 * UDP answers IP literals (a source address, a Via's received), so they resolve at once.
 */
const literalLookup = ((hostname: string, options: unknown, callback: (error: Error | null, address: string, family: number) => void) => {
  const family = isIP(hostname);
  if (family !== 0) return callback(null, hostname, family);
  return (dnsLookup as (h: string, o: unknown, c: typeof callback) => void)(hostname, options, callback);
}) as unknown as typeof dnsLookup;

/** SIP over UDP (node:dgram): one socket, a flow per remote address. */
export class UdpTransport {
  private socket: Socket | undefined;
  private localPort = 0;
  private readonly flows = new Map<string, SipFlow>();

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
      const socket = createSocket({ type: this.host.includes(':') ? 'udp6' : 'udp4', lookup: literalLookup });
      socket.once('error', reject);
      socket.on('message', (data, rinfo) => {
        if (data.length > this.maxDatagramBytes) {
          this.logger.warn({ from: rinfo.address, bytes: data.length }, 'sip udp: oversized datagram dropped');
          this.traffic?.countError('oversized_datagram');
          return;
        }
        try {
          this.onMessage(data, this.receivingFlow(rinfo.address, rinfo.port));
        } catch (error) {
          // A bug in one message's handling must never take the socket down.
          this.logger.error({ err: error, from: rinfo.address }, 'sip udp: message handling failed');
          this.traffic?.countError('handler_failed');
        }
      });
      socket.bind(port, this.host, () => {
        socket.off('error', reject);
        // Sends take no callback (it cost a tick per message): a failed one comes here, with its address.
        socket.on('error', (error) => {
          if ((error as NodeJS.ErrnoException).syscall === 'send') {
            this.logger.warn({ err: error }, 'sip udp send failed');
            this.traffic?.countError('send_failed');
          } else this.logger.error({ err: error }, 'sip udp socket error');
        });
        this.socket = socket;
        this.localPort = socket.address().port;
        resolve(this.localPort);
      });
    });
  }

  /** The flow of a datagram's source, made once per address (not per message) while few are known. */
  private receivingFlow(address: string, port: number): SipFlow {
    const key = `${address}:${port}`;
    let flow = this.flows.get(key);
    if (!flow) {
      if (this.flows.size >= MAX_CACHED_FLOWS) this.flows.clear(); // a flow is a value: dropping it is safe
      flow = this.flowFor(address, port);
      this.flows.set(key, flow);
    }
    return flow;
  }

  flowFor(address: string, port: number): SipFlow {
    const socket = () => this.socket;
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
        s.send(text, port, address);
      },
    };
  }

  close(): Promise<void> {
    const socket = this.socket;
    this.socket = undefined;
    this.flows.clear();
    return socket ? new Promise((done) => socket.close(() => done())) : Promise.resolve();
  }
}
