import { z } from 'zod';

/** POST /api/v1/admin/backup: a verified online copy in the server's <dataDir>/backups/. */
export const backupResponseSchema = z.object({
  /** File name in the backups folder (agent-desk-YYYYMMDD-HHMMSS.sqlite). */
  file: z.string(),
  bytes: z.number().int().nonnegative(),
  pages: z.number().int().positive(),
  ms: z.number().int().nonnegative(),
  schemaVersion: z.number().int().nonnegative(),
  /** Older backups deleted to keep the newest ones. */
  removed: z.array(z.string()),
});
export type BackupResponse = z.infer<typeof backupResponseSchema>;
