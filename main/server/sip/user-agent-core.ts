import type { Logger } from '../logger.js';
import type { SipFlow } from './flow.js';
import { InboundCall } from './incoming-call.js';
import type { IncomingRequest, IncomingResponse } from './message.js';
import { OutboundCall, type OutboundTarget } from './outgoing-call.js';
import { parseSipMessage, type ParseFailure, type ParseLimits } from './parser.js';
import type { Registrar } from './registrar.js';
import { buildResponse, serialize } from './serializer.js';
import { ALLOW, type BaseCall, type CallContext } from './sip-call.js';
import type { OutgoingOptions, SipServiceDelegate } from './sip-service.js';
import { dialogKey } from './dialog.js';
import { checkSdpOffer } from './sdp-check.js';
import { TransactionLayer, type ServerTransaction } from './transaction-layer.js';
import type { SipTimerValues } from './transaction-timers.js';
import { ServerInviteTransaction } from './transaction-server-invite.js';

const KNOWN_METHODS = new Set([
  'INVITE',
  'ACK',
  'BYE',
  'CANCEL',
  'OPTIONS',
  'REGISTER',
  'PRACK',
  'SUBSCRIBE',
  'NOTIFY',
  'PUBLISH',
  'INFO',
  'REFER',
  'MESSAGE',
  'UPDATE',
]);
const CORE_ALLOW = `${ALLOW}, REGISTER`;

export interface UserAgentCoreOptions {
  logger: Logger;
  registrar: Registrar;
  timers: SipTimerValues;
  limits: ParseLimits;
  /** Numbers we answer (Request-URI user part); INVITEs to others get 404. */
  serviceNumbers: readonly string[];
  /** Told of each message refused as unparsable (400) or too large (513), for the metrics. */
  onMalformed?(status: number): void;
}

/**
 * Routes each message: malformed → 400/513 or dropped, responses → client transactions,
 * retransmissions → their server transaction, in-dialog requests → their call, the rest by method.
 */
export class UserAgentCore {
  delegate: SipServiceDelegate | undefined;
  readonly transactions: TransactionLayer;
  private readonly dialogs = new Map<string, BaseCall>();
  private readonly pending = new Map<string, InboundCall>();
  /** Inbound calls by Call-ID and From tag until they end: a second INVITE for one is merged (482). */
  private readonly inviting = new Map<string, InboundCall>();
  private readonly calls = new Set<BaseCall>();
  private readonly callContext: CallContext;

  constructor(private readonly options: UserAgentCoreOptions) {
    this.transactions = new TransactionLayer(options.timers);
    this.callContext = {
      transactions: this.transactions,
      timers: options.timers,
      logger: options.logger,
      dialogCreated: (call) => {
        if (call.dialog && call.state !== 'terminated') this.dialogs.set(call.dialog.key, call);
      },
      callEnded: (call) => {
        this.calls.delete(call);
        if (call instanceof InboundCall) {
          this.pending.delete(call.tx.key);
          const key = mergeKey(call.request);
          if (this.inviting.get(key) === call) this.inviting.delete(key);
        }
        // The dialog stays findable a little longer so that a late BYE or ACK still gets its answer.
        const key = call.dialog?.key;
        if (key) setTimeout(() => this.dialogs.get(key) === call && this.dialogs.delete(key), 64 * options.timers.T1).unref();
      },
    };
  }

  get activeCalls(): number {
    return this.calls.size;
  }

  receive(data: Buffer, flow: SipFlow): void {
    if (isKeepAlive(data)) {
      // RFC 5626 §4.4.1 CRLF keep-alive: a double CRLF ping gets a single CRLF pong.
      if (data.length >= 4) flow.send('\r\n');
      return;
    }
    const parsed = parseSipMessage(data, this.options.limits);
    if (!parsed.ok) return this.refuse(parsed, flow);
    const message = parsed.message;
    if (message.kind === 'response') return this.receiveResponse(message);
    this.receiveRequest(message, flow);
  }

  outbound(flow: SipFlow, target: OutboundTarget, options: OutgoingOptions): OutboundCall {
    const call = new OutboundCall(flow, this.callContext, target, options);
    this.calls.add(call);
    return call;
  }

  flowClosed(flow: SipFlow): void {
    for (const call of [...this.calls]) if (call.flow.id === flow.id) call.end('flow-closed');
  }

  close(): void {
    for (const call of [...this.calls]) call.end('shutdown');
    this.transactions.close();
  }

  private refuse(failure: ParseFailure, flow: SipFlow): void {
    this.options.logger.warn({ from: flow.remote, reason: failure.reason }, 'sip: malformed message');
    this.options.onMalformed?.(failure.status);
    const request = failure.request;
    // Only requests with a Via can be answered; never ACK (RFC 3261 §17.1.1.3).
    if (!request || request.method === 'ACK' || !request.headers.has('Via')) return;
    const reason = `${failure.status === 513 ? 'Message Too Large' : 'Bad Request'} (${failure.reason})`;
    flow.send(serialize(buildResponse(request, failure.status, { reason })));
  }

  private receiveResponse(response: IncomingResponse): void {
    const tx = this.transactions.findClient(response);
    if (tx) return tx.receiveResponse(response);
    if (response.cseq.method === 'INVITE' && response.status >= 200 && response.status < 300 && response.fromTag && response.toTag) {
      const call = this.dialogs.get(dialogKey(response.callId, response.fromTag, response.toTag));
      if (call instanceof OutboundCall) call.receiveResponse(response);
    }
  }

  private receiveRequest(request: IncomingRequest, flow: SipFlow): void {
    if (request.method === 'ACK') return this.receiveAck(request, flow);
    const existing = this.transactions.findServer(request);
    if (existing) return existing.receiveRetransmission();
    if (request.method === 'CANCEL') return this.receiveCancel(request, flow);
    const tx = this.transactions.createServer(request, flow);
    if (request.headers.get('Max-Forwards') === '0' && request.method !== 'OPTIONS') return tx.respond(buildResponse(request, 483));
    if (request.toTag) {
      const call = this.dialogs.get(dialogKey(request.callId, request.toTag, request.fromTag ?? ''));
      // Call-ID and tags are not secrets: a dialog only takes requests from its own peer.
      if (call && !samePeer(call.flow, flow)) {
        this.options.logger.warn({ from: flow.remote, method: request.method, callId: request.callId }, 'sip: in-dialog request from a foreign source');
        return tx.respond(buildResponse(request, 403, { reason: 'Forbidden (not from the peer of this dialog)' }));
      }
      if (call && call.state !== 'terminated') return call.receiveRequest(request, tx);
      if (call && request.method === 'BYE') return tx.respond(buildResponse(request, 200));
      return tx.respond(buildResponse(request, 481));
    }
    this.outOfDialog(request, tx, flow);
  }

  private outOfDialog(request: IncomingRequest, tx: ServerTransaction, flow: SipFlow): void {
    switch (request.method) {
      case 'REGISTER':
        return tx.respond(this.options.registrar.handleRegister(request, flow));
      case 'OPTIONS':
        return tx.respond(
          buildResponse(request, 200, {
            headers: [
              ['Allow', CORE_ALLOW],
              ['Accept', 'application/sdp'],
            ],
          }),
        );
      case 'INVITE':
        return this.receiveInvite(request, tx as ServerInviteTransaction, flow);
      case 'BYE':
      case 'INFO':
      case 'PRACK':
      case 'UPDATE':
        return tx.respond(buildResponse(request, 481));
      default:
        return tx.respond(buildResponse(request, KNOWN_METHODS.has(request.method) ? 405 : 501, { headers: [['Allow', CORE_ALLOW]] }));
    }
  }

  private receiveInvite(request: IncomingRequest, tx: ServerInviteTransaction, flow: SipFlow): void {
    // RFC 3261 §8.2.2.2: the same request reaching us by a second path (a new branch) while the
    // first is still being served is merged, not a second call.
    if (this.inviting.has(mergeKey(request))) return tx.respond(buildResponse(request, 482));
    const contentType = request.headers.get('Content-Type');
    if (request.body && contentType && !/^application\/sdp\b/i.test(contentType)) {
      return tx.respond(buildResponse(request, 415, { headers: [['Accept', 'application/sdp']] }));
    }
    if (request.body) {
      const sdp = checkSdpOffer(request.body);
      if (!sdp.ok)
        return tx.respond(
          buildResponse(request, sdp.status, {
            reason: sdp.reason,
            ...(sdp.status === 488 ? { headers: [['Accept', 'application/sdp']] as Array<[string, string]> } : {}),
          }),
        );
    }
    const delegate = this.delegate;
    if (!delegate) return tx.respond(buildResponse(request, 503, { headers: [['Retry-After', '30']] }));
    const number = request.requestUri.user ?? '';
    if (this.options.serviceNumbers.includes(number)) return this.offer(request, tx, flow, number, (call) => delegate.onIncomingCall(call));
    if (!delegate.onAgentCall) return tx.respond(buildResponse(request, 404, { reason: `Not Found (${number || 'no number'} is not served here)` }));
    // Calls out cost money and reach citizens: only a proven agent, in their own name, may place one.
    const auth = this.options.registrar.guard.check(request, flow, 'proxy');
    if (!auth.ok) return tx.respond(auth.response);
    if (request.from.parsedUri?.user !== auth.workNumber)
      return tx.respond(buildResponse(request, 403, { reason: 'Forbidden (From is not the authenticated agent)' }));
    const agent = { workNumber: auth.workNumber, userId: auth.credentials.userId };
    this.offer(request, tx, flow, number, (call) => delegate.onAgentCall!(call, agent));
  }

  private offer(request: IncomingRequest, tx: ServerInviteTransaction, flow: SipFlow, number: string, hand: (call: InboundCall) => void): void {
    const { host, port, viaTransport } = flow.local;
    const contact = `<sip:${number}@${host}:${port}${viaTransport === 'WS' ? ';transport=ws' : ''}>`;
    const call = new InboundCall(request, tx, flow, this.callContext, contact);
    this.calls.add(call);
    this.pending.set(tx.key, call);
    this.inviting.set(mergeKey(request), call);
    try {
      hand(call);
    } catch (error) {
      this.options.logger.error({ err: error, callId: call.callId }, 'sip: call delegate threw');
      call.reject(500);
    }
  }

  private receiveCancel(request: IncomingRequest, flow: SipFlow): void {
    const tx = this.transactions.createServer(request, flow);
    const invite = this.transactions.findServer(request, 'INVITE');
    const call = invite ? this.pending.get(invite.key) : undefined;
    if (!call || !call.cancellable) return tx.respond(buildResponse(request, 481));
    // 200 for the CANCEL first, then 487 for the INVITE (RFC 3261 §9.2).
    tx.respond(buildResponse(request, 200));
    call.cancelled();
  }

  private receiveAck(request: IncomingRequest, flow: SipFlow): void {
    const tx = this.transactions.findServer(request, 'ACK');
    if (tx instanceof ServerInviteTransaction && tx.state === 'completed') return tx.receiveAck();
    const call = request.toTag ? this.dialogs.get(dialogKey(request.callId, request.toTag, request.fromTag ?? '')) : undefined;
    // An ACK is never answered; one from outside the dialog's peer is simply not believed.
    if (call && samePeer(call.flow, flow)) call.receiveAck(request);
  }
}

function mergeKey(request: IncomingRequest): string {
  return `${request.callId}|${request.fromTag ?? ''}`;
}

/** UDP: the same source address (a NATed phone may change port); WebSocket: the same connection. */
function samePeer(dialogFlow: SipFlow, flow: SipFlow): boolean {
  if (dialogFlow.transport !== flow.transport) return false;
  return flow.transport === 'ws' ? dialogFlow.id === flow.id : dialogFlow.remote.address === flow.remote.address;
}

function isKeepAlive(data: Buffer): boolean {
  if (data.length === 0 || data.length > 4) return false;
  for (const byte of data) if (byte !== 13 && byte !== 10) return false;
  return true;
}
