import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PromptCache } from './prompt-cache.js';
import { tempDir, writeToneWav } from './media-test-kit.js';

describe('prompt cache', () => {
  it('serves a prompt from memory between looks at the file, and a replaced file once the look is due', async () => {
    const dir = tempDir('prompt-cache-');
    const file = writeToneWav(dir, 'p.wav', { ms: 200 });
    const cache = new PromptCache(300);
    const first = await cache.load(file, 'PCMU');
    expect(first.length).toBe(1600); // 200 ms of 8 kHz, whole 20 ms frames
    // Replaced at once: the next play within the window keeps the copy in memory (no stat per play)…
    writeToneWav(dir, 'p.wav', { ms: 400 });
    expect(await cache.load(file, 'PCMU')).toBe(first);
    // …and the next one after it hears the new file.
    await new Promise((r) => setTimeout(r, 350));
    expect((await cache.load(file, 'PCMU')).length).toBe(3200);
    // A file that is gone is an error once looked at, not a stale copy for ever.
    rmSync(file);
    await new Promise((r) => setTimeout(r, 350));
    await expect(cache.load(file, 'PCMU')).rejects.toThrow(/cannot read/);
  });

  it('encodes the other codec on first use even within the window', async () => {
    const file = writeToneWav(tempDir('prompt-cache-'), 'p.wav', { ms: 100 });
    const cache = new PromptCache(60_000);
    const ulaw = await cache.load(file, 'PCMU');
    const alaw = await cache.load(file, 'PCMA');
    expect(alaw.length).toBe(ulaw.length);
    expect(alaw.equals(ulaw)).toBe(false);
  });
});
