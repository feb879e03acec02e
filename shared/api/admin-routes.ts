import { defineRoute } from './route.js';
import { backupResponseSchema } from './admin.js';

/** The center admin's operations. */
export const adminRoutes = {
  /** An online backup of the database into the data folder's backups/, rotated. */
  backup: defineRoute({ method: 'POST', path: '/api/v1/admin/backup', response: backupResponseSchema }),
};
