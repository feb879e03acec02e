import { join } from 'node:path';
import type { ServerModuleFactory } from '../context.js';
import { assertCenter, principalOf } from '../auth/principal.js';
import { HttpError } from '../http/http-app.js';
import { registerRoute } from '../http/register-route.js';
import { adminRoutes } from '../../../shared/api/admin-routes.js';
import { BackupError } from '../db/backup.js';
import { SERVICES } from '../services.js';
import { BackupBusyError, BackupService } from './backup-service.js';

/** How often the daily schedule is looked at: a run starts at most this late. */
const TICK_MS = 20_000;

/**
 * The center admin's backups (系统管理 › 备份): POST /api/v1/admin/backup writes a verified online copy
 * of the live database into <dataDir>/backups/ (same format, verification and rotation as the
 * backup command), GET lists the copies with their last check, one copy can be checked again, and
 * a daily time takes effect without a restart. Restoring is the drill of docs/operations.md.
 */
export const backupModule: ServerModuleFactory = (ctx) => {
  const auth = ctx.services.get(SERVICES.auth);
  if (!auth) throw new Error('the backup module needs the auth module before it in modules.ts');
  const backups = new BackupService({
    db: ctx.db,
    clock: ctx.clock,
    logger: ctx.logger,
    dir: join(ctx.config.dataDir, 'backups'),
    timeZone: ctx.config.timeZone,
    nativeBinding: ctx.config.sqliteNativeBinding,
    audit: () => ctx.services.get(SERVICES.audit),
  });
  let timer: NodeJS.Timeout | undefined;
  const admin = { preHandler: auth.requireRole('center_admin') };
  const adminOf = (request: Parameters<typeof principalOf>[0]) => {
    const principal = principalOf(request);
    assertCenter(principal, ctx.config.centerCode);
    return principal;
  };

  return {
    name: 'backup',
    registerRoutes(app) {
      registerRoute(app, adminRoutes.backup, admin, async (_, request) => {
        const principal = adminOf(request);
        try {
          const response = await backups.runNow(principal.userId);
          ctx.logger.info({ event: 'backup', ...response, by: principal.workNumber }, 'database backup written');
          return response;
        } catch (error) {
          if (error instanceof BackupBusyError) throw new HttpError(409, 'backup_running', error.message);
          if (!(error instanceof BackupError)) throw error;
          ctx.logger.error({ event: 'backup_failed', kind: error.kind, err: error }, 'database backup failed');
          throw new HttpError(500, 'backup_failed', error.message);
        }
      });
      registerRoute(app, adminRoutes.backups, admin, (_, request) => {
        adminOf(request);
        return backups.list();
      });
      registerRoute(app, adminRoutes.verifyBackup, admin, async ({ params }, request) => {
        const principal = adminOf(request);
        const result = await backups.verify(params.file, principal.userId);
        if (!result) throw new HttpError(404, 'not_found', `no backup ${params.file}`);
        return result;
      });
      registerRoute(app, adminRoutes.backupSchedule, admin, ({ body }, request) => backups.setSchedule(body, adminOf(request).userId));
    },
    start() {
      timer = setInterval(() => void backups.tick(), TICK_MS);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
};
