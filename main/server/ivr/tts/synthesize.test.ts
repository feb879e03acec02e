import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePromptWav } from '../../media/wav-file.js';
import { MAX_TTS_CHARS, TtsTextError, synthesizePrompt } from './synthesize.js';

const dir = mkdtempSync(join(tmpdir(), 'tts-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const promptsDir = join(import.meta.dirname, '..', '..', '..', '..', 'resources', 'prompts', 'zh');
const texts = JSON.parse(readFileSync(join(promptsDir, 'prompts.json'), 'utf8')) as Record<string, string>;

describe('synthesizePrompt (espeak-ng + sox)', () => {
  it('makes the same bytes as the build made for a shipped prompt', async () => {
    const out = join(dir, 'welcome.wav');
    await synthesizePrompt(texts.welcome!, out);
    expect(readFileSync(out).equals(readFileSync(join(promptsDir, 'welcome.wav')))).toBe(true);
  });

  it('writes an 8 kHz mono 16-bit prompt the media engine reads, in a folder it creates', async () => {
    const out = join(dir, 'new', 'folder', 'hours.wav');
    await synthesizePrompt('人工服务时间为工作日上午八点半至下午五点半。', out);
    const samples = parsePromptWav(readFileSync(out), out);
    // About 3 s of speech: a few seconds at 8000 samples a second, not silence.
    expect(samples.length / 8000).toBeGreaterThan(1.5);
    expect(samples.length / 8000).toBeLessThan(10);
    expect(Math.max(...samples.map(Math.abs))).toBeGreaterThan(10_000);
    // No temporary file is left beside it.
    expect(readdirSync(join(dir, 'new', 'folder'))).toEqual(['hours.wav']);
  });

  it('reads a text that starts like an option as text', async () => {
    const out = join(dir, 'dash.wav');
    await synthesizePrompt('-h 五', out);
    expect(parsePromptWav(readFileSync(out), out).length).toBeGreaterThan(2000);
  });

  it('refuses an empty or too long text without running a tool', async () => {
    await expect(synthesizePrompt('   ', join(dir, 'empty.wav'))).rejects.toMatchObject({ name: 'TtsTextError', reason: 'empty' });
    await expect(synthesizePrompt('好'.repeat(MAX_TTS_CHARS + 1), join(dir, 'long.wav'))).rejects.toBeInstanceOf(TtsTextError);
    expect(readdirSync(dir)).not.toContain('empty.wav');
  });
});
