import type { SipFlow } from './flow.js';
import { SipHeaders, type SipRequest } from './message.js';
import { newBranch } from './serializer.js';
import { StateMachine } from './state-machine.js';

export type DialogState = 'early' | 'confirmed' | 'terminated';

export const DIALOG_TRANSITIONS: Record<DialogState, readonly DialogState[]> = {
  early: ['confirmed', 'terminated'],
  confirmed: ['terminated'],
  terminated: [],
};

export function dialogKey(callId: string, localTag: string, remoteTag: string): string {
  return `${callId}|${localTag}|${remoteTag}`;
}

export interface DialogInit {
  callId: string;
  localTag: string;
  remoteTag: string;
  /** Our From (UAC) or To (UAS) header value, tag included. */
  local: string;
  remote: string;
  remoteTarget: string;
  routeSet: string[];
  localSeq: number;
  remoteSeq?: number;
  flow: SipFlow;
  contact: string;
  state: DialogState;
}

/** RFC 3261 §12 dialog state: identifiers, CSeq counters, target and route set. */
export class Dialog {
  readonly callId: string;
  readonly localTag: string;
  readonly remoteTag: string;
  private readonly machine: StateMachine<DialogState>;
  private localSeq: number;
  remoteSeq: number | undefined;
  remoteTarget: string;

  constructor(private readonly init: DialogInit) {
    this.callId = init.callId;
    this.localTag = init.localTag;
    this.remoteTag = init.remoteTag;
    this.localSeq = init.localSeq;
    this.remoteSeq = init.remoteSeq;
    this.remoteTarget = init.remoteTarget;
    this.machine = new StateMachine('dialog', DIALOG_TRANSITIONS, init.state);
  }

  get key(): string {
    return dialogKey(this.callId, this.localTag, this.remoteTag);
  }

  get state(): DialogState {
    return this.machine.state;
  }

  /** Our Contact header value for this dialog. */
  get contact(): string {
    return this.init.contact;
  }

  get flow(): SipFlow {
    return this.init.flow;
  }

  confirm(): void {
    if (this.machine.is('early')) this.machine.to('confirmed');
  }

  terminate(): void {
    if (!this.machine.is('terminated')) this.machine.to('terminated');
  }

  /** Lower or equal CSeq from the far end is out of order (RFC 3261 §12.2.2 → 500). */
  acceptRemoteSeq(seq: number): boolean {
    if (this.remoteSeq !== undefined && seq <= this.remoteSeq) return false;
    this.remoteSeq = seq;
    return true;
  }

  /** A new in-dialog request (ACK reuses the INVITE's CSeq number, passed as seq). */
  createRequest(method: string, options: { body?: string; contentType?: string; headers?: Array<[string, string]>; seq?: number } = {}): SipRequest {
    const seq = options.seq ?? ++this.localSeq;
    const { local, flow } = this.init;
    const headers = new SipHeaders();
    headers.add('Via', `SIP/2.0/${flow.local.viaTransport} ${flow.local.host}:${flow.local.port};branch=${newBranch()};rport`);
    for (const route of this.init.routeSet) headers.add('Route', route);
    headers.add('Max-Forwards', '70');
    headers.add('From', local);
    headers.add('To', this.init.remote);
    headers.add('Call-ID', this.callId);
    headers.add('CSeq', `${seq} ${method}`);
    if (method === 'INVITE') headers.add('Contact', this.init.contact);
    for (const [name, value] of options.headers ?? []) headers.add(name, value);
    if (options.body) headers.add('Content-Type', options.contentType ?? 'application/sdp');
    return { kind: 'request', method, uri: this.remoteTarget, headers, body: options.body ?? '' };
  }
}
