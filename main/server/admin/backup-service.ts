import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { AuditService } from '../audit/audit-service.js';
import { BACKUP_NAME, backupToFolder, rotateBackups } from '../db/backup.js';
import { checkInWorker } from '../db/backup-copy.js';
import { formatZonedIso } from '../../../shared/time/zoned.js';
import type { BackupCheck, BackupEntry, BackupResponse, BackupSchedule, BackupScheduleRequest, BackupVerifyResponse } from '../../../shared/api/admin.js';
import { DEFAULT_SCHEDULE, dueSlot, nextSlot, type StoredSchedule } from './backup-schedule.js';

/** 4 MiB at the default page size: short steps, so calls and the desk are served between them. */
const PAGES_PER_STEP = 1024;

export interface BackupServiceDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** <dataDir>/backups: the copies, schedule.json and checks.json. */
  dir: string;
  timeZone: string;
  nativeBinding?: string | undefined;
  audit: () => AuditService | undefined;
}

export class BackupBusyError extends Error {
  override name = 'BackupBusyError';
}

/**
 * The admin's backups: a copy now or on the daily schedule (one at a time), the list of copies
 * with their last integrity check, and a check of one copy again. The schedule and the checks are
 * small JSON files in the backups folder, next to the copies they describe: they are about those
 * files, not about the data, and a restored database must not bring back another day's list.
 */
export class BackupService {
  private running = false;

  constructor(private readonly deps: BackupServiceDeps) {}

  /** Writes a verified copy, rotates to the schedule's `keep`; actor null for the scheduled run. */
  async runNow(actorUserId: number | null): Promise<BackupResponse> {
    if (this.running) throw new BackupBusyError('a backup is already being written; try again when it has finished');
    this.running = true;
    try {
      const { keep } = this.readSchedule();
      // Copied and checked on a worker with its own connection: a write between steps restarts
      // the copy, which then finishes in one step, on that worker, not on the server's thread.
      const result = await backupToFolder(this.deps.db, this.deps.dir, {
        keep,
        pagesPerStep: PAGES_PER_STEP,
        now: new Date(this.deps.clock.now()),
        timeZone: this.deps.timeZone,
        nativeBinding: this.deps.nativeBinding,
      });
      const file = basename(result.file);
      this.updateChecks((checks) => {
        for (const name of result.removed) delete checks[name];
        checks[file] = { ok: true, checkedAt: this.iso(this.deps.clock.now()), kind: 'written', schemaVersion: result.schemaVersion, problem: null };
      });
      const response: BackupResponse = { ...result, file };
      this.deps.audit()?.record({
        actorUserId,
        action: 'admin.backup',
        entityType: 'database',
        entityId: file,
        detail: { bytes: response.bytes, removed: response.removed, scheduled: actorUserId === null },
      });
      return response;
    } finally {
      this.running = false;
    }
  }

  list(): { backups: BackupEntry[]; schedule: BackupSchedule } {
    const checks = this.readChecks();
    const names = existsSync(this.deps.dir) ? readdirSync(this.deps.dir).filter((name) => BACKUP_NAME.test(name)) : [];
    const backups = names
      .map((file) => {
        const stat = statSync(join(this.deps.dir, file));
        return { file, bytes: stat.size, writtenAt: this.iso(stat.mtimeMs), check: checks[file] ?? null };
      })
      // Newest first by the stamp in the name: a file's mtime moves when it is copied or touched.
      .sort((a, b) => newestFirst(a.file, b.file));
    return { backups, schedule: this.schedule() };
  }

  /** integrity_check of one stored copy on a worker; the result is kept as the copy's state. */
  async verify(file: string, actorUserId: number): Promise<BackupVerifyResponse | undefined> {
    const path = join(this.deps.dir, file);
    if (!BACKUP_NAME.test(file) || !existsSync(path)) return undefined;
    const found = await checkInWorker({ file: path, nativeBinding: this.deps.nativeBinding });
    const check: BackupCheck = {
      ok: found.ok,
      checkedAt: this.iso(this.deps.clock.now()),
      kind: 'verified',
      schemaVersion: found.schemaVersion,
      problem: found.problem,
    };
    this.updateChecks((checks) => {
      checks[file] = check;
    });
    this.deps
      .audit()
      ?.record({ actorUserId, action: 'admin.backup_verify', entityType: 'database', entityId: file, detail: { ok: check.ok, problem: check.problem } });
    if (!check.ok) this.deps.logger.error({ event: 'backup_check_failed', file, problem: check.problem }, 'a stored backup failed its integrity check');
    return { file, ...check };
  }

  schedule(): BackupSchedule {
    const stored = this.readSchedule();
    const next = nextSlot(stored, this.deps.clock.now(), this.deps.timeZone);
    return {
      dailyAt: stored.dailyAt,
      keep: stored.keep,
      nextRunAt: next === null ? null : this.iso(Math.max(next, this.deps.clock.now())),
      lastRunAt: stored.lastRunAt === null ? null : this.iso(stored.lastRunAt),
    };
  }

  /** Saved and in force at once (the next tick reads it); fewer to keep rotates now. */
  setSchedule(request: BackupScheduleRequest, actorUserId: number): BackupSchedule {
    const before = this.readSchedule();
    this.writeSchedule({ ...before, dailyAt: request.dailyAt, keep: request.keep, since: this.deps.clock.now() });
    const removed = existsSync(this.deps.dir) ? rotateBackups(this.deps.dir, request.keep) : [];
    if (removed.length > 0) this.updateChecks((checks) => removed.forEach((name) => delete checks[name]));
    this.deps.audit()?.record({
      actorUserId,
      action: 'admin.backup_schedule',
      entityType: 'backup_schedule',
      entityId: null,
      detail: { dailyAt: request.dailyAt, keep: request.keep, before: { dailyAt: before.dailyAt, keep: before.keep }, removed },
    });
    return this.schedule();
  }

  /** Runs the scheduled backup when its time has come (called every few seconds by the module). */
  async tick(): Promise<BackupResponse | undefined> {
    const stored = this.readSchedule();
    const now = this.deps.clock.now();
    const slot = dueSlot(stored, now, this.deps.timeZone);
    if (slot === null || this.running) return undefined;
    // Marked first: a failing copy is logged and retried tomorrow, not every tick.
    this.writeSchedule({ ...stored, lastSlot: slot, lastRunAt: now });
    try {
      const result = await this.runNow(null);
      this.deps.logger.info({ event: 'backup', scheduled: true, ...result }, 'scheduled database backup written');
      return result;
    } catch (error) {
      this.deps.logger.error({ event: 'backup_failed', scheduled: true, err: error }, 'scheduled database backup failed');
      return undefined;
    }
  }

  private iso(ms: number): string {
    return formatZonedIso(ms, this.deps.timeZone);
  }

  private readSchedule(): StoredSchedule {
    return { ...DEFAULT_SCHEDULE, ...this.readJson<Partial<StoredSchedule>>('schedule.json', {}) };
  }

  private writeSchedule(schedule: StoredSchedule): void {
    this.writeJson('schedule.json', schedule);
  }

  private readChecks(): Record<string, BackupCheck> {
    return this.readJson<Record<string, BackupCheck>>('checks.json', {});
  }

  private updateChecks(change: (checks: Record<string, BackupCheck>) => void): void {
    const checks = this.readChecks();
    change(checks);
    this.writeJson('checks.json', checks);
  }

  private readJson<T>(name: string, fallback: T): T {
    const path = join(this.deps.dir, name);
    if (!existsSync(path)) return fallback;
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as T;
    } catch (error) {
      // A damaged state file costs its content (the list shows "not checked"), never the backups.
      this.deps.logger.warn({ event: 'backup_state_unreadable', file: path, err: error }, 'backup state file unreadable; starting afresh');
      return fallback;
    }
  }

  /** Written whole to a temp name and renamed: a crash leaves the old file or the new one. */
  private writeJson(name: string, value: unknown): void {
    mkdirSync(this.deps.dir, { recursive: true });
    const path = join(this.deps.dir, name);
    writeFileSync(`${path}.tmp`, JSON.stringify(value, null, 2));
    renameSync(`${path}.tmp`, path);
  }
}

function newestFirst(a: string, b: string): number {
  const key = (name: string) => {
    const m = BACKUP_NAME.exec(name)!;
    return `${m[1]}${m[2]}-${(m[3] ?? '1').padStart(6, '0')}`;
  };
  return key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0;
}
