import type { Web } from 'sip.js';
import { createLevelMeter } from '../src/softphone/level-meter';
import { Inviter, SessionState, UserAgent, type Session } from 'sip.js';

export interface CallerStats {
  state: string;
  packetsReceived: number;
  packetsSent: number;
  /** RMS level (0–1) of the audio heard from the server over the last ~100 ms. */
  level: number;
}

/**
 * A caller that dials the server over SIP WebSocket without registering, like a trunk would
 * deliver a call. Tests drive it through window.testCaller.
 */
export class TestCaller {
  private ua: UserAgent | undefined;
  private session: Session | undefined;
  private meter: (() => number) | undefined;
  state = 'idle';
  endedBy: 'caller' | 'server' | undefined;

  constructor(
    private readonly serverUrl: string,
    private readonly onState: (state: string) => void = () => {},
  ) {}

  async dial(number: string, from: string): Promise<void> {
    this.ua ??= new UserAgent({
      uri: UserAgent.makeURI(`sip:${from}@caller.invalid`),
      // A caller does not register; it only places calls.
      displayName: from,
      transportOptions: { server: `${this.serverUrl.replace(/^http/, 'ws')}/sip` },
      sessionDescriptionHandlerFactoryOptions: { peerConnectionConfiguration: { iceServers: [] }, iceGatheringTimeout: 500 },
      logLevel: 'warn',
    });
    if (!this.ua.isConnected()) await this.ua.start();
    const target = UserAgent.makeURI(`sip:${number}@${new URL(this.serverUrl).hostname}`);
    if (!target) throw new Error(`bad number ${number}`);
    const inviter = new Inviter(this.ua, target, { sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } } });
    this.session = inviter;
    this.endedBy = undefined;
    inviter.stateChange.addListener((state) => {
      this.setState(state === SessionState.Established ? 'talking' : state === SessionState.Terminated ? 'ended' : state.toLowerCase());
      if (state === SessionState.Established) this.listen();
      if (state === SessionState.Terminated && !this.endedBy) this.endedBy = 'server';
    });
    await inviter.invite();
  }

  sendDtmf(digits: string): boolean {
    const sdh = this.session?.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined;
    if (!sdh) return false;
    return sdh.sendDtmf(digits, { duration: 120, interToneGap: 80 });
  }

  async hangup(): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.endedBy = 'caller';
    if (session.state === SessionState.Established) await session.bye();
    else if (session instanceof Inviter && session.state !== SessionState.Terminated) await session.cancel();
  }

  async stats(): Promise<CallerStats> {
    const sdh = this.session?.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined;
    let packetsReceived = 0;
    let packetsSent = 0;
    if (sdh?.peerConnection) {
      const report = await sdh.peerConnection.getStats();
      report.forEach((s: { type: string; kind?: string; packetsReceived?: number; packetsSent?: number }) => {
        if (s.type === 'inbound-rtp' && s.kind === 'audio') packetsReceived += s.packetsReceived ?? 0;
        if (s.type === 'outbound-rtp' && s.kind === 'audio') packetsSent += s.packetsSent ?? 0;
      });
    }
    return { state: this.state, packetsReceived, packetsSent, level: this.level() };
  }

  private level(): number {
    return this.meter?.() ?? 0;
  }

  private listen(): void {
    const sdh = this.session?.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined;
    if (!sdh) return;
    this.meter = createLevelMeter(sdh.remoteMediaStream);
    // Chromium only pulls remote WebRTC audio through the graph if an element plays it.
    const audio = new Audio();
    audio.srcObject = sdh.remoteMediaStream;
    audio.muted = true;
    void audio.play().catch(() => undefined);
  }

  private setState(state: string): void {
    this.state = state;
    this.onState(state);
  }
}
