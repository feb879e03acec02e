import { MediaError, type RecordingResult } from './media-engine.js';
import type { MediaClock } from './media-clock.js';
import { CallRecorder } from './call-recorder.js';

/**
 * The one recording a bridge or a mixer may have at a time: started once, stopped by the caller
 * (its result) or when the bridge or mixer ends (its result kept for a later stopRecording()).
 */
export class RecordingSlot {
  private recorder: CallRecorder | undefined;
  private last: Promise<RecordingResult> | undefined;

  constructor(
    private readonly clock: MediaClock,
    private readonly channels: 1 | 2,
  ) {}

  /** The recorder to push decoded audio to, while recording. */
  get active(): CallRecorder | undefined {
    return this.recorder;
  }

  start(file: string): void {
    if (this.recorder) throw new MediaError('busy', `already recording to ${this.recorder.file}`);
    this.recorder = new CallRecorder(file, this.clock, this.channels);
    this.last = undefined;
  }

  stop(): Promise<RecordingResult> {
    this.finish();
    if (!this.last) return Promise.reject(new MediaError('state', 'not recording'));
    return this.last;
  }

  /** The bridge or mixer ends: the file is closed; an error is reported by a later stop(). */
  finish(): void {
    if (!this.recorder) return;
    this.last = this.recorder.stop();
    this.last.catch(() => undefined);
    this.recorder = undefined;
  }
}
