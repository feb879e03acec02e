import { createSocket, type Socket } from 'node:dgram';
import type { Logger } from '../logger.js';
import { unavailableReply } from './unavailable-reply.js';

export interface SipUdpEndpoint {
  socket: Socket;
  port: number;
  close(): Promise<void>;
}

/** SIP over UDP for trunks and desk phones; answers 503 until the voice core's stack takes over. */
export function openSipUdpEndpoint(host: string, port: number, logger: Logger): Promise<SipUdpEndpoint> {
  return new Promise((resolve, reject) => {
    const socket = createSocket({ type: host.includes(':') ? 'udp6' : 'udp4', reuseAddr: false });
    socket.once('error', reject);
    socket.on('message', (msg, rinfo) => {
      const reply = unavailableReply(msg.toString('utf8'));
      if (reply) socket.send(reply, rinfo.port, rinfo.address);
    });
    socket.bind(port, host, () => {
      socket.off('error', reject);
      socket.on('error', (error) => logger.error({ err: error }, 'sip udp socket error'));
      resolve({
        socket,
        port: socket.address().port,
        close: () => new Promise((done) => socket.close(() => done())),
      });
    });
  });
}
