import { createSocket, type Socket } from 'node:dgram';
import { WebSocket } from 'ws';
import { parseSipMessage } from './parser.js';
import type { IncomingMessage, IncomingResponse } from './message.js';

/** Tests only: a raw SIP peer over UDP or WebSocket on loopback that records what it gets. */
export class TestPeer {
  readonly received: IncomingMessage[] = [];
  private waiters: Array<{ match: (m: IncomingMessage) => boolean; resolve: (m: IncomingMessage) => void }> = [];
  onMessage?: (message: IncomingMessage) => void;

  private constructor(
    private readonly sendRaw: (text: string | Buffer) => void,
    readonly close: () => void,
    readonly localPort: number,
  ) {}

  /** localAddress: another loopback address (127.0.0.2) stands for another machine. */
  static async udp(serverPort: number, localAddress = '127.0.0.1'): Promise<TestPeer> {
    const socket: Socket = createSocket('udp4');
    await new Promise<void>((r) => socket.bind(0, localAddress, () => r()));
    const peer = new TestPeer(
      (text) => socket.send(text, serverPort, '127.0.0.1'),
      () => socket.close(),
      socket.address().port,
    );
    socket.on('message', (data) => peer.deliver(data));
    return peer;
  }

  static async ws(url: string): Promise<TestPeer> {
    const socket = new WebSocket(url, 'sip');
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const peer = new TestPeer(
      (text) => socket.send(text),
      () => socket.close(),
      0,
    );
    socket.on('message', (data) => peer.deliver(Buffer.from(data as Buffer)));
    return peer;
  }

  send(text: string | Buffer): void {
    this.sendRaw(typeof text === 'string' ? text.replace(/\r?\n/g, '\r\n') : text);
  }

  /** The next message (already received or still to come) that matches. */
  next(match: (m: IncomingMessage) => boolean, timeoutMs = 5000): Promise<IncomingMessage> {
    const index = this.received.findIndex(match);
    if (index >= 0) return Promise.resolve(this.received.splice(index, 1)[0]!);
    return new Promise((resolve, reject) => {
      const waiter = { match, resolve: (m: IncomingMessage) => (clearTimeout(timer), resolve(m)) };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error('no matching SIP message in time'));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  response(status: number, method?: string, timeoutMs?: number): Promise<IncomingMessage> {
    return this.next((m) => m.kind === 'response' && m.status === status && (!method || m.cseq.method === method), timeoutMs);
  }

  /** The next response to `method` with a status of at least `atLeast` (a final one by default). */
  async final(method: string, atLeast = 200, timeoutMs?: number): Promise<IncomingResponse> {
    return (await this.next((m) => m.kind === 'response' && m.cseq.method === method && m.status >= atLeast, timeoutMs)) as IncomingResponse;
  }

  /** Like final(), for one call: UDP retransmits an un-ACKed final response, so others may be around. */
  async finalOf(callId: string, method: string, atLeast = 200, timeoutMs?: number): Promise<IncomingResponse> {
    return (await this.next(
      (m) => m.kind === 'response' && m.callId === callId && m.cseq.method === method && m.status >= atLeast,
      timeoutMs,
    )) as IncomingResponse;
  }

  request(method: string, timeoutMs?: number): Promise<IncomingMessage> {
    return this.next((m) => m.kind === 'request' && m.method === method, timeoutMs);
  }

  private deliver(data: Buffer): void {
    const parsed = parseSipMessage(data);
    if (!parsed.ok) return;
    const message = parsed.message;
    this.onMessage?.(message);
    const waiter = this.waiters.find((w) => w.match(message));
    if (waiter) {
      this.waiters = this.waiters.filter((w) => w !== waiter);
      waiter.resolve(message);
    } else this.received.push(message);
  }
}
