// The one text-to-speech entry point: the build's prompts (scripts/make-prompts.ts), prompts an
// admin makes from text, and the spoken policies and outlets all come from here, so they sound alike.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTool } from './run-tool.js';
import { PAD_EFFECTS, PROMPT_OUTPUT_OPTIONS, TO_PROMPT_EFFECTS, TRIM_SILENCE_EFFECTS, writeAtomically } from './prompt-format.js';

/** espeak-ng's Mandarin voice at the pace the hotline's prompts use. */
export const TTS_VOICE = ['-v', 'cmn', '-s', '185'] as const;

/** Longer texts belong in several prompts (a caller cannot follow a minute of one sentence). */
export const MAX_TTS_CHARS = 500;

export class TtsTextError extends Error {
  override name = 'TtsTextError';
  constructor(
    readonly reason: 'empty' | 'too_long',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Speaks `text` (Mandarin) into `outFile` as an IVR prompt: espeak-ng, then sox (silence trimmed,
 * normalised, 8 kHz mono 16-bit PCM, 60 ms padding). `sox -R` makes it repeatable: the same text
 * gives the same bytes. The file is replaced atomically. Throws TtsTextError for an empty or too
 * long text, ToolError (run-tool.ts) when espeak-ng or sox is missing or fails.
 */
export async function synthesizePrompt(text: string, outFile: string): Promise<void> {
  const spoken = text.trim();
  if (!spoken) throw new TtsTextError('empty', 'nothing to say: the text is empty');
  if ([...spoken].length > MAX_TTS_CHARS) throw new TtsTextError('too_long', `the text has ${[...spoken].length} characters, at most ${MAX_TTS_CHARS}`);
  const dir = await mkdtemp(join(tmpdir(), 'tts-'));
  try {
    const raw = join(dir, 'raw.wav');
    // The text on stdin: never parsed as an option, whatever it starts with.
    await runTool('espeak-ng', [...TTS_VOICE, '-w', raw, '--stdin'], { stdin: spoken });
    await writeAtomically(outFile, (tmp) =>
      runTool('sox', ['-R', raw, ...PROMPT_OUTPUT_OPTIONS, tmp, ...TRIM_SILENCE_EFFECTS, ...TO_PROMPT_EFFECTS, ...PAD_EFFECTS]).then(() => undefined),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
