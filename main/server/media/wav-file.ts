// RIFF/WAVE reading (prompts) and the header helpers the recorder uses.
import { open, readFile } from 'node:fs/promises';
import { MediaError } from './media-engine.js';

export const WAV_HEADER_BYTES = 44;

/** Reads an 8 kHz mono 16-bit PCM WAV; anything else is a MediaError 'bad-wav' naming the file. */
export async function readPromptWav(file: string): Promise<Int16Array> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (error) {
    throw new MediaError('bad-wav', `prompt ${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return parsePromptWav(data, file);
}

export function parsePromptWav(data: Buffer, file: string): Int16Array {
  const bad = (why: string): MediaError => new MediaError('bad-wav', `prompt ${file}: ${why}; expected 8000 Hz mono 16-bit PCM WAV`);
  if (data.length < 12 || data.toString('ascii', 0, 4) !== 'RIFF' || data.toString('ascii', 8, 12) !== 'WAVE') throw bad('not a RIFF/WAVE file');
  let offset = 12;
  let format: { tag: number; channels: number; rate: number; bits: number } | undefined;
  while (offset + 8 <= data.length) {
    const id = data.toString('ascii', offset, offset + 4);
    let size = data.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > data.length) throw bad('truncated fmt chunk');
      let tag = data.readUInt16LE(body);
      // WAVE_FORMAT_EXTENSIBLE: the real format is the first 2 bytes of the sub-format GUID.
      if (tag === 0xfffe && size >= 40) tag = data.readUInt16LE(body + 24);
      format = { tag, channels: data.readUInt16LE(body + 2), rate: data.readUInt32LE(body + 4), bits: data.readUInt16LE(body + 14) };
    } else if (id === 'data') {
      if (!format) throw bad('data chunk before fmt chunk');
      if (format.tag !== 1) throw bad(`format tag ${format.tag} is not PCM`);
      if (format.rate !== 8000) throw bad(`sample rate ${format.rate} Hz`);
      if (format.channels !== 1) throw bad(`${format.channels} channels`);
      if (format.bits !== 16) throw bad(`${format.bits} bits per sample`);
      // An unpatched header (recording cut by a crash) says 0 or 0xFFFFFFFF: read to the end.
      if (size === 0 || size === 0xffffffff || body + size > data.length) size = data.length - body;
      const samples = new Int16Array(size >> 1);
      for (let i = 0; i < samples.length; i++) samples[i] = data.readInt16LE(body + 2 * i);
      return samples;
    }
    offset = body + size + (size & 1); // chunks are word-aligned
  }
  throw bad(format ? 'no data chunk' : 'no fmt chunk');
}

/** A canonical 44-byte PCM header. dataBytes 0xFFFFFFFF = "unknown, read to end of file". */
export function wavHeader(options: { sampleRate: number; channels: number; dataBytes: number }): Buffer {
  const { sampleRate, channels, dataBytes } = options;
  const h = Buffer.alloc(WAV_HEADER_BYTES);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(dataBytes === 0xffffffff ? 0xffffffff : 36 + dataBytes, 4);
  h.write('WAVE', 8, 'ascii');
  h.write('fmt ', 12, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(channels, 22);
  h.writeUInt32LE(sampleRate, 24);
  h.writeUInt32LE(sampleRate * channels * 2, 28);
  h.writeUInt16LE(channels * 2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(dataBytes, 40);
  return h;
}

/** Mono 16-bit WAV bytes for tests and generated prompts. */
export function encodeWav(samples: Int16Array, sampleRate = 8000, channels = 1): Buffer {
  const body = Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
  return Buffer.concat([wavHeader({ sampleRate, channels, dataBytes: body.length }), body]);
}

/**
 * Patches the RIFF and data sizes of a recording from its length on disk. The recorder does this
 * at stop; call it for files a crash left with the placeholder header (see docs/media.md).
 * Returns the number of data bytes.
 */
export async function repairWavHeader(file: string): Promise<number> {
  const handle = await open(file, 'r+');
  try {
    const { size } = await handle.stat();
    const header = Buffer.alloc(WAV_HEADER_BYTES);
    await handle.read(header, 0, WAV_HEADER_BYTES, 0);
    const blockAlign = header.readUInt16LE(32) || 2;
    const dataBytes = Math.max(0, size - WAV_HEADER_BYTES);
    const even = dataBytes - (dataBytes % blockAlign); // whole frames only
    const sizes = Buffer.alloc(4);
    sizes.writeUInt32LE(36 + even);
    await handle.write(sizes, 0, 4, 4);
    sizes.writeUInt32LE(even);
    await handle.write(sizes, 0, 4, 40);
    return even;
  } finally {
    await handle.close();
  }
}
