import { Dialog } from './dialog.js';
import type { SipFlow } from './flow.js';
import { firstContactUri } from './incoming-call.js';
import { SipHeaders, type IncomingResponse, type SipRequest } from './message.js';
import { formatNameAddr } from './name-addr.js';
import { newBranch, newCallId, newTag, serialize } from './serializer.js';
import { digestAuthorization, parseDigestCredentials } from './digest.js';
import { ALLOW, BaseCall, type CallContext } from './sip-call.js';
import type { TerminationReason } from './call-states.js';
import type { OutgoingCall, OutgoingCallDelegate, OutgoingOptions, OutgoingResult } from './sip-service.js';
import type { ClientTransaction } from './transaction-layer.js';

export interface OutboundTarget {
  /** Request-URI: the agent's registered Contact, or the URI dialled. */
  requestUri: string;
  /** To header URI (the agent's address of record). */
  toUri: string;
}

/** An INVITE we send (UAC side of the B2BUA): to an agent's WebSocket, or over UDP. */
export class OutboundCall extends BaseCall implements OutgoingCall {
  override delegate: OutgoingCallDelegate = {};
  readonly result: Promise<OutgoingResult>;
  readonly target: string;
  readonly localTag = newTag();
  private settle!: (result: OutgoingResult) => void;
  private invite: SipRequest | undefined;
  private inviteTx: ClientTransaction | undefined;
  private gotProvisional = false;
  /** CSeq of the INVITE in flight: 1, or 2 after answering a digest challenge. */
  private inviteSeq = 1;
  private localSdpOffer = '';
  private cancelRequested = false;
  private settled = false;

  constructor(
    flow: SipFlow,
    ctx: CallContext,
    private readonly dest: OutboundTarget,
    private readonly options: OutgoingOptions = {},
  ) {
    super(newCallId(flow.local.host), flow, ctx, 'calling');
    this.target = dest.requestUri;
    this.result = new Promise((resolve) => (this.settle = resolve));
  }

  /** Sends the INVITE (separate from the constructor so the caller can set a delegate first). */
  start(localSdpOffer: string): this {
    this.localSdpOffer = localSdpOffer;
    return this.sendInvite([]);
  }

  private sendInvite(extra: Array<[string, string]>): this {
    const { host, port, viaTransport } = this.flow.local;
    const caller = this.options.callerNumber ?? '12329';
    const headers = new SipHeaders();
    headers.add('Via', `SIP/2.0/${viaTransport} ${host}:${port};branch=${newBranch()};rport`);
    headers.add('Max-Forwards', '70');
    headers.add(
      'From',
      formatNameAddr({
        ...(this.options.callerDisplay ? { displayName: this.options.callerDisplay } : {}),
        uri: `sip:${caller}@${host}`,
        params: { tag: this.localTag },
      }),
    );
    headers.add('To', `<${this.dest.toUri}>`);
    headers.add('Call-ID', this.callId);
    headers.add('CSeq', `${this.inviteSeq} INVITE`);
    headers.add('Contact', this.contactHeader());
    headers.add('Allow', ALLOW);
    for (const [name, value] of Object.entries(this.options.headers ?? {})) headers.add(name, value);
    for (const [name, value] of extra) headers.add(name, value);
    headers.add('Content-Type', 'application/sdp');
    this.invite = { kind: 'request', method: 'INVITE', uri: this.dest.requestUri, headers, body: this.localSdpOffer };
    this.inviteTx = this.ctx.transactions.createClient(this.invite, this.flow, {
      onResponse: (response) => this.receiveResponse(response),
      onTimeout: () => this.fail(408, 'Request Timeout'),
    });
    return this;
  }

  /** Fails at once without sending (agent not registered, bad URI). */
  failNow(status: number, reason: string): this {
    queueMicrotask(() => this.fail(status, reason));
    return this;
  }

  cancel(): void {
    if (!this.machine.is('calling', 'ringing') || this.cancelRequested) return;
    this.cancelRequested = true;
    if (this.gotProvisional) this.sendCancel();
  }

  /** A 2xx that came again after the INVITE transaction ended: ACK it again. */
  receiveResponse(response: IncomingResponse): void {
    if (response.status < 200) {
      if (this.machine.is('terminated')) return;
      this.gotProvisional = true;
      if (this.cancelRequested) return this.sendCancel();
      if (response.status > 100) {
        if (this.machine.can('ringing')) this.machine.to('ringing');
        this.safely(() => this.delegate.onProgress?.(response.status, response.reason, response.body));
      }
    } else if (response.status < 300) {
      this.receive2xx(response);
    } else if ((response.status === 401 || response.status === 407) && this.answerChallenge(response)) {
      return;
    } else {
      this.fail(response.status, response.reason);
    }
  }

  protected override onEnded(reason: TerminationReason): void {
    if (!this.settled) {
      this.settled = true;
      this.settle({ answered: false, status: reason === 'flow-closed' ? 480 : 487, reason });
    }
  }

  private receive2xx(response: IncomingResponse): void {
    const invite = this.invite!;
    if (!this.dialog) {
      this.dialog = new Dialog({
        callId: this.callId,
        localTag: this.localTag,
        remoteTag: response.toTag ?? '',
        local: invite.headers.get('From')!,
        remote: response.headers.get('To')!,
        remoteTarget: firstContactUri(response) ?? this.dest.requestUri,
        routeSet: response.headers.getAll('Record-Route').reverse(),
        localSeq: this.inviteSeq,
        flow: this.flow,
        contact: this.contactHeader(),
        state: 'confirmed',
      });
      this.ctx.dialogCreated(this);
    }
    // ACK for 2xx is end to end: a new branch, outside any transaction (RFC 3261 §13.2.2.4).
    this.flow.send(serialize(this.dialog.createRequest('ACK', { seq: this.inviteSeq })));
    if (this.machine.is('established') || this.settled) return;
    if (this.machine.is('terminated') || this.cancelRequested) {
      // Answered while we were cancelling: take the call and hang it up at once.
      if (this.machine.is('terminated')) void this.send(this.dialog.createRequest('BYE'));
      else void this.bye();
      return;
    }
    this.machine.to('established');
    this.settled = true;
    this.settle({ answered: true, sdp: response.body });
    this.safely(() => this.delegate.onAnswered?.(response.body));
  }

  /**
   * One retry with credentials (RFC 3261 §22.2): same Call-ID and tags, CSeq + 1, a new branch.
   * A second challenge means the credentials are wrong: the call fails with it.
   */
  private answerChallenge(response: IncomingResponse): boolean {
    const credentials = this.options.credentials;
    if (!credentials || this.inviteSeq > 1 || this.cancelRequested || this.machine.is('terminated')) return false;
    const header = response.status === 401 ? 'WWW-Authenticate' : 'Proxy-Authenticate';
    const challenge = parseDigestCredentials(response.headers.get(header) ?? '');
    if (!challenge?.nonce || !challenge.realm || (challenge.algorithm && challenge.algorithm.toUpperCase() !== 'MD5')) return false;
    const authorization = digestAuthorization({ ...credentials, challenge, method: 'INVITE', uri: this.dest.requestUri });
    this.inviteSeq++;
    this.gotProvisional = false;
    this.sendInvite([[response.status === 401 ? 'Authorization' : 'Proxy-Authorization', authorization]]);
    return true;
  }

  private fail(status: number, reason: string): void {
    if (this.settled || this.machine.is('established', 'terminated')) return;
    this.settled = true;
    this.settle({ answered: false, status, reason });
    this.safely(() => this.delegate.onFailed?.(status, reason));
    this.end(this.cancelRequested ? 'cancelled' : status === 408 ? 'timeout' : 'failed');
  }

  private sendCancel(): void {
    const invite = this.invite;
    if (!invite || this.inviteTx?.state !== 'proceeding') return;
    const headers = new SipHeaders();
    headers.add('Via', invite.headers.get('Via')!);
    headers.add('Max-Forwards', '70');
    for (const name of ['From', 'To', 'Call-ID']) headers.add(name, invite.headers.get(name)!);
    headers.add('CSeq', `${this.inviteSeq} CANCEL`);
    this.ctx.transactions.createClient({ kind: 'request', method: 'CANCEL', uri: invite.uri, headers, body: '' }, this.flow, {
      onResponse: () => undefined,
      onTimeout: () => undefined,
    });
  }

  private contactHeader(): string {
    const { host, port, viaTransport } = this.flow.local;
    const caller = this.options.callerNumber ?? '12329';
    return `<sip:${caller}@${host}:${port}${viaTransport === 'WS' ? ';transport=ws' : ''}>`;
  }
}
