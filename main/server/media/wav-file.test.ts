import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeWav, parsePromptWav, repairWavHeader, wavHeader } from './wav-file.js';
import { sine, tempDir } from './media-test-kit.js';

describe('WAV files', () => {
  it('reads 8 kHz mono 16-bit PCM, skipping extra chunks', () => {
    const samples = sine(1000, 100);
    const plain = encodeWav(samples);
    // Insert a LIST chunk (odd size, padded) between fmt and data, as sox and editors do.
    const list = Buffer.concat([Buffer.from('LIST'), Buffer.from([3, 0, 0, 0]), Buffer.from('abc'), Buffer.from([0])]);
    const withList = Buffer.concat([plain.subarray(0, 36), list, plain.subarray(36)]);
    expect(parsePromptWav(withList, 'x.wav')).toEqual(samples);
  });

  it('names the file and the problem for other formats', () => {
    expect(() => parsePromptWav(encodeWav(sine(1000, 10, 1000, 16000), 16000), 'wide.wav')).toThrow(/wide\.wav: sample rate 16000 Hz/);
    expect(() => parsePromptWav(encodeWav(sine(1000, 10), 8000, 2), 'stereo.wav')).toThrow(/stereo\.wav: 2 channels/);
    const float = encodeWav(sine(1000, 10));
    float.writeUInt16LE(3, 20);
    expect(() => parsePromptWav(float, 'float.wav')).toThrow(/float\.wav: format tag 3 is not PCM/);
    expect(() => parsePromptWav(Buffer.from('RIFF'), 'short.wav')).toThrow(/short\.wav: not a RIFF\/WAVE file/);
  });

  it('reads and repairs a recording a crash left with the placeholder header', async () => {
    const dir = tempDir();
    const file = join(dir, 'crashed.wav');
    const body = Buffer.alloc(4 * 800 + 3, 1); // 800 stereo frames and a torn last frame
    writeFileSync(file, Buffer.concat([wavHeader({ sampleRate: 8000, channels: 2, dataBytes: 0xffffffff }), body]));
    expect(await repairWavHeader(file)).toBe(3200);
    const fixed = readFileSync(file);
    expect(fixed.readUInt32LE(4)).toBe(36 + 3200);
    expect(fixed.readUInt32LE(40)).toBe(3200);
    // A mono prompt with an unpatched header is read to the end of the file.
    const mono = encodeWav(sine(500, 40));
    mono.writeUInt32LE(0xffffffff, 40);
    expect(parsePromptWav(mono, 'm.wav')).toHaveLength(320);
  });
});
