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

/** A backup file's name as the server writes it; anything else (a path, `..`) is refused. */
export const backupFileSchema = z.string().regex(/^agent-desk-\d{8}-\d{6}(?:-\d+)?\.sqlite$/, 'backup_file');
export const backupFileParamsSchema = z.object({ file: backupFileSchema });

/** The last integrity check of a stored copy: when it was written, or when an admin verified it. */
export const backupCheckSchema = z.object({
  ok: z.boolean(),
  /** ISO instant of the check. */
  checkedAt: z.string(),
  /** 'written': checked before the copy got its name; 'verified': checked again later on request. */
  kind: z.enum(['written', 'verified']),
  schemaVersion: z.number().int().nonnegative().nullable(),
  /** What integrity_check or the open said when not ok. */
  problem: z.string().nullable(),
});
export type BackupCheck = z.infer<typeof backupCheckSchema>;

export const backupEntrySchema = z.object({
  file: backupFileSchema,
  bytes: z.number().int().nonnegative(),
  /** ISO instant the copy was finished (the file's modification time). */
  writtenAt: z.string(),
  check: backupCheckSchema.nullable(),
});
export type BackupEntry = z.infer<typeof backupEntrySchema>;

const dailyAtSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time_of_day');

/** The daily backup: a time of day in the center's zone (null: off) and how many copies to keep. */
export const backupScheduleRequestSchema = z.object({
  dailyAt: dailyAtSchema.nullable(),
  keep: z.number().int().min(1).max(365),
});
export type BackupScheduleRequest = z.infer<typeof backupScheduleRequestSchema>;

export const backupScheduleSchema = backupScheduleRequestSchema.extend({
  /** ISO instant of the next scheduled run, null when off. */
  nextRunAt: z.string().nullable(),
  /** ISO instant the last scheduled run started, null before the first. */
  lastRunAt: z.string().nullable(),
});
export type BackupSchedule = z.infer<typeof backupScheduleSchema>;

/** GET /api/v1/admin/backups: the copies in <dataDir>/backups/, newest first, and the schedule. */
export const backupListResponseSchema = z.object({
  backups: z.array(backupEntrySchema),
  schedule: backupScheduleSchema,
});
export type BackupListResponse = z.infer<typeof backupListResponseSchema>;

/** POST /api/v1/admin/backups/:file/verify: integrity_check of the stored copy, on a worker. */
export const backupVerifyResponseSchema = backupCheckSchema.extend({ file: backupFileSchema });
export type BackupVerifyResponse = z.infer<typeof backupVerifyResponseSchema>;
