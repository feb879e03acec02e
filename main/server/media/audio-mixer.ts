// The audio mixer: N legs, each hearing the sum of the members that speak to it (three-way
// conference; a supervisor's listen, whisper and barge are only other speaksTo settings). Each
// member's received audio is decoded to 16-bit linear into its own jitter queue; on every 20 ms
// tick of the engine's clock one frame is taken from each queue and, for each member, the frames
// of the members it hears are summed with saturation and encoded in that member's codec. Nothing
// is sent to a member when none of the members it hears had audio this tick (like a bridge when
// the far end is silent). Digits are not forwarded. Hold and play() on a member behave as in a
// bridge: the leg's forwardAudio() drops mixed audio while a prompt, a digit or hold owns its stream.
// The recording holds what is said to the whole call: the members that speak to all (a listening or
// whispering supervisor is not in it, and an isolated caller is silence, as in a bridge).
import { MediaError, type MediaLeg, type MediaMixer, type RecordingResult, type SpeaksTo } from './media-engine.js';
import type { BaseLeg } from './base-leg.js';
import { FRAME_SAMPLES, type MediaClock } from './media-clock.js';
import { decode, encode } from './g711.js';
import { RecordingSlot } from './recording-slot.js';
import { JitterQueue } from './jitter-queue.js';

interface Member {
  readonly leg: BaseLeg;
  speaksTo: SpeaksTo;
  readonly queue: JitterQueue;
  /** The members whose audio this one hears; recomputed whenever membership or speaksTo changes. */
  hears: Member[];
  /** This tick's frame, undefined = silence. */
  frame: Int16Array | undefined;
  readonly unsubscribe: () => void;
}

export class LegMixer implements MediaMixer {
  private readonly byLeg = new Map<MediaLeg, Member>();
  /** byLeg's values, kept by route() so that a tick allocates no list. */
  private list: Member[] = [];
  /** The members that speak to all: what the recording holds. */
  private recorded: Member[] = [];
  private readonly sum = new Int32Array(FRAME_SAMPLES);
  private readonly clipped = new Int16Array(FRAME_SAMPLES);
  private readonly recording: RecordingSlot;
  private unsubscribeClock: (() => void) | undefined;
  private isClosed = false;

  constructor(
    private readonly clock: MediaClock,
    /** The engine's own object for a leg; throws for a closed or foreign leg. */
    private readonly resolve: (leg: MediaLeg) => BaseLeg,
  ) {
    this.recording = new RecordingSlot(clock, 1);
  }

  get members(): readonly MediaLeg[] {
    return [...this.byLeg.keys()];
  }

  add(leg: MediaLeg, options: { speaksTo?: SpeaksTo } = {}): void {
    if (this.isClosed) throw new MediaError('closed', 'the mixer is closed');
    const speaksTo = checkSpeaksTo(options.speaksTo ?? 'all');
    if (this.byLeg.has(leg)) throw new MediaError('busy', `leg ${leg.id} is already in this mixer`);
    const own = this.resolve(leg);
    if (!own.isOpen) throw new MediaError('closed', `leg ${leg.id} is closed`);
    if (own.bridgedBy) throw new MediaError('busy', `leg ${leg.id} is already in a bridge or a mixer`);
    const queue = new JitterQueue();
    const member: Member = {
      leg: own,
      speaksTo,
      queue,
      hears: [],
      frame: undefined,
      unsubscribe: own.onAudio((codec, payload) => queue.push(decode(codec, payload))),
    };
    own.bridgedBy = this;
    this.byLeg.set(leg, member);
    void own.closed.then(() => this.remove(leg));
    this.route();
    this.unsubscribeClock ??= this.clock.subscribe(() => this.tick());
  }

  setSpeaksTo(leg: MediaLeg, speaksTo: SpeaksTo): void {
    const member = this.byLeg.get(leg);
    if (!member) throw new MediaError('state', `leg ${leg.id} is not in this mixer`);
    member.speaksTo = checkSpeaksTo(speaksTo);
    this.route();
  }

  remove(leg: MediaLeg): void {
    const member = this.byLeg.get(leg);
    if (!member) return;
    member.unsubscribe();
    this.byLeg.delete(leg);
    if (member.leg.bridgedBy === this) member.leg.bridgedBy = undefined;
    this.route();
    if (this.byLeg.size === 0 && this.unsubscribeClock) {
      this.unsubscribeClock();
      this.unsubscribeClock = undefined;
    }
  }

  startRecording(file: string): void {
    if (this.isClosed) throw new MediaError('closed', 'the mixer is closed');
    this.recording.start(file);
  }

  stopRecording(): Promise<RecordingResult> {
    return this.recording.stop();
  }

  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const leg of [...this.byLeg.keys()]) this.remove(leg);
    this.recording.finish();
  }

  /** Who hears whom: Y is heard by X when Y ≠ X and Y speaks to all or lists X. */
  private route(): void {
    const members = [...this.byLeg.values()];
    this.list = members;
    this.recorded = members.filter((m) => m.speaksTo === 'all');
    for (const listener of members) {
      listener.hears = members.filter((speaker) => speaker !== listener && speaksTo(speaker.speaksTo, listener.leg));
    }
  }

  private tick(): void {
    const members = this.list;
    for (const member of members) member.frame = member.queue.take();
    const recorder = this.recording.active;
    if (recorder) {
      const all = this.mixFrom(this.recorded);
      if (all) recorder.push(0, Int16Array.from(all));
    }
    for (const listener of members) {
      const mixed = this.mixFrom(listener.hears);
      if (mixed) listener.leg.forwardAudio(listener.leg.codec, encode(listener.leg.codec, mixed));
    }
  }

  /** The saturated sum of the speakers' frames this tick (a shared buffer), or undefined if none had audio. */
  private mixFrom(speakers: readonly Member[]): Int16Array | undefined {
    let count = 0;
    for (const speaker of speakers) {
      const frame = speaker.frame;
      if (!frame) continue;
      if (count === 0) for (let i = 0; i < FRAME_SAMPLES; i++) this.sum[i] = frame[i]!;
      else for (let i = 0; i < FRAME_SAMPLES; i++) this.sum[i]! += frame[i]!;
      count++;
    }
    if (count === 0) return undefined;
    for (let i = 0; i < FRAME_SAMPLES; i++) {
      const s = this.sum[i]!;
      this.clipped[i] = s > 32767 ? 32767 : s < -32768 ? -32768 : s; // clip, never wrap around
    }
    return this.clipped;
  }
}

function speaksTo(setting: SpeaksTo, listener: MediaLeg): boolean {
  if (setting === 'all') return true;
  if (setting === 'none') return false;
  return setting.includes(listener);
}

function checkSpeaksTo(setting: SpeaksTo): SpeaksTo {
  if (setting === 'all' || setting === 'none') return setting;
  if (Array.isArray(setting)) return [...(setting as readonly MediaLeg[])];
  throw new MediaError('state', `speaksTo must be 'all', 'none' or a list of legs, not ${JSON.stringify(setting)}`);
}
