// Joins two legs: each leg's received audio is sent on the other (payload copied when the codecs
// match, PCMU↔PCMA transcoded when not), each side's digits are re-sent as RFC 4733 on the other,
// and an optional recorder gets both sides decoded. isolate() cuts one side off entirely.
import { MediaError, type MediaBridge, type MediaLeg, type RecordingResult } from './media-engine.js';
import type { BaseLeg } from './base-leg.js';
import type { MediaClock } from './media-clock.js';
import { decode } from './g711.js';
import { RecordingSlot } from './recording-slot.js';

export class LegBridge implements MediaBridge {
  private readonly isolated = new Set<MediaLeg>();
  private readonly unsubscribers: (() => void)[] = [];
  private readonly recording: RecordingSlot;
  private active = true;

  constructor(
    private readonly clock: MediaClock,
    readonly a: BaseLeg,
    readonly b: BaseLeg,
  ) {
    this.recording = new RecordingSlot(clock, 2);
    if (a === b) throw new MediaError('state', 'cannot bridge a leg to itself');
    for (const leg of [a, b]) {
      if (!leg.isOpen) throw new MediaError('closed', `leg ${leg.id} is closed`);
      if (leg.bridgedBy) throw new MediaError('busy', `leg ${leg.id} is already bridged`);
    }
    a.bridgedBy = this;
    b.bridgedBy = this;
    this.join(a, b, 0);
    this.join(b, a, 1);
    void a.closed.then(() => this.unbridge());
    void b.closed.then(() => this.unbridge());
  }

  private join(from: BaseLeg, to: BaseLeg, channel: 0 | 1): void {
    this.unsubscribers.push(
      from.onAudio((codec, payload) => {
        if (this.isolated.has(from)) return; // the recording gets silence for this side too
        to.forwardAudio(codec, payload);
        this.recording.active?.push(channel, decode(codec, payload));
      }),
      from.onDtmf((digit) => {
        if (this.isolated.has(from) || !to.isOpen) return;
        to.sendDtmf(digit).catch(() => undefined);
      }),
    );
  }

  isolate(leg: MediaLeg, on: boolean): void {
    if (leg !== this.a && leg !== this.b) throw new MediaError('state', `leg ${leg.id} is not in this bridge`);
    if (on) this.isolated.add(leg);
    else this.isolated.delete(leg);
  }

  startRecording(file: string): void {
    if (!this.active) throw new MediaError('closed', 'the bridge is unbridged');
    this.recording.start(file);
  }

  stopRecording(): Promise<RecordingResult> {
    return this.recording.stop();
  }

  unbridge(): void {
    if (!this.active) return;
    this.active = false;
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
    this.recording.finish();
    this.a.bridgedBy = undefined;
    this.b.bridgedBy = undefined;
  }
}
