// An admin's recording made into an IVR prompt: checked (size, format, length, not silence) and
// converted by sox to the prompt format. Every refusal names its reason with a stable code.
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_PROMPT_UPLOAD_BYTES, PROMPT_MAX_SECONDS, PROMPT_MIN_SECONDS, type PROMPT_UPLOAD_FORMATS } from '../../../shared/api/ivr-prompts.js';
import { ToolError, runTool } from '../ivr/tts/run-tool.js';
import { PAD_EFFECTS, PROMPT_OUTPUT_OPTIONS, TO_PROMPT_EFFECTS, writeAtomically } from '../ivr/tts/prompt-format.js';

export type UploadRefusal =
  | 'prompt_file_too_large'
  | 'prompt_file_not_base64'
  | 'prompt_format_unsupported'
  | 'prompt_file_unreadable'
  | 'prompt_too_short'
  | 'prompt_too_long'
  | 'prompt_silent'
  | 'audio_tool_missing';

export class UploadError extends Error {
  override name = 'UploadError';
  constructor(
    readonly code: UploadRefusal,
    message: string,
  ) {
    super(message);
  }
}

/** Peak below this (of full scale) is silence or a mistake, not a prompt. */
const SILENT_PEAK = 0.01;

/** The format by the file's first bytes (a name's extension is only a claim). */
export function sniffFormat(bytes: Buffer): (typeof PROMPT_UPLOAD_FORMATS)[number] | undefined {
  const ascii = (from: number, to: number) => bytes.toString('latin1', from, to);
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'wav';
  if (ascii(0, 4) === 'fLaC') return 'flac';
  if (ascii(0, 4) === 'OggS') return 'ogg';
  if (ascii(0, 4) === 'FORM' && (ascii(8, 12) === 'AIFF' || ascii(8, 12) === 'AIFC')) return 'aiff';
  return undefined;
}

/** Base64 as the desk sends it; anything else is refused rather than decoded into garbage. */
export function decodeUpload(data: string): Buffer {
  const clean = data.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) throw new UploadError('prompt_file_not_base64', 'the file is not base64 data');
  const bytes = Buffer.from(clean, 'base64');
  if (bytes.length > MAX_PROMPT_UPLOAD_BYTES) {
    throw new UploadError('prompt_file_too_large', `the file has ${bytes.length} bytes, at most ${MAX_PROMPT_UPLOAD_BYTES}`);
  }
  return bytes;
}

/**
 * Checks an uploaded recording and writes it as a prompt to `outFile` (8 kHz mono 16-bit PCM,
 * normalised, silence trimmed at both ends, 60 ms padding), atomically. Returns its length in ms.
 */
export async function convertUpload(bytes: Buffer, outFile: string): Promise<{ durationMs: number }> {
  const format = sniffFormat(bytes);
  if (!format) throw new UploadError('prompt_format_unsupported', 'not a WAV, FLAC, Ogg Vorbis or AIFF file');
  const dir = await mkdtemp(join(tmpdir(), 'prompt-upload-'));
  try {
    const input = join(dir, `upload.${format}`);
    await writeFile(input, bytes);
    const seconds = await tool(() => runTool('soxi', ['-D', input]), 'prompt_file_unreadable').then((r) => Number(r.stdout.trim()));
    if (!Number.isFinite(seconds)) throw new UploadError('prompt_file_unreadable', 'sox cannot tell the length of this file');
    if (seconds < PROMPT_MIN_SECONDS) throw new UploadError('prompt_too_short', `${seconds.toFixed(2)} s: at least ${PROMPT_MIN_SECONDS} s`);
    if (seconds > PROMPT_MAX_SECONDS) throw new UploadError('prompt_too_long', `${seconds.toFixed(1)} s: at most ${PROMPT_MAX_SECONDS} s`);
    // `stat` reports on stderr; its maximum amplitude is of full scale (1.0).
    const stats = await tool(() => runTool('sox', [input, '-n', 'stat']), 'prompt_file_unreadable');
    const peak = Math.max(...[...stats.stderr.matchAll(/(?:Maximum|Minimum) amplitude:\s*(-?[\d.]+)/g)].map((m) => Math.abs(Number(m[1]))));
    if (!(peak >= SILENT_PEAK)) throw new UploadError('prompt_silent', 'the recording is silent');
    let durationMs = 0;
    await writeAtomically(outFile, async (tmp) => {
      // Only the ends are trimmed: the pauses a speaker made inside are kept.
      const trimEnds = ['silence', '1', '0.02', '0.5%', 'reverse', 'silence', '1', '0.02', '0.5%', 'reverse'];
      await tool(
        () => runTool('sox', ['-R', input, ...PROMPT_OUTPUT_OPTIONS, tmp, ...trimEnds, ...TO_PROMPT_EFFECTS, ...PAD_EFFECTS]),
        'prompt_file_unreadable',
      );
      // 16 bytes a millisecond at 8 kHz 16-bit mono, after sox's 44-byte header.
      durationMs = Math.round(((await stat(tmp)).size - 44) / 16);
      // What is left once quiet ends are cut must still be a prompt (not a click in silence).
      if (durationMs < PROMPT_MIN_SECONDS * 1000 + 120) throw new UploadError('prompt_silent', 'almost nothing is left once the silence is cut');
    });
    return { durationMs };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A tool's failure on the file is the file's fault; a missing tool is the server's. */
async function tool<T>(run: () => Promise<T>, onFailure: UploadRefusal): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ToolError && error.reason === 'missing') throw new UploadError('audio_tool_missing', error.message);
    if (error instanceof ToolError) throw new UploadError(onFailure, error.message);
    throw error;
  }
}
