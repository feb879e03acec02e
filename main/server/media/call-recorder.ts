// Call recording, 8 kHz 16-bit PCM: stereo for a bridge (caller = leg a left, agent = leg b
// right), mono for a mixer (the sum of every member).
// Frames are written on the media clock as they come, so a crash leaves every second recorded up
// to that point behind a placeholder header (sizes 0xFFFFFFFF = "to end of file"); stop() patches
// the real sizes. repairWavHeader() does the same for files a crash left behind.
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import type { RecordingResult } from './media-engine.js';
import { FRAME_SAMPLES, type MediaClock } from './media-clock.js';
import { repairWavHeader, wavHeader } from './wav-file.js';

/** Beyond this much queued audio on one side, old audio is dropped to keep both sides aligned. */
const MAX_QUEUED_SAMPLES = 8 * 200;
const KEEP_SAMPLES = 2 * FRAME_SAMPLES;

class SampleQueue {
  private chunks: Int16Array[] = [];
  private head = 0;
  size = 0;

  push(samples: Int16Array): void {
    this.chunks.push(samples);
    this.size += samples.length;
    while (this.size > MAX_QUEUED_SAMPLES) this.skip(this.size - KEEP_SAMPLES);
  }

  /** Moves up to `count` samples into `out` at `stride` spacing starting at `offset`; the rest stays 0. */
  take(out: Int16Array, count: number, offset: number, stride: number): void {
    for (let i = 0; i < count && this.chunks.length > 0; i++) {
      const chunk = this.chunks[0]!;
      out[offset + i * stride] = chunk[this.head++]!;
      this.size--;
      if (this.head >= chunk.length) {
        this.chunks.shift();
        this.head = 0;
      }
    }
  }

  private skip(count: number): void {
    while (count > 0 && this.chunks.length > 0) {
      const chunk = this.chunks[0]!;
      const n = Math.min(count, chunk.length - this.head);
      this.head += n;
      this.size -= n;
      count -= n;
      if (this.head >= chunk.length) {
        this.chunks.shift();
        this.head = 0;
      }
    }
  }
}

export class CallRecorder {
  private readonly queues: SampleQueue[];
  private readonly stream: WriteStream;
  private readonly unsubscribe: () => void;
  private frames = 0;
  private stopping: Promise<RecordingResult> | undefined;
  private failure: Error | undefined;

  constructor(
    readonly file: string,
    clock: MediaClock,
    private readonly channels: 1 | 2 = 2,
  ) {
    this.queues = Array.from({ length: channels }, () => new SampleQueue());
    mkdirSync(dirname(file), { recursive: true });
    this.stream = createWriteStream(file, { flags: 'w' });
    this.stream.on('error', (error) => (this.failure = error));
    this.stream.write(wavHeader({ sampleRate: 8000, channels, dataBytes: 0xffffffff }));
    this.unsubscribe = clock.subscribe(() => this.tick());
  }

  /** Decoded audio of one side: 0 = left (caller) or the only channel, 1 = right (agent). */
  push(channel: 0 | 1, samples: Int16Array): void {
    if (!this.stopping) this.queues[channel]?.push(samples);
  }

  private tick(): void {
    const frame = new Int16Array(FRAME_SAMPLES * this.channels);
    this.queues.forEach((queue, channel) => queue.take(frame, FRAME_SAMPLES, channel, this.channels));
    this.stream.write(Buffer.from(frame.buffer));
    this.frames++;
  }

  stop(): Promise<RecordingResult> {
    this.stopping ??= (async () => {
      this.unsubscribe();
      await new Promise<void>((resolve) => this.stream.end(resolve));
      if (this.failure) throw this.failure;
      const dataBytes = await repairWavHeader(this.file);
      return { file: this.file, durationMs: Math.round(dataBytes / (2 * this.channels) / 8) };
    })();
    return this.stopping;
  }
}
