// Prompts are shared by every call: decode each WAV once, encode once per codec, and re-read a
// file only when its size or mtime changed (an admin replaced the prompt). The file is looked at
// (stat) at most once a second: with a thousand calls in the IVR, a stat on every play was 4 % of
// the server's CPU (benchmarks/ivr-concurrency.bench.ts); a replacement is heard a second later.
import { stat } from 'node:fs/promises';
import { MediaError, type AudioCodec } from './media-engine.js';
import { encode, SILENCE_BYTE } from './g711.js';
import { readPromptWav } from './wav-file.js';
import { FRAME_SAMPLES } from './media-clock.js';

interface Entry {
  version: string;
  /** performance.now() of the last stat that found this version. */
  checkedAt: number;
  encoded: Partial<Record<AudioCodec, Buffer>>;
  pcm: Int16Array;
}

const MAX_ENTRIES = 256;
const REVALIDATE_MS = 1000;

export class PromptCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly revalidateMs = REVALIDATE_MS) {}

  /** The prompt encoded in `codec`, padded with silence to whole 20 ms frames. */
  async load(file: string, codec: AudioCodec): Promise<Buffer> {
    const fresh = this.entries.get(file);
    const now = performance.now();
    if (fresh && now - fresh.checkedAt < this.revalidateMs) {
      const encoded = fresh.encoded[codec];
      if (encoded) return encoded;
    }
    let version: string;
    try {
      const s = await stat(file);
      version = `${s.size}:${s.mtimeMs}`;
    } catch (error) {
      throw new MediaError('bad-wav', `prompt ${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    let entry = this.entries.get(file);
    if (entry && entry.version === version) entry.checkedAt = now;
    else {
      entry = { version, checkedAt: now, encoded: {}, pcm: await readPromptWav(file) };
      this.entries.delete(file);
      this.entries.set(file, entry);
      if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    }
    let encoded = entry.encoded[codec];
    if (!encoded) {
      const frames = Math.ceil(entry.pcm.length / FRAME_SAMPLES);
      encoded = Buffer.alloc(frames * FRAME_SAMPLES, SILENCE_BYTE[codec]);
      encode(codec, entry.pcm).copy(encoded);
      entry.encoded[codec] = encoded;
    }
    return encoded;
  }
}
