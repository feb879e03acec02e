import { defineRoute } from './route.js';
import {
  backupFileParamsSchema,
  backupListResponseSchema,
  backupResponseSchema,
  backupScheduleRequestSchema,
  backupScheduleSchema,
  backupVerifyResponseSchema,
} from './admin.js';

/** The center admin's operations. */
export const adminRoutes = {
  /** An online backup of the database into the data folder's backups/, rotated. */
  backup: defineRoute({ method: 'POST', path: '/api/v1/admin/backup', response: backupResponseSchema }),
  /** The copies in backups/ with their last check, and the daily schedule. */
  backups: defineRoute({ method: 'GET', path: '/api/v1/admin/backups', response: backupListResponseSchema }),
  /** Checks one stored copy again (integrity_check on a worker); restore stays a drill (docs/operations.md). */
  verifyBackup: defineRoute({
    method: 'POST',
    path: '/api/v1/admin/backups/:file/verify',
    params: backupFileParamsSchema,
    response: backupVerifyResponseSchema,
  }),
  /** The daily backup's time and how many copies to keep; takes effect at once. */
  backupSchedule: defineRoute({ method: 'PUT', path: '/api/v1/admin/backups/schedule', body: backupScheduleRequestSchema, response: backupScheduleSchema }),
};
