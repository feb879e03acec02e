import type { SipFlow } from './flow.js';
import type { IncomingRequest, IncomingResponse, SipRequest } from './message.js';
import { topVia } from './message.js';
import { ClientInviteTransaction, ClientNonInviteTransaction, type ClientTransactionUser } from './transaction-client.js';
import { ServerInviteTransaction } from './transaction-server-invite.js';
import { ServerNonInviteTransaction } from './transaction-server-non-invite.js';
import { FixedDelayQueue, type SipTimerValues } from './transaction-timers.js';
import type { ServerTransactionOwner } from './transaction-server-invite.js';

export type ServerTransaction = ServerInviteTransaction | ServerNonInviteTransaction;
export type ClientTransaction = ClientInviteTransaction | ClientNonInviteTransaction;

/** Matches messages to transactions (RFC 3261 §17.1.3, §17.2.3) and keeps them until they end. */
export class TransactionLayer {
  private readonly servers = new Map<string, ServerTransaction>();
  private readonly clients = new Map<string, ClientTransaction>();

  /** Timer J (64·T1) of completed non-INVITE server transactions over UDP, under one timer. */
  private readonly lingering: FixedDelayQueue;
  private readonly serverOwner: ServerTransactionOwner;

  constructor(readonly timers: SipTimerValues) {
    this.lingering = new FixedDelayQueue(64 * timers.T1);
    this.serverOwner = { terminated: (k: string) => this.servers.delete(k), lingering: this.lingering };
  }

  /** ACK and CANCEL look for the INVITE transaction they belong to. */
  static serverKey(request: IncomingRequest, method = request.method): string {
    const via = topVia(request);
    const sentBy = `${via.host}:${via.port ?? ''}`;
    // Pre-RFC 3261 peers have no magic cookie; their branch (or none) plus the dialog identifies them.
    const branch = via.branch?.startsWith('z9hG4bK') ? via.branch : `${via.branch ?? ''}|${request.callId}|${request.fromTag ?? ''}|${request.cseq.seq}`;
    return `${branch}|${sentBy}|${method === 'ACK' ? 'INVITE' : method}`;
  }

  findServer(request: IncomingRequest, method = request.method): ServerTransaction | undefined {
    return this.servers.get(TransactionLayer.serverKey(request, method));
  }

  createServer(request: IncomingRequest, flow: SipFlow): ServerTransaction {
    const key = TransactionLayer.serverKey(request);
    const owner = this.serverOwner;
    const tx =
      request.method === 'INVITE'
        ? new ServerInviteTransaction(key, request, flow, this.timers, owner)
        : new ServerNonInviteTransaction(key, request, flow, this.timers, owner);
    this.servers.set(key, tx);
    return tx;
  }

  /** Sends a request in a new client transaction; its top Via must carry a fresh branch. */
  createClient(request: SipRequest, flow: SipFlow, user: ClientTransactionUser): ClientTransaction {
    const branch = /;\s*branch=([^;,\s]+)/i.exec(request.headers.get('Via') ?? '')?.[1];
    if (!branch) throw new Error('client request without a Via branch');
    const key = `${branch}|${request.method === 'ACK' ? 'INVITE' : request.method}`;
    const owner = { terminated: (k: string) => this.clients.delete(k) };
    const tx =
      request.method === 'INVITE'
        ? new ClientInviteTransaction(key, request, flow, this.timers, user, owner)
        : new ClientNonInviteTransaction(key, request, flow, this.timers, user, owner);
    this.clients.set(key, tx);
    return tx;
  }

  findClient(response: IncomingResponse): ClientTransaction | undefined {
    const branch = topVia(response).branch;
    return branch ? this.clients.get(`${branch}|${response.cseq.method}`) : undefined;
  }

  get size(): { servers: number; clients: number } {
    return { servers: this.servers.size, clients: this.clients.size };
  }

  close(): void {
    for (const tx of [...this.servers.values(), ...this.clients.values()]) tx.terminate();
    this.lingering.clear();
  }
}
