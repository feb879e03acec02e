import { mkdirSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServerModuleFactory } from '../context.js';
import { SERVICES } from '../services.js';
import type { RecordingUsage } from '../../../shared/api/recordings.js';
import { PlayTickets } from './play-tickets.js';
import { RecordedCalls } from './recorded-calls.js';
import { registerRecordingRoutes } from './recordings-routes.js';
import { purgeRecordings, recordingsUsage } from './recording-purge.js';

const DAY_MS = 86_400_000;
/** A play ticket outlives a long call's playback; the session behind it is checked on every request. */
const TICKET_TTL_MS = 4 * 3_600_000;
/** Walking thousands of files on every screen refresh is not needed: a minute-old figure will do. */
const USAGE_MAX_AGE_MS = 60_000;

/**
 * Call records and recordings for quality checking: search, playback (Range, audited, never
 * cached), disk usage, and the retention purge (`recordingRetentionDays`), run at start and then
 * once a day, one audit entry per run.
 */
export const recordingsModule: ServerModuleFactory = (ctx) => {
  const auth = ctx.services.get(SERVICES.auth);
  if (!auth) throw new Error('the recordings module needs the auth module before it in modules.ts');
  const audit = ctx.services.get(SERVICES.audit);
  const dir = join(ctx.config.dataDir, 'recordings');
  const retentionDays = ctx.config.recordingRetentionDays;
  const calls = new RecordedCalls(ctx.db, ctx.config.centerCode, ctx.config.timeZone, dir);
  const tickets = new PlayTickets(() => ctx.clock.now(), TICKET_TTL_MS);
  let cached: { at: number; value: Promise<RecordingUsage> } | undefined;
  let timer: NodeJS.Timeout | undefined;
  let purging: Promise<void> | undefined;

  const usage = (): Promise<RecordingUsage> => {
    const now = ctx.clock.now();
    if (!cached || now - cached.at >= USAGE_MAX_AGE_MS) {
      mkdirSync(dir, { recursive: true });
      const value = Promise.all([recordingsUsage(dir), statfs(dir)]).then(([u, fs]) => ({ ...u, freeBytes: fs.bavail * fs.bsize, retentionDays }));
      cached = { at: now, value };
      value.catch(() => (cached = undefined));
    }
    return cached.value;
  };

  const purge = () => {
    if (purging) return;
    purging = purgeRecordings(dir, retentionDays, ctx.clock.now(), audit)
      .then((r) => {
        cached = undefined;
        ctx.logger.info({ event: 'recordings_purge', files: r.files, bytes: r.bytes, retentionDays }, 'old recordings purged');
      })
      .catch((error: unknown) => ctx.logger.error({ err: error, dir }, 'recordings purge failed'))
      .finally(() => (purging = undefined));
  };

  return {
    name: 'recordings',
    registerRoutes(app) {
      registerRecordingRoutes(app, { auth, audit, calls, tickets, centerCode: ctx.config.centerCode, usage });
    },
    start() {
      purge();
      timer = setInterval(purge, DAY_MS);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await purging;
    },
  };
};
