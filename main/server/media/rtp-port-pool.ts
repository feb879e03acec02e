// UDP sockets for plain RTP: an even port from the configured range (RTCP's odd port is left
// alone; we ignore RTCP), or an OS-chosen port when no range is configured.
import { createSocket, type Socket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { MediaError } from './media-engine.js';

export class RtpPortPool {
  private next: number;

  constructor(
    private readonly host: string,
    private readonly range?: { min: number; max: number },
  ) {
    if (range && (range.min < 1024 || range.max > 65534 || range.min > range.max))
      throw new MediaError('no-ports', `bad RTP port range ${range.min}-${range.max}`);
    this.next = range ? range.min + (range.min & 1) : 0;
  }

  async open(): Promise<Socket> {
    if (!this.range) return this.bind(0);
    const { min, max } = this.range;
    const count = Math.floor((max - min) / 2) + 1;
    for (let i = 0; i < count; i++) {
      const port = this.next;
      this.next = this.next + 2 > max ? min + (min & 1) : this.next + 2;
      try {
        return await this.bind(port);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      }
    }
    throw new MediaError('no-ports', `no free RTP port in ${min}-${max}`);
  }

  private bind(port: number): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = createSocket({ type: isIPv6(this.host) ? 'udp6' : 'udp4' });
      socket.once('error', (error) => {
        socket.close();
        reject(error);
      });
      socket.bind(port, this.host, () => {
        socket.removeAllListeners('error');
        resolve(socket);
      });
    });
  }
}
