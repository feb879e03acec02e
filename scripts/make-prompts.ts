// Regenerates the IVR prompts from resources/prompts/zh/prompts.json (id → text) with the server's
// own TTS (main/server/ivr/tts/synthesize.ts: espeak-ng + sox, 8 kHz mono 16-bit PCM). Needs
// espeak-ng and sox (apt). Usage: scripts/make-prompts.sh [id…] (no ids: every prompt).
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { synthesizePrompt } from '../main/server/ivr/tts/synthesize.js';

const dir = join(import.meta.dirname, '..', 'resources', 'prompts', 'zh');
const texts = JSON.parse(readFileSync(join(dir, 'prompts.json'), 'utf8')) as Record<string, string>;
const ids = process.argv.slice(2);
const chosen = ids.length ? ids : Object.keys(texts);

async function main(): Promise<void> {
  for (const id of chosen) {
    const text = texts[id];
    if (text === undefined) throw new Error(`make-prompts: no prompt '${id}' in prompts.json`);
    await synthesizePrompt(text, join(dir, `${id}.wav`));
  }
  // Prompts whose id left the list are removed.
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.wav'))) {
    if (!(file.slice(0, -4) in texts)) {
      rmSync(join(dir, file));
      process.stdout.write(`removed ${file}\n`);
    }
  }
  process.stdout.write(`make-prompts: ${chosen.length} prompt(s) in ${dir}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
