// Prompts made from text at run time, with the same TTS and the same processing as the build's
// scripts/make-prompts.sh (espeak-ng Mandarin → sox: trimmed, normalised, 8 kHz mono 16-bit PCM),
// so that a prompt made when an admin saves sounds like the shipped ones. Needs espeak-ng and sox
// on the server's host (apt-get install espeak-ng sox).
import { execFile } from 'node:child_process';
import { mkdtemp, rename, rm, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export class TextToSpeechError extends Error {
  override name = 'TextToSpeechError';
}

/**
 * Speaks `text` into `outFile` (a .wav the media engine plays). The file is replaced in one rename,
 * so a call playing the old prompt never reads half a new one.
 */
export async function synthesizePrompt(text: string, outFile: string): Promise<void> {
  if (!text.trim()) throw new TextToSpeechError('no text to speak');
  const tmp = await mkdtemp(join(tmpdir(), 'tts-'));
  try {
    const raw = join(tmp, 'raw.wav');
    const out = join(tmp, 'out.wav');
    // The text goes as one argument (no shell): nothing in it is interpreted.
    await run('espeak-ng', ['-v', 'cmn', '-s', '185', '-w', raw, text], { timeout: 30_000 });
    await run(
      'sox',
      [
        '-R',
        raw,
        '-b',
        '16',
        '-e',
        'signed-integer',
        out,
        ...'silence -l 1 0.02 0.5% -1 0.25 0.5% reverse silence 1 0.02 0.5% reverse gain -n -3 rate 8000 channels 1 pad 0.06 0.06'.split(' '),
      ],
      { timeout: 30_000 },
    );
    await mkdir(dirname(outFile), { recursive: true });
    await rename(out, outFile).catch(async () => {
      // Another file system (tmp on tmpfs): copy next to the target, then rename there.
      const { copyFile } = await import('node:fs/promises');
      await copyFile(out, `${outFile}.part`);
      await rename(`${outFile}.part`, outFile);
    });
  } catch (error) {
    if (error instanceof TextToSpeechError) throw error;
    throw new TextToSpeechError(`text-to-speech failed: ${(error as Error).message}`);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
