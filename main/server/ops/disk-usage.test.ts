import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachedDiskUsage } from './disk-usage.js';

describe('data-folder disk use', () => {
  it('adds up files in nested folders, walks again only when the cached value is old', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'disk-use-'));
    try {
      mkdirSync(join(dir, 'recordings', '2026'), { recursive: true });
      writeFileSync(join(dir, 'agent-desk.sqlite'), Buffer.alloc(4096));
      writeFileSync(join(dir, 'recordings', '2026', 'a.wav'), Buffer.alloc(1000));
      let now = 0;
      const usage = cachedDiskUsage(dir, 60_000, () => now);
      const first = await usage();
      expect(first.usedBytes).toBe(5096);
      expect(first.freeBytes).toBeGreaterThan(0);

      writeFileSync(join(dir, 'recordings', '2026', 'b.wav'), Buffer.alloc(500));
      now = 59_999;
      expect((await usage()).usedBytes).toBe(5096);
      now = 60_000;
      expect((await usage()).usedBytes).toBe(5596);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails for a missing folder and tries again on the next call', async () => {
    const dir = join(tmpdir(), `disk-use-missing-${process.pid}`);
    const usage = cachedDiskUsage(dir, 60_000, () => 0);
    await expect(usage()).rejects.toThrow(/ENOENT/);
    mkdirSync(dir);
    try {
      expect((await usage()).usedBytes).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
