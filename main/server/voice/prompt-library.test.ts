import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PromptLibrary } from './prompt-library.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('PromptLibrary', () => {
  it('plays a prompt made at run time instead of the shipped one, from the next play on', () => {
    const root = mkdtempSync(join(tmpdir(), 'prompts-'));
    dirs.push(root);
    const shipped = join(root, 'shipped');
    const made = join(root, 'made');
    mkdirSync(shipped);
    writeFileSync(join(shipped, 'agent-closed.wav'), 'x');
    writeFileSync(join(shipped, 'goodbye.wav'), 'x');
    const library = new PromptLibrary({ shipped, replaced: made });
    expect(library.files(['agent-closed'])).toEqual([join(shipped, 'agent-closed.wav')]);
    mkdirSync(made);
    writeFileSync(join(made, 'agent-closed.wav'), 'y');
    expect(library.files(['agent-closed', 'goodbye'])).toEqual([join(made, 'agent-closed.wav'), join(shipped, 'goodbye.wav')]);
    // Only ids the flow knows: a stray file in the made folder is no prompt.
    writeFileSync(join(made, 'other.wav'), 'z');
    expect(() => library.files(['other'])).toThrow(/no recorded prompt/);
  });
});
