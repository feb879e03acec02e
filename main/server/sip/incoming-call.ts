import { Dialog } from './dialog.js';
import type { SipAddress, SipFlow } from './flow.js';
import type { IncomingRequest } from './message.js';
import { buildResponse, newTag } from './serializer.js';
import { ALLOW, BaseCall, type CallContext } from './sip-call.js';
import type { TerminationReason } from './call-states.js';
import type { IncomingCall } from './sip-service.js';
import type { ServerInviteTransaction } from './transaction-server-invite.js';

/** An INVITE we received (UAS side of the B2BUA). */
export class InboundCall extends BaseCall implements IncomingCall {
  readonly from: string;
  readonly fromDisplay?: string;
  readonly to: string;
  readonly remoteSdp: string;
  readonly source: SipAddress;
  readonly acked: Promise<boolean>;
  readonly localTag = newTag();
  responseHeaders: Array<[string, string]> = [];
  private settleAcked!: (acked: boolean) => void;

  constructor(
    readonly request: IncomingRequest,
    readonly tx: ServerInviteTransaction,
    flow: SipFlow,
    ctx: CallContext,
    private readonly contact: string,
  ) {
    super(request.callId, flow, ctx, 'offered');
    this.from = request.from.parsedUri?.user ?? request.from.uri;
    if (request.from.displayName) this.fromDisplay = request.from.displayName;
    this.to = request.requestUri.user ?? request.to.parsedUri?.user ?? '';
    this.remoteSdp = request.body;
    this.source = { ...flow.remote };
    this.acked = new Promise((resolve) => (this.settleAcked = resolve));
    tx.onAckTimeout = () => this.end('ack-timeout');
  }

  header(name: string): string | undefined {
    return this.request.headers.get(name);
  }

  ring(): void {
    if (!this.machine.is('offered', 'ringing')) return;
    this.machine.to('ringing');
    this.ensureDialog();
    this.tx.respond(buildResponse(this.request, 180, { toTag: this.localTag, headers: [['Contact', this.contact], ...this.responseHeaders] }));
  }

  progress(localSdp: string): void {
    if (!this.machine.is('offered', 'ringing')) return;
    if (this.machine.is('offered')) this.machine.to('ringing');
    this.ensureDialog();
    // Unreliable (no 100rel): the 200 repeats the same SDP, so a lost 183 costs only the early audio.
    this.tx.respond(buildResponse(this.request, 183, { toTag: this.localTag, body: localSdp, headers: [['Contact', this.contact], ...this.responseHeaders] }));
  }

  answer(localSdp: string): void {
    if (!this.machine.is('offered', 'ringing')) throw new Error(`cannot answer a call in state ${this.state}`);
    this.machine.to('answering');
    this.ensureDialog();
    const ok = buildResponse(this.request, 200, {
      toTag: this.localTag,
      body: localSdp,
      headers: [['Contact', this.contact], ['Allow', ALLOW], ...this.responseHeaders],
    });
    this.sendReliable2xx(
      this.tx,
      ok,
      this.request.cseq.seq,
      (sdp) => {
        this.dialog!.confirm();
        this.machine.to('established');
        this.settleAcked(true);
        this.safely(() => this.delegate.onAck?.(sdp));
      },
      // No ACK in 64*T1: the session is over (RFC 3261 §13.3.1.4).
      () => void this.bye(),
    );
  }

  reject(status: number, reason?: string): void {
    if (status < 300 || status > 699) throw new Error(`reject needs a 3xx–6xx status, not ${status}`);
    if (!this.machine.is('offered', 'ringing')) return;
    this.tx.respond(buildResponse(this.request, status, { toTag: this.localTag, headers: this.responseHeaders, ...(reason ? { reason } : {}) }));
    this.end('rejected');
  }

  get cancellable(): boolean {
    return this.machine.is('offered', 'ringing') && !this.tx.finalSent;
  }

  /** CANCEL before the final answer: 487 to the INVITE. Returns false when it came too late. */
  cancelled(): boolean {
    if (!this.cancellable) return false;
    this.tx.respond(buildResponse(this.request, 487, { toTag: this.localTag }));
    this.end('cancelled');
    this.safely(() => this.delegate.onCancel?.());
    return true;
  }

  protected override onEnded(_reason: TerminationReason): void {
    this.settleAcked(false);
  }

  private ensureDialog(): void {
    if (this.dialog) return;
    const r = this.request;
    this.dialog = new Dialog({
      callId: r.callId,
      localTag: this.localTag,
      remoteTag: r.fromTag ?? '',
      local: `${r.headers.get('To')!};tag=${this.localTag}`,
      remote: r.headers.get('From')!,
      remoteTarget: firstContactUri(r) ?? r.from.uri,
      routeSet: r.headers.getAll('Record-Route'),
      localSeq: Math.floor(Math.random() * 10_000),
      remoteSeq: r.cseq.seq,
      flow: this.flow,
      contact: this.contact,
      state: 'early',
    });
    this.ctx.dialogCreated(this);
  }
}

export function firstContactUri(message: { headers: { get(name: string): string | undefined } }): string | undefined {
  const contact = message.headers.get('Contact');
  if (!contact) return undefined;
  const m = /<([^>]+)>/.exec(contact);
  return (m ? m[1] : contact.split(';')[0])?.trim();
}
