import { basename, join } from 'node:path';
import type { ServerModuleFactory } from '../context.js';
import { assertCenter, principalOf } from '../auth/principal.js';
import { HttpError } from '../http/http-app.js';
import { registerRoute } from '../http/register-route.js';
import { adminRoutes } from '../../../shared/api/admin-routes.js';
import { BackupError, backupToFolder } from '../db/backup.js';
import type { BackupResponse } from '../../../shared/api/admin.js';
import { SERVICES } from '../services.js';

/** Backups kept in <dataDir>/backups/ by the admin route; scheduled CLI runs choose their own --keep. */
export const ADMIN_BACKUPS_KEPT = 14;
/** 4 MiB at the default page size: short steps, so calls and the desk are served between them. */
const PAGES_PER_STEP = 1024;

/**
 * POST /api/v1/admin/backup for the center admin: an online backup of the live database into
 * <dataDir>/backups/, same format, verification and rotation as the backup command.
 */
export const backupModule: ServerModuleFactory = (ctx) => {
  const auth = ctx.services.get(SERVICES.auth);
  if (!auth) throw new Error('the backup module needs the auth module before it in modules.ts');
  const audit = ctx.services.get(SERVICES.audit);
  const dir = join(ctx.config.dataDir, 'backups');
  let running = false;

  return {
    name: 'backup',
    registerRoutes(app) {
      registerRoute(app, adminRoutes.backup, { preHandler: auth.requireRole('center_admin') }, async (_, request) => {
        const principal = principalOf(request);
        assertCenter(principal, ctx.config.centerCode);
        if (running) throw new HttpError(409, 'backup_running', 'a backup is already being written; try again when it has finished');
        running = true;
        try {
          // Copied and checked on a worker with its own connection: a write between steps restarts
          // the copy, which then finishes in one step, on that worker, not on the server's thread.
          const result = await backupToFolder(ctx.db, dir, {
            keep: ADMIN_BACKUPS_KEPT,
            pagesPerStep: PAGES_PER_STEP,
            now: new Date(ctx.clock.now()),
            timeZone: ctx.config.timeZone,
            nativeBinding: ctx.config.sqliteNativeBinding,
          });
          const response: BackupResponse = { ...result, file: basename(result.file) };
          audit?.record({
            actorUserId: principal.userId,
            action: 'admin.backup',
            entityType: 'database',
            entityId: response.file,
            detail: { bytes: response.bytes, removed: response.removed },
          });
          ctx.logger.info({ event: 'backup', ...response, by: principal.workNumber }, 'database backup written');
          return response;
        } catch (error) {
          if (!(error instanceof BackupError)) throw error;
          ctx.logger.error({ event: 'backup_failed', kind: error.kind, err: error }, 'database backup failed');
          throw new HttpError(500, 'backup_failed', error.message);
        } finally {
          running = false;
        }
      });
    },
  };
};
