import { readdir, stat, statfs } from 'node:fs/promises';
import { join } from 'node:path';

export interface DiskUsage {
  /** Bytes of every file under the data folder (database, WAL, recordings, backups). */
  usedBytes: number;
  /** Free bytes for unprivileged users on the data folder's filesystem. */
  freeBytes: number;
}

/**
 * The data folder's size, walked at most once per maxAgeMs: recordings make it thousands of
 * files, and a monitoring system scraping every 15 s must not walk them every time.
 */
export function cachedDiskUsage(dir: string, maxAgeMs: number, now: () => number = Date.now): () => Promise<DiskUsage> {
  let cached: { at: number; value: Promise<DiskUsage> } | undefined;
  return () => {
    if (!cached || now() - cached.at >= maxAgeMs) {
      const value = measure(dir);
      cached = { at: now(), value };
      // A failed walk (folder moved away) is retried on the next scrape, not cached.
      value.catch(() => (cached = undefined));
    }
    return cached.value;
  };
}

async function measure(dir: string): Promise<DiskUsage> {
  const [usedBytes, fs] = await Promise.all([folderBytes(dir), statfs(dir)]);
  return { usedBytes, freeBytes: fs.bavail * fs.bsize };
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await folderBytes(path);
    else if (entry.isFile())
      total += await stat(path).then(
        (s) => s.size,
        () => 0,
      ); // removed meanwhile (WAL checkpoint, rotation)
  }
  return total;
}
