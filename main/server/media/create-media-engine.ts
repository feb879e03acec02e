// The embedded engine: plain RTP over node:dgram and WebRTC over werift, in this process.
import { randomUUID } from 'node:crypto';
import { MediaError, type MediaBridge, type MediaEngine, type MediaEngineOptions, type MediaKind, type MediaLeg, type MediaMixer } from './media-engine.js';
import type { BaseLeg, LegContext } from './base-leg.js';
import { MediaClock } from './media-clock.js';
import { PromptCache } from './prompt-cache.js';
import { RtpPortPool } from './rtp-port-pool.js';
import { RtpLeg } from './rtp-leg.js';
import { WebRtcLeg, warmUpWebRtc, type WebRtcSettings } from './webrtc-leg.js';
import { readAudioSdp } from './sdp-offer.js';
import { LegBridge } from './leg-bridge.js';
import { LegMixer } from './audio-mixer.js';

export async function createMediaEngine(options: MediaEngineOptions): Promise<MediaEngine> {
  // werift creates its DTLS certificate on first use; doing it now keeps it off the first call.
  await warmUpWebRtc();
  return new EmbeddedMediaEngine(options);
}

class EmbeddedMediaEngine implements MediaEngine {
  private readonly clock = new MediaClock();
  private readonly ctx: LegContext;
  private readonly ports: RtpPortPool;
  private readonly legs = new Set<BaseLeg>();
  private readonly advertised: string;
  private readonly webrtc: WebRtcSettings;
  private closing = false;

  constructor(options: MediaEngineOptions) {
    this.ctx = { clock: this.clock, prompts: new PromptCache(), logger: options.logger };
    this.ports = new RtpPortPool(options.host, options.rtpPorts);
    this.advertised = options.advertisedAddress ?? (options.host === '0.0.0.0' ? '127.0.0.1' : options.host);
    this.webrtc = { iceAdditionalHostAddresses: options.iceAdditionalHostAddresses ?? ['127.0.0.1'], fastPath: options.webrtcFastPath ?? true };
  }

  async answer(options: { callId: string; remoteSdp: string }): Promise<MediaLeg> {
    this.assertOpen();
    const offer = readAudioSdp(options.remoteSdp);
    const id = this.legId(options.callId);
    if (offer.kind === 'rtp') {
      const socket = await this.ports.open();
      return this.track(RtpLeg.answer(this.ctx, options.callId, id, socket, this.advertised, offer));
    }
    return this.track(await WebRtcLeg.answer(this.ctx, this.webrtc, options.callId, id, options.remoteSdp));
  }

  async offer(options: { callId: string; kind: MediaKind }): Promise<MediaLeg> {
    this.assertOpen();
    const id = this.legId(options.callId);
    if (options.kind === 'rtp') {
      const socket = await this.ports.open();
      return this.track(RtpLeg.offer(this.ctx, options.callId, id, socket, this.advertised));
    }
    return this.track(await WebRtcLeg.offer(this.ctx, this.webrtc, options.callId, id));
  }

  bridge(a: MediaLeg, b: MediaLeg): MediaBridge {
    this.assertOpen();
    return new LegBridge(this.clock, this.own(a), this.own(b));
  }

  mixer(): MediaMixer {
    this.assertOpen();
    return new LegMixer(this.clock, (leg) => this.own(leg));
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.legs].map((leg) => leg.close()));
    this.clock.stop();
  }

  private own(leg: MediaLeg): BaseLeg {
    const found = [...this.legs].find((l) => l === leg);
    if (!found && (leg as Partial<BaseLeg>).isOpen === false) throw new MediaError('closed', `leg ${leg.id} is closed`);
    if (!found) throw new MediaError('state', `leg ${leg.id} does not belong to this engine or is closed`);
    return found;
  }

  private track<T extends BaseLeg>(leg: T): T {
    if (this.closing) {
      void leg.close();
      throw new MediaError('closed', 'the media engine is closed');
    }
    this.legs.add(leg);
    void leg.closed.then(() => this.legs.delete(leg));
    return leg;
  }

  private legId(callId: string): string {
    return `${callId}/${randomUUID().slice(0, 8)}`;
  }

  private assertOpen(): void {
    if (this.closing) throw new MediaError('closed', 'the media engine is closed');
  }
}
