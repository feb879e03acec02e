// The media seam. Everything outside main/server/media codes against these types only: no werift,
// no RTP, no sockets. The embedded engine (create-media-engine.ts) implements them in-process; an
// external engine (rtpengine over its ng protocol) could implement the same interface later,
// because every call here is expressed in SDP, WAV files and digits.

/** 'webrtc' = UDP/TLS/RTP/SAVPF with ICE + DTLS-SRTP (browsers); 'rtp' = plain RTP/AVP (trunks, SIPp). */
export type MediaKind = 'webrtc' | 'rtp';
/** Only G.711 is negotiated: every peer we meet (SIP.js, trunks, SIPp) has it. */
export type AudioCodec = 'PCMU' | 'PCMA';
/** 'rfc4733' = telephone-event RTP packets; 'info' = SIP INFO digits handed in with injectDtmf. */
export type DtmfSource = 'rfc4733' | 'info';
export type PlayResult = 'completed' | 'interrupted' | 'closed';
/** 0-9, *, #, A-D. */
export type DtmfDigit = string;

export interface PlayOptions {
  /** Abort = stop this play() (result 'interrupted'). */
  signal?: AbortSignal;
  /** Barge-in: the first digit received while playing stops it (result 'interrupted'). The digit is still delivered to onDtmf listeners. */
  interruptOnDtmf?: boolean;
}

export interface MediaLegStats {
  packetsReceived: number;
  packetsSent: number;
  bytesReceived: number;
  bytesSent: number;
  /** Date.now() of the last RTP packet received; the glue may hang up a call whose media died. */
  lastPacketAt?: number;
}

/** One media stream with one far end (a caller, an agent's browser, a trunk). */
export interface MediaLeg {
  readonly id: string;
  readonly callId: string;
  readonly kind: MediaKind;
  /** Negotiated codec; for an offering leg, the codec preferred until setRemoteAnswer() settles it. */
  readonly codec: AudioCodec;
  /** The SDP to send: our answer (answer()) or our offer (offer()). Complete, non-trickle ICE. */
  readonly localSdp: string;

  /** Offering legs only: apply the far end's answer (200 OK / ACK body). */
  setRemoteAnswer(sdp: string): Promise<void>;
  /**
   * A re-INVITE from the far end (hold with a=sendonly/inactive, resume, new address). Returns the
   * SDP to answer with. The codec stays; a changed c=/port re-targets plain RTP.
   */
  updateRemote(sdp: string): Promise<string>;

  /**
   * Plays 8 kHz mono 16-bit PCM WAV files one after another to the far end. Playing takes over
   * the leg's outgoing audio (bridged audio towards this leg is muted meanwhile). A second play()
   * stops the first (which resolves 'interrupted'). Rejects with MediaError 'bad-wav' before
   * sending anything if a file is missing or in another format.
   */
  play(files: readonly string[], options?: PlayOptions): Promise<PlayResult>;
  stopPlayback(): void;

  /** Digits from the far end, once each, whatever their transport. Returns an unsubscribe function. */
  onDtmf(listener: (digit: DtmfDigit, source: DtmfSource) => void): () => void;
  /** A digit the SIP layer received as SIP INFO (application/dtmf-relay or application/dtmf). */
  injectDtmf(digit: DtmfDigit): void;
  /** Sends a digit as RFC 4733 events to the far end (about 100 ms tone + 3 end packets). */
  sendDtmf(digit: DtmfDigit): Promise<void>;

  /** We hold the far end: bridged audio towards it is muted and comfort silence is sent; play() still plays (music on hold). */
  setHold(on: boolean): void;

  stats(): MediaLegStats;
  /** Resolves when the leg is closed, by close() or because its transport failed (ICE/DTLS). */
  readonly closed: Promise<void>;
  close(): Promise<void>;
}

/** Two legs joined: audio (and DTMF, see docs/media.md) both ways until unbridge() or a leg closes. */
export interface MediaBridge {
  /** By convention a = the caller, b = the agent: recordings put a left and b right. */
  readonly a: MediaLeg;
  readonly b: MediaLeg;
  /**
   * While on, nothing from `leg` reaches the other leg: no audio, no DTMF, and the recording gets
   * silence for it. Used during caller verification so that the agent never hears the PIN.
   */
  isolate(leg: MediaLeg, on: boolean): void;
  /** Stereo 8 kHz 16-bit WAV, a = left, b = right; the folder is created. Throws if already recording. */
  startRecording(file: string): void;
  stopRecording(): Promise<RecordingResult>;
  /** Stops forwarding (and recording). The legs stay open. Idempotent. */
  unbridge(): void;
}

/**
 * Who hears a mixer member: 'all' = every other member (also those who join later), 'none' =
 * nobody (a supervisor listening), or only the listed legs (whisper). Listed legs that are not
 * members are ignored until they join; a member never hears itself.
 */
export type SpeaksTo = 'all' | 'none' | readonly MediaLeg[];

/**
 * N legs joined through a 16-bit linear mix at 8 kHz, paced by the engine's 20 ms clock: each
 * member hears the sum of every other member that speaks to it, in its own codec. Digits are not
 * forwarded between members (see docs/media.md). Hold and play() on a member behave as in a bridge.
 */
export interface MediaMixer {
  readonly members: readonly MediaLeg[];
  /** The leg must be open (MediaError 'closed') and in no bridge or other mixer (MediaError 'busy'). Default speaksTo: 'all'. */
  add(leg: MediaLeg, options?: { speaksTo?: SpeaksTo }): void;
  setSpeaksTo(leg: MediaLeg, speaksTo: SpeaksTo): void;
  /** The leg leaves (it stays open). Idempotent. */
  remove(leg: MediaLeg): void;
  /** Mono 8 kHz 16-bit WAV of what is said to the whole call (the sum of the members that speak to all); the folder is created. Throws if already recording. */
  startRecording(file: string): void;
  stopRecording(): Promise<RecordingResult>;
  /** Removes every member and stops (and stops recording); legs stay open. Idempotent. */
  close(): void;
}

export interface RecordingResult {
  file: string;
  durationMs: number;
}

export interface MediaEngine {
  /** The far end sent an offer (INVITE body). The kind follows the offer's m= protocol. */
  answer(options: { callId: string; remoteSdp: string }): Promise<MediaLeg>;
  /** We send the offer (INVITE to an agent's browser: 'webrtc'; to a trunk: 'rtp'). */
  offer(options: { callId: string; kind: MediaKind }): Promise<MediaLeg>;
  /** Joins two open legs. A leg can be in one bridge at a time (MediaError 'busy'). */
  bridge(a: MediaLeg, b: MediaLeg): MediaBridge;
  /** An empty mixer (conference, listen, whisper, barge); legs join with add(). */
  mixer(): MediaMixer;
  /** Closes every leg and socket. */
  close(): Promise<void>;
}

export interface MediaEngineOptions {
  /** Address to bind RTP sockets and to write in c= lines (config.host). */
  host: string;
  /** Address written in SDP if it differs from the bound one (behind NAT). */
  advertisedAddress?: string;
  /** Plain RTP port range (even ports; RTCP on +1 is not bound). Omitted = OS-chosen ports. */
  rtpPorts?: { min: number; max: number };
  /** Extra ICE host candidates for WebRTC (default ['127.0.0.1'] so loopback tests work). */
  iceAdditionalHostAddresses?: string[];
  /** WebRTC RTP around werift's media stack (webrtc-fast-path.ts); default true. False keeps werift's path: the bench's before/after, and a way back. */
  webrtcFastPath?: boolean;
  logger?: MediaLogger;
}

/** The subset of pino the engine uses. */
export interface MediaLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export type MediaErrorCode =
  | 'bad-sdp' // unparseable, no audio m= line, no address
  | 'no-common-codec' // the offer has neither PCMU nor PCMA
  | 'bad-wav' // missing file or not 8 kHz mono 16-bit PCM
  | 'closed' // the leg or engine is closed
  | 'busy' // the leg is already bridged or mixed / already recording
  | 'state' // e.g. setRemoteAnswer on an answering leg
  | 'no-ports'; // the RTP port range is exhausted

export class MediaError extends Error {
  override name = 'MediaError';
  constructor(
    readonly code: MediaErrorCode,
    message: string,
  ) {
    super(message);
  }
}
