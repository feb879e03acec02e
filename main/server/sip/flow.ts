export type SipTransportKind = 'udp' | 'ws';

export interface SipAddress {
  address: string;
  port: number;
}

/**
 * Where a message came from and where its answers go back (RFC 5626 flows). A WebSocket flow is
 * the connection itself: browsers put `.invalid` hosts in Via and Contact, so everything for
 * them must travel back over the same socket. A UDP flow is the peer's source address.
 */
export interface SipFlow {
  readonly id: string;
  readonly transport: SipTransportKind;
  /** Reliable transports need no retransmissions (RFC 3261 §17). */
  readonly reliable: boolean;
  readonly remote: SipAddress;
  /** Via sent-by and Contact host:port for requests we send on this flow. */
  readonly local: { host: string; port: number; viaTransport: 'UDP' | 'WS' };
  isOpen(): boolean;
  /** Never throws; a message for a closed flow is dropped. */
  send(text: string): void;
}

export type InboundHandler = (data: Buffer, flow: SipFlow) => void;
