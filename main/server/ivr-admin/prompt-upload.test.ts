import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePromptWav } from '../media/wav-file.js';
import { MAX_PROMPT_UPLOAD_BYTES } from '../../../shared/api/ivr-prompts.js';
import { convertUpload, decodeUpload, sniffFormat } from './prompt-upload.js';

const dir = mkdtempSync(join(tmpdir(), 'upload-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file made by sox: `sox -n <args…> <name> synth …`. */
function soxMade(name: string, args: string[], synth: string[]): Buffer {
  const file = join(dir, name);
  execFileSync('sox', ['-n', ...args, file, 'synth', ...synth]);
  return readFileSync(file);
}

describe('an uploaded recording made into a prompt (real sox)', () => {
  it('converts a 44.1 kHz stereo WAV to 8 kHz mono 16-bit, normalised, with its length', async () => {
    const out = join(dir, 'out', 'welcome.wav');
    const { durationMs } = await convertUpload(soxMade('cd.wav', ['-r', '44100', '-c', '2', '-b', '16'], ['1.5', 'sine', '440', 'vol', '0.3']), out);
    const samples = parsePromptWav(readFileSync(out), out);
    // 1.5 s of tone plus 60 ms of padding each side.
    expect(durationMs).toBeGreaterThan(1550);
    expect(durationMs).toBeLessThan(1700);
    expect(Math.abs(samples.length - durationMs * 8)).toBeLessThanOrEqual(8);
    // gain -n -3: the peak is near 0.7 of full scale whatever the upload's level.
    const peak = samples.reduce((m, s) => Math.max(m, Math.abs(s)), 0);
    expect(peak / 32768).toBeGreaterThan(0.6);
    expect(peak / 32768).toBeLessThan(0.75);
    expect(readdirSync(join(dir, 'out'))).toEqual(['welcome.wav']);
  });

  it('reads FLAC and Ogg too', async () => {
    for (const name of ['tone.flac', 'tone.ogg']) {
      const out = join(dir, `${name}.wav`);
      await convertUpload(soxMade(name, ['-r', '16000', '-c', '1'], ['0.8', 'sine', '600']), out);
      expect(parsePromptWav(readFileSync(out), out).length).toBeGreaterThan(0.8 * 8000);
    }
  });

  it('refuses what is not a prompt, each with its reason, and leaves the old file alone', async () => {
    const out = join(dir, 'kept.wav');
    await convertUpload(soxMade('first.wav', [], ['1', 'sine', '300']), out);
    const before = readFileSync(out);
    const refused = (bytes: Buffer) =>
      convertUpload(bytes, out).then(
        () => 'accepted',
        (e: { code: string }) => e.code,
      );

    expect(await refused(Buffer.from('ID3\x03 an mp3 or anything else'))).toBe('prompt_format_unsupported');
    expect(await refused(Buffer.concat([Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt '), Buffer.alloc(40, 0xff)]))).toBe('prompt_file_unreadable');
    expect(await refused(soxMade('short.wav', ['-r', '8000'], ['0.1', 'sine', '440']))).toBe('prompt_too_short');
    expect(await refused(soxMade('long.wav', ['-r', '8000'], ['125', 'sine', '440']))).toBe('prompt_too_long');
    expect(await refused(soxMade('silent.wav', ['-r', '8000'], ['2', 'sine', '440', 'vol', '0']))).toBe('prompt_silent');
    // A click in two seconds of quiet: nothing is left once the quiet ends are cut.
    expect(await refused(soxMade('click.wav', ['-r', '8000'], ['2', 'sine', '440', 'trim', '0', '0.01', 'pad', '1', '1']))).toBe('prompt_silent');
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('knows formats by their first bytes and decodes only base64 of an allowed size', () => {
    expect(sniffFormat(Buffer.from('fLaC\0\0\0\0'))).toBe('flac');
    expect(sniffFormat(Buffer.from('RIFF\0\0\0\0WAVE'))).toBe('wav');
    expect(sniffFormat(Buffer.from('FORM\0\0\0\0AIFF'))).toBe('aiff');
    expect(sniffFormat(Buffer.from('<html>'))).toBeUndefined();
    expect(decodeUpload(Buffer.from('RIFF').toString('base64')).toString()).toBe('RIFF');
    expect(() => decodeUpload('not base64!')).toThrow(expect.objectContaining({ code: 'prompt_file_not_base64' }));
    expect(() => decodeUpload(Buffer.alloc(MAX_PROMPT_UPLOAD_BYTES + 3).toString('base64'))).toThrow(
      expect.objectContaining({ code: 'prompt_file_too_large' }),
    );
  });
});
