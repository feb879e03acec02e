import type { RtpPacket } from './rtp-packet.js';
// What RTP and WebRTC legs share: the outgoing RTP stream (SSRC, sequence, timestamps, marker),
// prompt playback, RFC 4733 in and out, hold, stats and closing. Subclasses only move packets.
import { randomInt } from 'node:crypto';
import {
  MediaError,
  type AudioCodec,
  type DtmfDigit,
  type DtmfSource,
  type MediaKind,
  type MediaLeg,
  type MediaLegStats,
  type MediaLogger,
  type PlayOptions,
  type PlayResult,
} from './media-engine.js';
import { SILENCE_BYTE, STATIC_PAYLOAD_TYPE, transcode } from './g711.js';
import { FRAME_MS, FRAME_SAMPLES, type MediaClock } from './media-clock.js';
import { buildTelephoneEvent, digitToEvent, isDtmfDigit, TelephoneEventReceiver } from './rfc4733.js';
import type { PromptCache } from './prompt-cache.js';

export interface LegContext {
  clock: MediaClock;
  prompts: PromptCache;
  logger?: MediaLogger;
}

/** What a leg hands its transport: the same fields as a parsed RTP packet. */
export type OutgoingPacket = RtpPacket;

export type AudioListener = (codec: AudioCodec, payload: Buffer) => void;

interface Playback {
  data: Buffer;
  offset: number;
  interruptOnDtmf: boolean;
  finish: (result: PlayResult) => void;
}

interface DtmfJob {
  event: number;
  step: number;
  timestamp: number;
  done: () => void;
}

const DTMF_TONE_PACKETS = 5; // 100 ms of tone
const DTMF_END_PACKETS = 3; // RFC 4733 §2.5.1.4: the end packet is sent three times
const DTMF_VOLUME = 10;
const SILENCE_GAP_MS = 3 * FRAME_MS;

export abstract class BaseLeg implements MediaLeg {
  abstract readonly kind: MediaKind;
  localSdp = '';
  codec: AudioCodec = 'PCMU';
  /** Payload types agreed for the session (same numbers both ways). */
  protected audioPayloadType: number = STATIC_PAYLOAD_TYPE.PCMU;
  protected dtmfPayloadType: number | undefined;
  /** False while the far end said sendonly/inactive: we keep time but send nothing. */
  protected remoteReceives = true;
  /** Set by a bridge; a leg is in at most one. */
  bridgedBy: object | undefined;

  readonly closed: Promise<void>;
  private resolveClosed!: () => void;
  private isClosed = false;

  private readonly ssrc = randomInt(1, 0xffffffff);
  private sequence = randomInt(0, 0xffff);
  private nextTimestamp = randomInt(0, 0xffffffff);
  private lastSentAt: number | undefined;
  /** The next frame starts a talkspurt (a prompt began): marker bit, timestamp at the wall clock. */
  private talkspurt = false;
  private readonly counters: MediaLegStats = { packetsReceived: 0, packetsSent: 0, bytesReceived: 0, bytesSent: 0 };

  private readonly dtmfListeners = new Set<(digit: DtmfDigit, source: DtmfSource) => void>();
  private readonly audioListeners = new Set<AudioListener>();
  private readonly telephoneEvents = new TelephoneEventReceiver();
  private readonly dtmfQueue: DtmfJob[] = [];
  private playback: Playback | undefined;
  private onHold = false;
  private unsubscribeClock: (() => void) | undefined;

  constructor(
    protected readonly ctx: LegContext,
    readonly callId: string,
    readonly id: string,
  ) {
    this.closed = new Promise((resolve) => (this.resolveClosed = resolve));
  }

  /** Sends one packet to the far end (after SRTP for WebRTC). */
  protected abstract transmit(packet: OutgoingPacket): void;
  /** Releases sockets / the peer connection. */
  protected abstract shutdown(): Promise<void>;
  abstract setRemoteAnswer(sdp: string): Promise<void>;
  abstract updateRemote(sdp: string): Promise<string>;

  get isOpen(): boolean {
    return !this.isClosed;
  }

  // ---- incoming ---------------------------------------------------------------------------

  /** Subclasses hand every received RTP packet here. */
  protected receive(payloadType: number, ssrc: number, timestamp: number, payload: Buffer): void {
    if (this.isClosed) return;
    this.counters.packetsReceived++;
    this.counters.bytesReceived += payload.length;
    this.counters.lastPacketAt = Date.now();
    if (payloadType === this.dtmfPayloadType) {
      const digit = this.telephoneEvents.accept(ssrc, timestamp, payload);
      if (digit !== undefined) this.emitDtmf(digit, 'rfc4733');
      return;
    }
    // Accept either G.711 by its static type, whatever was negotiated: some trunks switch.
    const codec = payloadType === this.audioPayloadType ? this.codec : payloadType === 0 ? 'PCMU' : payloadType === 8 ? 'PCMA' : undefined;
    if (!codec) return;
    for (const listener of this.audioListeners) listener(codec, payload);
  }

  onDtmf(listener: (digit: DtmfDigit, source: DtmfSource) => void): () => void {
    this.dtmfListeners.add(listener);
    return () => this.dtmfListeners.delete(listener);
  }

  injectDtmf(digit: DtmfDigit): void {
    if (!isDtmfDigit(digit)) throw new MediaError('state', `not a DTMF digit: ${JSON.stringify(digit)}`);
    this.emitDtmf(digit.toUpperCase(), 'info');
  }

  private emitDtmf(digit: DtmfDigit, source: DtmfSource): void {
    if (this.isClosed) return;
    if (this.playback?.interruptOnDtmf) this.endPlayback('interrupted');
    for (const listener of [...this.dtmfListeners]) listener(digit, source);
  }

  /** Received audio frames (decoded by the listener if needed); used by bridges and recorders. */
  onAudio(listener: AudioListener): () => void {
    this.audioListeners.add(listener);
    return () => this.audioListeners.delete(listener);
  }

  // ---- outgoing ---------------------------------------------------------------------------

  /** Bridged audio from the other leg: sent unless a prompt, a digit or hold owns the stream. */
  forwardAudio(codec: AudioCodec, payload: Buffer): void {
    if (this.isClosed || this.playback || this.onHold || this.dtmfQueue.length > 0) return;
    this.sendAudio(transcode(codec, this.codec, payload));
  }

  private sendAudio(payload: Buffer): void {
    const { timestamp, marker } = this.stamp(payload.length);
    this.send(this.audioPayloadType, marker, timestamp, payload);
  }

  private send(payloadType: number, marker: boolean, timestamp: number, payload: Buffer): void {
    if (!this.remoteReceives) return;
    this.sequence = (this.sequence + 1) & 0xffff;
    this.counters.packetsSent++;
    this.counters.bytesSent += payload.length;
    this.transmit({ payloadType, marker, sequenceNumber: this.sequence, timestamp, ssrc: this.ssrc, payload });
  }

  /**
   * Timestamp for a frame sent now. Continuous frames advance by their sample count (no drift);
   * after a pause the timestamp jumps by the wall-clock gap and the marker bit starts a talkspurt.
   */
  private stamp(samples: number): { timestamp: number; marker: boolean } {
    const now = performance.now();
    let marker = false;
    if (this.lastSentAt === undefined || this.talkspurt || now - this.lastSentAt > SILENCE_GAP_MS) {
      // The pause is in the timestamps too (RFC 3550 §5.1), also before a prompt that follows the
      // menu's silent wait for digits: otherwise the far end reads seconds of jitter.
      const pause = this.lastSentAt === undefined ? 0 : now - this.lastSentAt - FRAME_MS;
      if (pause > 0) this.nextTimestamp = (this.nextTimestamp + Math.round(pause * 8)) >>> 0;
      marker = true;
      this.talkspurt = false;
    }
    const timestamp = this.nextTimestamp;
    this.nextTimestamp = (this.nextTimestamp + samples) >>> 0;
    this.lastSentAt = now;
    return { timestamp, marker };
  }

  async play(files: readonly string[], options: PlayOptions = {}): Promise<PlayResult> {
    if (this.isClosed) return 'closed';
    const parts = await Promise.all(files.map((file) => this.ctx.prompts.load(file, this.codec)));
    if (this.isClosed) return 'closed';
    if (options.signal?.aborted) return 'interrupted';
    this.endPlayback('interrupted');
    return new Promise<PlayResult>((resolve) => {
      const onAbort = (): void => {
        if (this.playback === playback) this.endPlayback('interrupted');
      };
      const playback: Playback = {
        data: parts.length === 1 ? parts[0]! : Buffer.concat(parts),
        offset: 0,
        interruptOnDtmf: options.interruptOnDtmf ?? false,
        finish: (result) => {
          options.signal?.removeEventListener('abort', onAbort);
          resolve(result);
        },
      };
      options.signal?.addEventListener('abort', onAbort);
      this.playback = playback;
      this.talkspurt = true; // a prompt starts a talkspurt (marker bit)
      this.updateClock();
    });
  }

  stopPlayback(): void {
    this.endPlayback('interrupted');
  }

  private endPlayback(result: PlayResult): void {
    const playback = this.playback;
    if (!playback) return;
    this.playback = undefined;
    this.updateClock();
    playback.finish(result);
  }

  sendDtmf(digit: DtmfDigit): Promise<void> {
    if (!isDtmfDigit(digit)) return Promise.reject(new MediaError('state', `not a DTMF digit: ${JSON.stringify(digit)}`));
    if (this.isClosed) return Promise.reject(new MediaError('closed', `leg ${this.id} is closed`));
    if (this.dtmfPayloadType === undefined) {
      this.ctx.logger?.warn({ leg: this.id }, 'far end did not negotiate telephone-event; digit dropped');
      return Promise.resolve();
    }
    return new Promise((done) => {
      this.dtmfQueue.push({ event: digitToEvent(digit), step: 0, timestamp: 0, done });
      this.updateClock();
    });
  }

  setHold(on: boolean): void {
    this.onHold = on;
    this.updateClock();
  }

  private updateClock(): void {
    const needed = !this.isClosed && (this.playback !== undefined || this.dtmfQueue.length > 0 || this.onHold);
    if (needed && !this.unsubscribeClock) this.unsubscribeClock = this.ctx.clock.subscribe(() => this.tick());
    else if (!needed && this.unsubscribeClock) {
      this.unsubscribeClock();
      this.unsubscribeClock = undefined;
    }
  }

  /** Every 20 ms while something owns the stream: a DTMF packet, else a prompt frame, else hold silence. */
  private tick(): void {
    const job = this.dtmfQueue[0];
    if (job) return this.dtmfTick(job);
    const playback = this.playback;
    if (playback) {
      if (playback.offset >= playback.data.length) return this.endPlayback('completed');
      const frame = playback.data.subarray(playback.offset, playback.offset + FRAME_SAMPLES);
      playback.offset += FRAME_SAMPLES;
      return this.sendAudio(frame);
    }
    // Hold: comfort silence keeps NAT bindings and the far end's jitter buffer alive.
    if (this.onHold) this.sendAudio(Buffer.alloc(FRAME_SAMPLES, SILENCE_BYTE[this.codec]));
  }

  private dtmfTick(job: DtmfJob): void {
    let marker = false;
    if (job.step === 0) {
      ({ timestamp: job.timestamp, marker } = this.stamp(0));
    }
    const end = job.step >= DTMF_TONE_PACKETS;
    const duration = Math.min(job.step + 1, DTMF_TONE_PACKETS) * FRAME_SAMPLES;
    this.send(this.dtmfPayloadType!, marker, job.timestamp, buildTelephoneEvent({ event: job.event, end, volume: DTMF_VOLUME, duration }));
    this.lastSentAt = performance.now();
    job.step++;
    if (job.step >= DTMF_TONE_PACKETS + DTMF_END_PACKETS) {
      this.nextTimestamp = (job.timestamp + DTMF_TONE_PACKETS * FRAME_SAMPLES) >>> 0;
      this.dtmfQueue.shift();
      this.updateClock();
      job.done();
    }
  }

  stats(): MediaLegStats {
    return { ...this.counters };
  }

  async close(): Promise<void> {
    if (this.isClosed) return this.closed;
    this.isClosed = true;
    this.endPlayback('closed');
    for (const job of this.dtmfQueue.splice(0)) job.done();
    this.updateClock();
    this.dtmfListeners.clear();
    this.audioListeners.clear();
    try {
      await this.shutdown();
    } catch (error) {
      this.ctx.logger?.warn({ leg: this.id, err: error }, 'media leg shutdown failed');
    }
    this.resolveClosed();
  }
}
