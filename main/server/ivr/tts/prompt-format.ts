// The IVR's prompt format and the sox steps that make it, shared by the TTS and by uploaded
// recordings: 8 kHz mono 16-bit PCM WAV (what media/wav-file.ts reads), normalised to -3 dBFS.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

export const PROMPT_SAMPLE_RATE = 8000;

/** sox output options: 16-bit signed PCM WAV. */
export const PROMPT_OUTPUT_OPTIONS = ['-t', 'wav', '-b', '16', '-e', 'signed-integer'] as const;

/** Leading silence trimmed, inner pauses cut to 0.25 s, the tail trimmed (reversed). */
export const TRIM_SILENCE_EFFECTS = ['silence', '-l', '1', '0.02', '0.5%', '-1', '0.25', '0.5%', 'reverse', 'silence', '1', '0.02', '0.5%', 'reverse'] as const;

/** Normalised to -3 dBFS, resampled to 8 kHz, mixed down to mono. */
export const TO_PROMPT_EFFECTS = ['gain', '-n', '-3', 'rate', String(PROMPT_SAMPLE_RATE), 'channels', '1'] as const;

/** 60 ms of quiet both sides, so that a prompt never starts or ends on a click. */
export const PAD_EFFECTS = ['pad', '0.06', '0.06'] as const;

/**
 * Writes a file through a temporary sibling renamed into place, so that a call playing the prompt
 * meanwhile reads the old file or the new one, never half of one.
 */
export async function writeAtomically(outFile: string, write: (tmpFile: string) => Promise<void>): Promise<void> {
  await mkdir(dirname(outFile), { recursive: true });
  const tmp = `${outFile}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await write(tmp);
    await rename(tmp, outFile);
  } finally {
    await rm(tmp, { force: true });
  }
}
