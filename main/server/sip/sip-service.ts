import type { CallState, TerminationReason } from './call-states.js';
import type { SipAddress, SipTransportKind } from './flow.js';
import type { RegistrationEvent, SipBinding } from './registrar.js';

/** Callbacks of one call; every one is optional and may be set after the call is handed over. */
export interface CallDelegate {
  /** The ACK for our 200 arrived (inbound calls); carries the SDP answer of a delayed offer. */
  onAck?(sdp: string): void;
  /** The caller gave up before the answer (CANCEL); the INVITE was answered 487. */
  onCancel?(): void;
  /** The far end hung up (BYE, answered 200). */
  onBye?(): void;
  /** A re-INVITE (hold/resume): return the answer SDP; throwing or rejecting answers 488. */
  onReinvite?(sdp: string): string | Promise<string>;
  /** INFO in the dialog, answered 200 (DTMF as application/dtmf-relay or application/dtmf). */
  onInfo?(contentType: string, body: string): void;
  /** Once, whatever ended the call. */
  onTerminated?(reason: TerminationReason): void;
}

export type ReinviteResult = { ok: true; sdp: string } | { ok: false; status: number };

/** What both directions can do once a dialog exists. */
export interface SipCall {
  readonly callId: string;
  readonly transport: SipTransportKind;
  readonly state: CallState;
  delegate: CallDelegate;
  /** Hangs up; resolves when the BYE is answered or timed out. No-op once terminated. */
  bye(): Promise<void>;
  reinvite(sdp: string): Promise<ReinviteResult>;
  /** Resolves with the final status of the INFO (408 on timeout). */
  info(contentType: string, body: string): Promise<number>;
}

export interface IncomingCall extends SipCall {
  /** Caller number: user part of From. */
  readonly from: string;
  readonly fromDisplay?: string;
  /** Dialled number: user part of the Request-URI (e.g. 12329). */
  readonly to: string;
  readonly remoteSdp: string;
  readonly source: SipAddress;
  /** A header of the INVITE (case-insensitive), e.g. X-12329-Work-Order-Id. */
  header(name: string): string | undefined;
  /**
   * Headers added to every response still to come (180, 183, 200), e.g. X-12329-Call-Id so that
   * a desk placing a call learns the call record it belongs to.
   */
  responseHeaders: Array<[string, string]>;
  /** 180 Ringing. */
  ring(): void;
  /** 183 Session Progress with our SDP answer: early media (a carrier's ringback or announcement). */
  progress(localSdp: string): void;
  /** 200 OK with our SDP; retransmitted on UDP until the ACK (delegate.onAck, `acked`). */
  answer(localSdp: string): void;
  /** A final error response (404, 480, 486, 503, …). */
  reject(status: number, reason?: string): void;
  /** Resolves true on the ACK for our 200, false if the call ended first. */
  readonly acked: Promise<boolean>;
}

export type OutgoingResult = { answered: true; sdp: string } | { answered: false; status: number; reason: string };

export interface OutgoingCallDelegate extends CallDelegate {
  /** 1xx responses (180 Ringing, 183 with early SDP). */
  onProgress?(status: number, reason: string, sdp: string): void;
  /** 200 with the answer SDP; the ACK is already sent. */
  onAnswered?(sdp: string): void;
  /** A final error (486, 480, 603, 487 after cancel(), 408 on timeout, 480 when not registered). */
  onFailed?(status: number, reason: string): void;
}

export interface OutgoingCall extends SipCall {
  readonly target: string;
  delegate: OutgoingCallDelegate;
  /** Settles once with the final outcome; never rejects. */
  readonly result: Promise<OutgoingResult>;
  /** Before the answer: CANCEL (sent once a provisional response came, as RFC 3261 §9.1 wants). */
  cancel(): void;
}

export interface OutgoingOptions {
  /** User part of our From (the caller's number when we ring an agent). Default 12329. */
  callerNumber?: string;
  callerDisplay?: string;
  /** Extra headers, e.g. X-Call-Ref for the desk. */
  headers?: Record<string, string>;
  /** Where to send when the URI's host is a name the caller resolved (inviteUri); default: the URI's IP. */
  sendTo?: { address: string; port: number };
  /** Answers one 401/407 challenge with a digest (a carrier trunk that authenticates the center). */
  credentials?: { username: string; password: string };
}

/** The agent who placed a call, proven by digest (407 challenge) against their SIP credentials. */
export interface CallingAgent {
  workNumber: string;
  userId: number;
}

export interface SipServiceDelegate {
  /** A new INVITE to a served number; without a delegate, INVITEs are answered 503. */
  onIncomingCall(call: IncomingCall): void;
  /**
   * An authenticated agent dials any other number (follow-up calls through the trunk). Without
   * this callback such INVITEs are answered 404; with it, unauthenticated ones get 407.
   */
  onAgentCall?(call: IncomingCall, agent: CallingAgent): void;
}

/** ctx.services.get(SERVICES.sip). */
export interface SipService {
  delegate: SipServiceDelegate | undefined;
  readonly udpPort: number;
  /** Rings an agent on its newest registration (its WebSocket flow). */
  inviteAgent(workNumber: string, localSdpOffer: string, options?: OutgoingOptions): OutgoingCall;
  /** A call over UDP to sip:user@ip:port, or to a named host at options.sendTo (follow-up calls through a trunk). */
  inviteUri(uri: string, localSdpOffer: string, options?: OutgoingOptions): OutgoingCall;
  isRegistered(workNumber: string): boolean;
  registrations(workNumber: string): SipBinding[];
  registeredAgents(): string[];
  /** 'registered' when an agent's first binding appears, 'unregistered' when the last one goes. */
  onRegistration(listener: (event: RegistrationEvent) => void): () => void;
}
