import type { Logger } from '../logger.js';
import { CALL_TRANSITIONS, type CallState, type TerminationReason } from './call-states.js';
import type { Dialog } from './dialog.js';
import type { SipFlow, SipTransportKind } from './flow.js';
import type { IncomingRequest, SipResponse } from './message.js';
import { buildResponse, serialize } from './serializer.js';
import type { CallDelegate, ReinviteResult, SipCall } from './sip-service.js';
import { StateMachine } from './state-machine.js';
import type { ServerTransaction, TransactionLayer } from './transaction-layer.js';
import { TimerSet, type SipTimerValues } from './transaction-timers.js';

/** What a call needs from the user agent core. */
export interface CallContext {
  transactions: TransactionLayer;
  timers: SipTimerValues;
  logger: Logger;
  /** The dialog now exists: route its in-dialog requests to this call. */
  dialogCreated(call: BaseCall): void;
  callEnded(call: BaseCall): void;
}

export const ALLOW = 'INVITE, ACK, CANCEL, BYE, OPTIONS, INFO';

/**
 * In-dialog behaviour shared by inbound and outbound calls: BYE, re-INVITE (hold/resume), INFO,
 * reliable 2xx (UAS core retransmits its 200 until the ACK, RFC 3261 §13.3.1.4).
 */
export abstract class BaseCall implements SipCall {
  delegate: CallDelegate = {};
  protected readonly machine: StateMachine<CallState>;
  protected readonly timers = new TimerSet();
  dialog: Dialog | undefined;
  private pendingAck: { seq: number; onAck: (sdp: string) => void } | undefined;
  private reinviting = false;

  protected constructor(
    readonly callId: string,
    readonly flow: SipFlow,
    protected readonly ctx: CallContext,
    initial: CallState,
  ) {
    this.machine = new StateMachine('call', CALL_TRANSITIONS, initial);
  }

  get transport(): SipTransportKind {
    return this.flow.transport;
  }

  get state(): CallState {
    return this.machine.state;
  }

  async bye(): Promise<void> {
    const dialog = this.dialog;
    if (this.machine.is('terminated') || !dialog) return;
    this.end('local-bye');
    await this.send(dialog.createRequest('BYE'));
  }

  async reinvite(sdp: string): Promise<ReinviteResult> {
    const dialog = this.dialog;
    if (!dialog || !this.machine.is('established')) return { ok: false, status: 481 };
    if (this.reinviting) return { ok: false, status: 491 };
    this.reinviting = true;
    const request = dialog.createRequest('INVITE', { body: sdp });
    const seq = Number(request.headers.get('CSeq')!.split(' ')[0]);
    try {
      return await new Promise<ReinviteResult>((resolve) => {
        this.ctx.transactions.createClient(request, this.flow, {
          onResponse: (response) => {
            if (response.status < 200) return;
            if (response.status < 300) {
              this.flow.send(serialize(dialog.createRequest('ACK', { seq })));
              resolve({ ok: true, sdp: response.body });
            } else resolve({ ok: false, status: response.status });
          },
          onTimeout: () => resolve({ ok: false, status: 408 }),
        });
      });
    } finally {
      this.reinviting = false;
    }
  }

  async info(contentType: string, body: string): Promise<number> {
    const dialog = this.dialog;
    if (!dialog || this.machine.is('terminated')) return 481;
    return this.send(dialog.createRequest('INFO', { body, contentType }));
  }

  /** A request inside our dialog (the core has matched it and opened its transaction). */
  receiveRequest(request: IncomingRequest, tx: ServerTransaction): void {
    const dialog = this.dialog!;
    if (!dialog.acceptRemoteSeq(request.cseq.seq)) {
      tx.respond(buildResponse(request, 500, { reason: 'Server Internal Error (CSeq out of order)' }));
      return;
    }
    switch (request.method) {
      case 'BYE':
        tx.respond(buildResponse(request, 200));
        if (this.machine.is('terminated')) return;
        this.end('remote-bye');
        this.safely(() => this.delegate.onBye?.());
        return;
      case 'INFO':
        tx.respond(buildResponse(request, 200));
        this.safely(() => this.delegate.onInfo?.(request.headers.get('Content-Type') ?? '', request.body));
        return;
      case 'OPTIONS':
        tx.respond(buildResponse(request, 200, { headers: [['Allow', ALLOW]] }));
        return;
      case 'INVITE':
        this.receiveReinvite(request, tx);
        return;
      default:
        tx.respond(buildResponse(request, 501, { headers: [['Allow', ALLOW]] }));
    }
  }

  /** ACK for a 2xx: stops its retransmission. */
  receiveAck(request: IncomingRequest): void {
    if (this.pendingAck && request.cseq.seq === this.pendingAck.seq) {
      const { onAck } = this.pendingAck;
      this.pendingAck = undefined;
      this.timers.clear('2xx');
      this.timers.clear('2xx-timeout');
      onAck(request.body);
    }
  }

  /** Ends the call without signalling (flow closed, shutdown) or after signalling was sent. */
  end(reason: TerminationReason): void {
    if (this.machine.is('terminated')) return;
    this.machine.to('terminated');
    this.timers.clearAll();
    this.pendingAck = undefined;
    this.dialog?.terminate();
    this.ctx.callEnded(this);
    this.onEnded(reason);
    this.safely(() => this.delegate.onTerminated?.(reason));
  }

  protected onEnded(_reason: TerminationReason): void {}

  /** Sends a 2xx and repeats it on unreliable flows until the ACK, giving up after 64*T1. */
  protected sendReliable2xx(tx: ServerTransaction, response: SipResponse, seq: number, onAck: (sdp: string) => void, onTimeout: () => void): void {
    tx.respond(response);
    this.pendingAck = { seq, onAck };
    const { T1, T2 } = this.ctx.timers;
    const text = serialize(response);
    if (!this.flow.reliable) {
      const retransmit = (interval: number) =>
        this.timers.set('2xx', interval, () => {
          this.flow.send(text);
          retransmit(Math.min(2 * interval, T2));
        });
      retransmit(T1);
    }
    this.timers.set('2xx-timeout', 64 * T1, () => {
      this.timers.clear('2xx');
      this.pendingAck = undefined;
      onTimeout();
    });
  }

  protected send(request: ReturnType<Dialog['createRequest']>): Promise<number> {
    return new Promise((resolve) => {
      this.ctx.transactions.createClient(request, this.flow, {
        onResponse: (response) => {
          if (response.status >= 200) resolve(response.status);
        },
        onTimeout: () => resolve(408),
      });
    });
  }

  protected safely(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.ctx.logger.error({ err: error, callId: this.callId }, 'sip call delegate threw');
    }
  }

  private receiveReinvite(request: IncomingRequest, tx: ServerTransaction): void {
    if (!this.machine.is('established') || this.reinviting || this.pendingAck) {
      tx.respond(buildResponse(request, 491, { headers: [['Retry-After', '1']] }));
      return;
    }
    const handler = this.delegate.onReinvite;
    if (!handler) {
      tx.respond(buildResponse(request, 488, { reason: 'Not Acceptable Here (no media handler)' }));
      return;
    }
    this.reinviting = true;
    Promise.resolve()
      .then(() => handler.call(this.delegate, request.body))
      .then(
        (sdp) => {
          this.reinviting = false;
          if (this.machine.is('terminated')) return;
          const ok = buildResponse(request, 200, {
            body: sdp,
            headers: [
              ['Contact', this.dialog!.contact],
              ['Allow', ALLOW],
            ],
          });
          this.sendReliable2xx(
            tx,
            ok,
            request.cseq.seq,
            () => undefined,
            () => void this.bye(),
          );
        },
        (error: unknown) => {
          this.reinviting = false;
          this.ctx.logger.warn({ err: error, callId: this.callId }, 're-INVITE refused by the media handler');
          tx.respond(buildResponse(request, 488));
        },
      );
  }
}
