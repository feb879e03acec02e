import { readdir, rm, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditService } from '../audit/audit-service.js';

const DAY_MS = 86_400_000;

export interface PurgeResult {
  files: number;
  bytes: number;
  /** Files older than the cutoff (epoch ms) went. */
  cutoff: number;
}

/**
 * Deletes recordings older than the retention period (by the file's last write, i.e. when the call
 * ended) and the day folders left empty, and writes one audit entry per run saying how many files
 * and bytes went, also when none did (so the audit shows the purge ran).
 */
export async function purgeRecordings(dir: string, retentionDays: number, now: number, audit: AuditService | undefined): Promise<PurgeResult> {
  const cutoff = now - retentionDays * DAY_MS;
  const result: PurgeResult = { files: 0, bytes: 0, cutoff };
  await sweep(dir, cutoff, result, true);
  audit?.record({
    actorUserId: null,
    action: 'recordings.purge',
    entityType: 'recordings',
    entityId: null,
    detail: { files: result.files, bytes: result.bytes, retentionDays, cutoff: new Date(cutoff).toISOString() },
  });
  return result;
}

async function sweep(dir: string, cutoff: number, result: PurgeResult, top: boolean): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // nothing recorded yet
    throw error;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await sweep(path, cutoff, result, false);
    else if (entry.isFile()) {
      const info = await stat(path).catch(() => undefined);
      if (!info || info.mtimeMs >= cutoff) continue;
      await rm(path, { force: true });
      result.files += 1;
      result.bytes += info.size;
    }
  }
  // A day folder left empty goes too; a folder still being written into is not empty.
  if (!top) await rmdir(dir).catch(() => undefined);
}

/** Bytes and files under the recordings folder. */
export async function recordingsUsage(dir: string): Promise<{ files: number; bytes: number }> {
  const total = { files: 0, bytes: 0 };
  const walk = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) {
        const size = await stat(path).then(
          (s) => s.size,
          () => undefined,
        );
        if (size !== undefined) {
          total.files += 1;
          total.bytes += size;
        }
      }
    }
  };
  await walk(dir);
  return total;
}
