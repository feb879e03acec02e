import type { Web } from 'sip.js';
import { createLevelMeter } from './level-meter';
import { CALL_ID_HEADER, IVR_PATH_HEADER, MONITOR_HEADER } from '../../../shared/sip/desk-headers';
import { Invitation, Inviter, Registerer, RegistererState, SessionState, UserAgent, type Session } from 'sip.js';

export type RegistrationState = 'unregistered' | 'registering' | 'registered' | 'failed';

export interface IncomingCallInfo {
  remoteNumber: string;
  remoteName: string | undefined;
  /** The server's call record id, so the desk can link work orders and look-ups to the call. */
  callId: string | undefined;
  /** The IVR path the caller took, e.g. ['业务查询', '个人贷款', '人工']. */
  ivrPath: string[];
  /** A team lead's own monitoring of an agent's call (X-12329-Monitor): the desk answers it by itself. */
  monitor?: 'listen' | 'whisper' | 'barge' | undefined;
}

export interface SipPhoneDelegate {
  onTransportChange?(connected: boolean): void;
  onRegistrationChange?(state: RegistrationState): void;
  onIncomingCall?(info: IncomingCallInfo): void;
  onCallEstablished?(): void;
  /** The call ended, by either side; `byRemote` tells who hung up first. */
  onCallEnded?(byRemote: boolean, reason?: string): void;
  /** The far end of a call we placed is ringing (180/183): time for the ringback tone. */
  onRemoteRinging?(): void;
  /** The server named the call record of a call we placed (X-12329-Call-Id), for the survey handoff. */
  onCallIdentified?(callId: string): void;
  /** The far end sends audio before answering (183 with SDP): the carrier's own tones or announcement. */
  onEarlyMedia?(): void;
  /** A call we placed got a final error (486 busy, 480 no answer, 503 no trunk…), before onCallEnded. */
  onDialFailed?(status: number, reason: string): void;
}

export interface SipPhoneOptions {
  serverUrl: string;
  workNumber: string;
  /** SIP digest secret issued with the desk's session (never the agent's login password on disk). */
  sipPassword: string;
  displayName: string;
  remoteAudio: HTMLAudioElement;
  /** Extra reconnect policy: seconds between WebSocket reconnect attempts. */
  reconnectDelays?: readonly number[];
}

/** SIP.js user agent of one agent desk: registration, one call at a time, reconnect on drop. */
export class SipPhone {
  private readonly ua: UserAgent;
  private readonly registerer: Registerer;
  private session: Session | undefined;
  private hungUpLocally = false;
  private stopped = false;
  private reconnectAttempt = 0;
  private inputDeviceId: string | undefined;
  private readonly domain: string;

  constructor(
    private readonly options: SipPhoneOptions,
    private readonly delegate: SipPhoneDelegate = {},
  ) {
    // The SIP domain is the server's host; the digest realm ("12329") is separate from it.
    this.domain = new URL(options.serverUrl).hostname;
    const uri = UserAgent.makeURI(`sip:${options.workNumber}@${this.domain}`);
    if (!uri) throw new Error(`cannot make a SIP URI for work number ${options.workNumber}`);
    this.ua = new UserAgent({
      uri,
      displayName: options.displayName,
      authorizationUsername: options.workNumber,
      authorizationPassword: options.sipPassword,
      transportOptions: { server: `${options.serverUrl.replace(/^http/, 'ws')}/sip` },
      // No STUN: the server is reached directly; a public STUN server is unreachable here anyway.
      sessionDescriptionHandlerFactoryOptions: { peerConnectionConfiguration: { iceServers: [] }, iceGatheringTimeout: 500 },
      logLevel: 'warn',
      delegate: {
        onConnect: () => {
          this.reconnectAttempt = 0;
          this.delegate.onTransportChange?.(true);
          void this.register();
        },
        onDisconnect: () => {
          this.delegate.onTransportChange?.(false);
          this.delegate.onRegistrationChange?.('unregistered');
          this.scheduleReconnect();
        },
        onInvite: (invitation) => this.onInvite(invitation),
      },
    });
    this.registerer = new Registerer(this.ua, { expires: 120 });
    this.registerer.stateChange.addListener((state) => {
      if (state === RegistererState.Registered) this.delegate.onRegistrationChange?.('registered');
      else if (state === RegistererState.Unregistered || state === RegistererState.Terminated) this.delegate.onRegistrationChange?.('unregistered');
    });
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.ua.start().catch(() => this.scheduleReconnect());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.session) await this.hangup().catch(() => undefined);
    if (this.registerer.state === RegistererState.Registered) await this.registerer.unregister().catch(() => undefined);
    await this.ua.stop();
  }

  setInputDevice(deviceId: string | undefined): void {
    this.inputDeviceId = deviceId;
  }

  async answer(): Promise<void> {
    if (!(this.session instanceof Invitation)) throw new Error('no incoming call to answer');
    await this.session.accept({ sessionDescriptionHandlerOptions: { constraints: this.audioConstraints() } });
  }

  async hangup(): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.hungUpLocally = true;
    switch (session.state) {
      case SessionState.Initial:
      case SessionState.Establishing:
        if (session instanceof Invitation) await session.reject({ statusCode: 486 });
        else if (session instanceof Inviter) await session.cancel();
        return;
      case SessionState.Established:
        await session.bye();
        return;
      default:
        return;
    }
  }

  async dial(number: string, extraHeaders: string[] = []): Promise<void> {
    if (this.session) throw new Error('a call is already in progress');
    const target = UserAgent.makeURI(`sip:${number}@${this.domain}`);
    if (!target) throw new Error(`not a dialable number: ${number}`);
    // earlyMedia: a carrier's ringback or 您拨打的电话已关机 arrives in a 183 and should be heard.
    const inviter = new Inviter(this.ua, target, {
      extraHeaders,
      earlyMedia: true,
      sessionDescriptionHandlerOptions: { constraints: this.audioConstraints() },
    });
    this.attach(inviter);
    await inviter.invite({
      requestDelegate: {
        onAccept: (response) => {
          const callId = response.message.getHeader(CALL_ID_HEADER);
          if (callId) this.delegate.onCallIdentified?.(callId);
        },
        onProgress: (response) => {
          const callId = response.message.getHeader(CALL_ID_HEADER);
          if (callId) this.delegate.onCallIdentified?.(callId);
          const status = response.message.statusCode;
          // SIP.js has applied the 183's SDP by now (earlyMedia): its stream is the far end's audio.
          if (status === 183 && response.message.body && this.sessionDescriptionHandler()) {
            this.playRemoteAudio();
            this.delegate.onEarlyMedia?.();
          } else if (status === 180 || status === 183) this.delegate.onRemoteRinging?.();
        },
        onReject: (response) => {
          // A 407 is answered by SIP.js with the agent's digest; only final refusals reach the desk.
          const { statusCode, reasonPhrase } = response.message;
          if (statusCode && statusCode !== 401 && statusCode !== 407) this.delegate.onDialFailed?.(statusCode, reasonPhrase ?? '');
        },
      },
    });
  }

  setMuted(muted: boolean): void {
    const sdh = this.sessionDescriptionHandler();
    sdh?.enableSenderTracks(!muted);
  }

  async setHeld(held: boolean): Promise<void> {
    const session = this.session;
    if (!session || session.state !== SessionState.Established) throw new Error('no established call to hold');
    session.sessionDescriptionHandlerOptionsReInvite = { hold: held } as Web.SessionDescriptionHandlerOptions;
    await session.invite();
  }

  /** RFC 4733 through the peer connection (what the IVR and trunks expect), SIP INFO as fallback. */
  async sendDtmf(digit: string): Promise<void> {
    if (!/^[0-9*#A-D]$/.test(digit)) throw new Error(`not a DTMF digit: ${digit}`);
    const sdh = this.sessionDescriptionHandler();
    if (sdh?.sendDtmf(digit)) return;
    await this.session?.info({
      requestOptions: { body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: `Signal=${digit}\r\nDuration=160` } },
    });
  }

  /** RTP counters of the current call (call quality on the desk, and tests). */
  async stats(): Promise<{ packetsReceived: number; packetsSent: number; packetsLost: number }> {
    const pc = this.sessionDescriptionHandler()?.peerConnection;
    const totals = { packetsReceived: 0, packetsSent: 0, packetsLost: 0 };
    if (!pc) return totals;
    (await pc.getStats()).forEach((s: { type: string; kind?: string; packetsReceived?: number; packetsSent?: number; packetsLost?: number }) => {
      if (s.type === 'inbound-rtp' && s.kind === 'audio') {
        totals.packetsReceived += s.packetsReceived ?? 0;
        totals.packetsLost += s.packetsLost ?? 0;
      }
      if (s.type === 'outbound-rtp' && s.kind === 'audio') totals.packetsSent += s.packetsSent ?? 0;
    });
    return totals;
  }

  /** Level (RMS 0–1) of what the agent hears, measured with WebAudio on the remote stream. */
  remoteLevel(): number {
    return this.levelMeter?.() ?? 0;
  }

  private levelMeter: (() => number) | undefined;

  private audioConstraints(): MediaStreamConstraints {
    return { audio: this.inputDeviceId ? { deviceId: { exact: this.inputDeviceId } } : true, video: false };
  }

  private async register(): Promise<void> {
    this.delegate.onRegistrationChange?.('registering');
    try {
      await this.registerer.register({
        // After a reconnect the Registerer may still think it is registered, so no state change
        // follows the refresh: the 200 itself says we are registered again.
        requestDelegate: {
          onAccept: () => this.delegate.onRegistrationChange?.('registered'),
          onReject: () => this.delegate.onRegistrationChange?.('failed'),
        },
      });
    } catch {
      this.delegate.onRegistrationChange?.('failed');
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    const delays = this.options.reconnectDelays ?? [1, 2, 4, 8, 15];
    const delay = delays[Math.min(this.reconnectAttempt++, delays.length - 1)]!;
    setTimeout(() => {
      if (this.stopped || this.ua.isConnected()) return;
      this.ua.reconnect().catch(() => this.scheduleReconnect());
    }, delay * 1000);
  }

  private onInvite(invitation: Invitation): void {
    if (this.session) {
      void invitation.reject({ statusCode: 486 });
      return;
    }
    this.attach(invitation);
    const request = invitation.request;
    const ivrHeader = request.getHeader(IVR_PATH_HEADER);
    let ivrPath: string[] = [];
    if (ivrHeader) {
      try {
        ivrPath = decodeURIComponent(ivrHeader)
          .split('>')
          .map((s) => s.trim())
          .filter(Boolean);
      } catch {
        ivrPath = [];
      }
    }
    const monitor = request.getHeader(MONITOR_HEADER);
    this.delegate.onIncomingCall?.({
      remoteNumber: invitation.remoteIdentity.uri.user ?? '',
      remoteName: invitation.remoteIdentity.displayName || undefined,
      callId: request.getHeader(CALL_ID_HEADER),
      ivrPath,
      ...(monitor === 'listen' || monitor === 'whisper' || monitor === 'barge' ? { monitor } : {}),
    });
  }

  private attach(session: Session): void {
    this.session = session;
    this.hungUpLocally = false;
    session.stateChange.addListener((state) => {
      if (state === SessionState.Established) {
        this.playRemoteAudio();
        this.delegate.onCallEstablished?.();
      } else if (state === SessionState.Terminated) {
        this.session = undefined;
        this.options.remoteAudio.srcObject = null;
        this.delegate.onCallEnded?.(!this.hungUpLocally);
      }
    });
  }

  private sessionDescriptionHandler(): Web.SessionDescriptionHandler | undefined {
    return this.session?.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined;
  }

  private playRemoteAudio(): void {
    const sdh = this.sessionDescriptionHandler();
    if (!sdh) return;
    this.options.remoteAudio.srcObject = sdh.remoteMediaStream;
    this.levelMeter = createLevelMeter(sdh.remoteMediaStream);
    void this.options.remoteAudio.play().catch(() => undefined);
  }
}
